package io.warnews.query.processing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The shape of a read model's projection. Its event handlers turn each event into row changes,
 * collected in a {@link RowBatch} of the projection's own making through {@link #apply}; the shape
 * does the rest:
 * <ul>
 *   <li>idempotency: an event is applied only when it is newer than what the read model has applied
 *       of its stream ({@link StreamPositions}), so an event delivered twice changes nothing;</li>
 *   <li>batching: inside a processor's unit of work (a batch of events, up to {@code batch-size},
 *       committed with the token) the changes of all its events are collected and written once,
 *       just before the batch commits, with multi-row statements and JDBC batches; outside one (a
 *       replay into temporary tables, a test delivering events) and for an event that runs
 *       {@link Isolation isolated} they are written before the handler returns;</li>
 *   <li>no catch-all: an event the projection has no handler for is passed over by its processor
 *       without a transaction (a write to one read model does not cost the other four a commit);
 *       a read that waits for such an event's version looks at the processor's token instead
 *       ({@code consistency.AppliedVersions});</li>
 *   <li>reset: the read model's tables are emptied and its positions forgotten.</li>
 * </ul>
 * A batch's row changes may depend on one another (a correction of a report recorded in the same
 * batch): the {@link RowBatch} keeps what the batch has changed in memory, and reads from the
 * tables only what the batch has not touched.
 *
 * @param <B> the row changes of one batch
 */
public abstract class Projection<B extends RowBatch> {

    private static final Logger LOG = LoggerFactory.getLogger(Projection.class);
    /** The fewest events between two refreshes of the tables' planner statistics. */
    private static final long ANALYZE_AFTER = 1_000;
    /** The one thread that refreshes the read models' planner statistics, one read model after the other. */
    private static final ExecutorService STATISTICS = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-statistics");
        thread.setDaemon(true);
        return thread;
    });

    protected final NamedParameterJdbcTemplate jdbc;
    private final StreamPositions positions;
    private final ReadModel model;
    private final String resource = getClass().getName() + "@" + System.identityHashCode(this);
    /** Events applied by this process, and since the tables' planner statistics were last refreshed. */
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong sinceAnalyze = new AtomicLong();
    private final AtomicBoolean statisticsQueued = new AtomicBoolean();

    protected Projection(ReadModel model, NamedParameterJdbcTemplate jdbc, StreamPositions positions) {
        this.model = model;
        this.jdbc = jdbc;
        this.positions = positions;
    }

    /** Empty row changes, for one batch (or one event written at once). */
    protected abstract B newBatch();

    /** Applies the event ({@code streamId}, {@code version}) when it is new: {@code changes} records its rows in the batch. */
    protected final void apply(String streamId, long version, Consumer<B> changes) {
        if (!positions.advance(model.name(), streamId, version)) {
            return;
        }
        applied.incrementAndGet();
        sinceAnalyze.incrementAndGet();
        if (!CurrentUnitOfWork.isStarted() || Isolation.active()) {
            B rows = newBatch();
            changes.accept(rows);
            rows.flush();
            return;
        }
        changes.accept(batch(CurrentUnitOfWork.get()));
    }

    @ResetHandler
    public final void reset() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().resources().remove(resource);
        }
        model.empty(jdbc);
        positions.clear(model.name());
    }

    @SuppressWarnings("unchecked")
    private B batch(UnitOfWork<?> unitOfWork) {
        B rows = (B) unitOfWork.resources().get(resource);
        if (rows == null) {
            rows = newBatch();
            unitOfWork.resources().put(resource, rows);
            unitOfWork.onPrepareCommit(this::flush);
        }
        return rows;
    }

    /** Writes the batch's rows in its transaction, before its token. */
    private void flush(UnitOfWork<?> unitOfWork) {
        Object rows = unitOfWork.resources().remove(resource);
        if (rows == null) {
            return;
        }
        try {
            ((RowBatch) rows).flush();
        } catch (RuntimeException | Error e) {
            Isolation.batchFailed(unitOfWork, e);
            throw e;
        }
        if (statisticsDue()) {
            unitOfWork.afterCommit(committed -> queueStatisticsRefresh());
        }
    }

    /**
     * Whether an import or a replay has grown the tables by half or more since their planner
     * statistics were last refreshed (and by {@code ANALYZE_AFTER} events at least). Without a
     * refresh the planner keeps the statistics of nearly empty tables until autovacuum's next round
     * (up to a minute later) and plans reads as if they were: the first reads after an import ran
     * past the requests' statement limit.
     */
    private boolean statisticsDue() {
        long since = sinceAnalyze.get();
        return since >= Math.max(ANALYZE_AFTER, applied.get() / 2) && sinceAnalyze.compareAndSet(since, 0);
    }

    /**
     * Refreshes the statistics on a thread of their own, not the processor's: an {@code ANALYZE} of
     * big tables takes a while, and a rebuild's processor spent a fifth of its time waiting for
     * them. A refresh asked for while one of the same read model still waits is not queued twice.
     */
    private void queueStatisticsRefresh() {
        if (!statisticsQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            STATISTICS.execute(() -> {
                statisticsQueued.set(false);
                refreshStatistics();
            });
        } catch (RejectedExecutionException e) {
            statisticsQueued.set(false);
        }
    }

    /** Refreshes the tables' statistics; a failure only waits for autovacuum. */
    private void refreshStatistics() {
        try {
            model.analyze(jdbc);
        } catch (RuntimeException e) {
            LOG.info("statistics of the {} read model not refreshed (autovacuum will): {}", model.name(), e.toString());
        }
    }
}
