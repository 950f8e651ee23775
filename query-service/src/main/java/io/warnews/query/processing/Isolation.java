package io.warnews.query.processing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Which events run isolated, one at a time in a savepoint of their own, and which run batched.
 * <p>
 * A batch of events runs without savepoints: each {@link Projection} collects the batch's row
 * changes and writes them once, just before the batch commits. When the batch fails for a reason
 * that is not {@link TransientFailures transient} (a handler throws, or writing the collected rows
 * does), the events the batch had handled are marked, the batch is rolled back and the processor
 * retries it; on that retry each marked event runs isolated: its rows are written at the end of
 * its own handler, inside a savepoint (the audit's {@code SavepointPerHandler}), so the one that
 * fails is undone alone and dead-lettered while the others, the token and the dead letter commit.
 */
public final class Isolation {

    private static final String SEEN = Isolation.class.getName() + ".seen";
    /** Events (with the handling class) to run isolated when they come again. */
    private static final Set<String> MARKED = ConcurrentHashMap.newKeySet();
    private static final ThreadLocal<Boolean> ISOLATED = new ThreadLocal<>();

    private Isolation() {
    }

    /** Whether the handler running on this thread runs isolated (its rows are written before it returns). */
    public static boolean active() {
        return Boolean.TRUE.equals(ISOLATED.get());
    }

    /** Runs {@code work} isolated. */
    public static <T> T run(Callable<T> work) throws Exception {
        Boolean outer = ISOLATED.get();
        ISOLATED.set(Boolean.TRUE);
        try {
            return work.call();
        } finally {
            ISOLATED.set(outer);
        }
    }

    /** Notes that the batch handled the event (its key: event id and handling class), batched. */
    public static void seen(UnitOfWork<?> batch, String key) {
        seenIn(batch).add(key);
    }

    /** Whether the event was marked by a failed batch; it is unmarked once it committed isolated. */
    public static boolean marked(UnitOfWork<?> unitOfWork, String key) {
        if (!MARKED.contains(key)) {
            return false;
        }
        unitOfWork.afterCommit(committed -> MARKED.remove(key));
        return true;
    }

    /** The batch failed with {@code cause}: unless transient, every event it handled runs isolated on the retry. */
    public static void batchFailed(UnitOfWork<?> batch, Throwable cause) {
        if (!TransientFailures.isTransient(cause)) {
            MARKED.addAll(seenIn(batch));
        }
    }

    /**
     * Writes what the batch's projections have collected so far, before an isolated event: its
     * rows then come after those of the events before it.
     */
    public static void flushPending(UnitOfWork<?> batch) {
        List<RowBatch> pending = new ArrayList<>();
        for (Iterator<Map.Entry<String, Object>> resources = batch.resources().entrySet().iterator();
             resources.hasNext(); ) {
            if (resources.next().getValue() instanceof RowBatch rows) {
                pending.add(rows);
                resources.remove();
            }
        }
        try {
            pending.forEach(RowBatch::flush);
        } catch (RuntimeException | Error e) {
            batchFailed(batch, e);
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> seenIn(UnitOfWork<?> batch) {
        return (Set<String>) batch.resources().computeIfAbsent(SEEN, name -> new java.util.LinkedHashSet<String>());
    }
}
