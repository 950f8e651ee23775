package io.warnews.query.audit;

import io.warnews.query.processing.Isolation;
import io.warnews.query.processing.ReadModel;
import io.warnews.query.processing.StreamPositions;
import io.warnews.query.processing.TransientFailures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A read model's projection, made anew over the rebuild's copies of its tables ({@link SideBySide}),
 * fed from the first event of the store: a chunk of events a transaction, the projection's rows of
 * a chunk collected and written together as in a processor's batch. The stream is read once, from
 * the start up to a position, then on up to a later one.
 * <p>
 * A chunk that fails for a reason that says nothing about its events (the database away, a lock
 * timeout) is applied again after a pause, until {@code patience} has passed without progress; a
 * chunk that fails otherwise is applied again event by event to find the failing event: when the
 * live model has set its stream aside too (the group's dead-letter queue holds it), the replay
 * passes over that stream's events from there on, as the live processor does; otherwise the
 * replay fails, naming the event (the rebuild then leaves the live model as it was).
 */
final class SideBySideReplay implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SideBySideReplay.class);

    /** The event that a replay could not apply, and why. */
    static final class EventFailed extends RuntimeException {
        EventFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The rebuild is no longer the group's (another took it over): the replay must not write on. */
    static final class TakenOver extends RuntimeException {
        TakenOver(String message) {
            super(message);
        }
    }

    /**
     * Checked at the start of every chunk's transaction, on its connection: throws {@link TakenOver}
     * when the rebuild may no longer write its copies (and holds what it checked until the chunk commits).
     */
    @FunctionalInterface
    interface Guard {
        void check(JdbcTemplate inChunk);
    }

    /** An event the replay passed over: its stream was set aside. */
    record PassedOver(String stream, long version) {
    }

    /** Progress of the replay, reported after each chunk. */
    @FunctionalInterface
    interface Progress {
        void applied(long position, long events);
    }

    private final ReadAhead readAhead;
    private final AnnotationEventHandlerAdapter projection;
    private final TransactionTemplate transactions;
    private final Guard guard;
    private final JdbcTemplate inChunk;
    private final int chunk;
    private final Duration patience;
    private final Progress progress;
    /** The first version of a stream that the live model has set aside (its dead-letter queue holds it), if any. */
    private final Function<String, OptionalLong> setAsideLive;
    /** Streams whose events the replay passes over from a version on: as the live model does. */
    private final Map<String, Long> setAside = new HashMap<>();
    /** The events passed over so far. */
    private final List<PassedOver> passedOver = new ArrayList<>();
    private TrackingToken lastToken;
    private long position = -1;
    private long events;

    SideBySideReplay(EventStore eventStore, ReadModel model, DataSource copies, int chunk, Duration patience,
                     Function<String, OptionalLong> setAsideLive, Guard guard, Progress progress) {
        this.setAsideLive = setAsideLive;
        this.guard = guard;
        this.inChunk = new JdbcTemplate(copies);
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(copies);
        this.projection = new AnnotationEventHandlerAdapter(model.projection().create(jdbc, new StreamPositions(jdbc)));
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(copies));
        this.chunk = chunk;
        this.patience = patience;
        this.progress = progress;
        this.readAhead = new ReadAhead(eventStore, 4 * chunk, patience);
    }

    /** The events read so far (those of other read models included). */
    long events() {
        return events;
    }

    /** The position of the last event applied; -1 before the first. */
    long position() {
        return position;
    }

    /**
     * Applies the events of the store in order up to position {@code head} (included), which must be
     * an event that has been stored; an event beyond it is left for the next call.
     */
    void upTo(long head) throws InterruptedException {
        List<TrackedEventMessage<?>> events = new ArrayList<>(chunk);
        long idleSince = System.nanoTime();
        while (position < head) {
            TrackedEventMessage<?> next = readAhead.peek(250);
            if (next == null) {
                if (!events.isEmpty()) {
                    apply(events);
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince > patience.toNanos()) {
                    throw new IllegalStateException("the event store gave no event after position " + position
                            + " for " + patience + " (the replay waits for position " + head + ")");
                }
                continue;
            }
            long at = positionOf(next);
            if (at > head) {
                break;
            }
            events.add(readAhead.take());
            // an event committed late comes below positions already read: the highest one stays
            position = Math.max(position, at);
            if (events.size() >= chunk || position >= head) {
                apply(events);
                idleSince = System.nanoTime();
            }
        }
        if (!events.isEmpty()) {
            apply(events);
        }
    }

    /**
     * Applies what the store brings next, up to position {@code end} (the live processor's), until
     * the replay has applied every event that the {@code live} tokens have seen: an event whose
     * transaction committed late, below a position the replay had passed, reaches the replay after
     * the live processor applied it. Stops (answers false) at an event beyond {@code end}, or after
     * {@code patience}: such a late event is then applied by the live processor after the swap (the
     * replay's token still has it as a gap), and only the comparison shows it.
     */
    boolean covering(TrackingToken[] live, long end, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        List<TrackedEventMessage<?>> late = new ArrayList<>(1);
        while (!covers(live)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TrackedEventMessage<?> next = readAhead.peek(20);
            if (next == null) {
                continue;
            }
            if (positionOf(next) > end) {
                // the live processor has not seen it: the replay stops where the live model stands
                return false;
            }
            // each on its own: an event's token includes every event delivered before it
            late.add(readAhead.take());
            apply(late);
        }
        return true;
    }

    private boolean covers(TrackingToken[] live) {
        for (TrackingToken token : live) {
            TrackingToken applied = token == null ? null : WrappedToken.unwrapLowerBound(token);
            if (applied != null && (lastToken == null || !lastToken.covers(applied))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The store's events read, and their payloads deserialised, on a thread of their own while the
     * replay writes the rows of those before: the database reads the next events while it writes.
     * When reading fails for a reason that says nothing about the events (the database away or
     * restarting), the stream is opened again after the last event read, after a pause, until
     * {@code patience} has passed without an event.
     */
    private static final class ReadAhead {

        private final EventStore eventStore;
        private final Duration patience;
        private final BlockingQueue<TrackedEventMessage<?>> queue;
        private final Thread reader;
        private volatile boolean stopped;
        private volatile Throwable failure;
        private TrackedEventMessage<?> pending;

        ReadAhead(EventStore eventStore, int capacity, Duration patience) {
            this.eventStore = eventStore;
            this.patience = patience;
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.reader = new Thread(this::read, "rebuild-read-ahead");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            BlockingStream<TrackedEventMessage<?>> stream = null;
            // the token of the last event queued; null: from the first event of the store
            TrackingToken last = null;
            long failingSince = 0;
            long pause = 100;
            try {
                while (!stopped) {
                    try {
                        if (stream == null) {
                            stream = eventStore.openStream(last);
                        }
                        if (stream.hasNextAvailable(250, TimeUnit.MILLISECONDS)) {
                            TrackedEventMessage<?> event = stream.nextAvailable();
                            event.getPayload();
                            event.getMetaData();
                            while (!stopped && !queue.offer(event, 250, TimeUnit.MILLISECONDS)) {
                                // the replay is busy: wait for room
                            }
                            last = event.trackingToken();
                        }
                        failingSince = 0;
                        pause = 100;
                    } catch (InterruptedException e) {
                        throw e;
                    } catch (Exception e) {
                        long now = System.nanoTime();
                        failingSince = failingSince == 0 ? now : failingSince;
                        if (!TransientFailures.isTransient(e) || now - failingSince > patience.toNanos()) {
                            failure = e;
                            return;
                        }
                        log.info("reading the event store for a rebuild failed ({}); again after position {} in {} ms",
                                e.toString(), last == null ? -1 : last.position().orElse(-1), pause);
                        closeQuietly(stream);
                        stream = null;
                        Thread.sleep(pause);
                        pause = Math.min(pause * 2, 5_000);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                failure = e;
            } finally {
                closeQuietly(stream);
            }
        }

        private static void closeQuietly(BlockingStream<?> stream) {
            if (stream != null) {
                try {
                    stream.close();
                } catch (RuntimeException e) {
                    log.debug("closing the rebuild's event stream", e);
                }
            }
        }

        /** The next event, left in place; null when none came within {@code millis}. */
        TrackedEventMessage<?> peek(long millis) throws InterruptedException {
            if (pending == null) {
                pending = queue.poll(millis, TimeUnit.MILLISECONDS);
            }
            if (pending == null && failure != null) {
                throw new IllegalStateException("reading the event store failed: " + failure.getMessage(), failure);
            }
            return pending;
        }

        TrackedEventMessage<?> take() {
            TrackedEventMessage<?> next = pending;
            pending = null;
            return next;
        }

        void stop() {
            stopped = true;
            try {
                reader.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long positionOf(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow(() -> new IllegalStateException(
                "an event without a position: " + event.getIdentifier()));
    }

    /** Applies the chunk in one transaction (again after a transient failure), then empties it. */
    private void apply(List<TrackedEventMessage<?>> chunkOfEvents) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = 100;
        while (true) {
            try {
                inOneTransaction(chunkOfEvents);
                break;
            } catch (RuntimeException e) {
                if (e instanceof TakenOver) {
                    throw e;
                }
                if (!TransientFailures.isTransient(e)) {
                    setAsideOrFail(chunkOfEvents, e);
                    continue;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the database kept failing for " + patience
                            + " while the replay applied the events after position " + positionOf(chunkOfEvents.get(0))
                            + ": " + e.getMessage(), e);
                }
                Thread.sleep(pause);
                pause = Math.min(pause * 2, 5_000);
            }
        }
        events += chunkOfEvents.size();
        lastToken = chunkOfEvents.get(chunkOfEvents.size() - 1).trackingToken();
        position = Math.max(position, positionOf(chunkOfEvents.get(chunkOfEvents.size() - 1)));
        progress.applied(position, events);
        chunkOfEvents.clear();
    }

    private void inOneTransaction(List<TrackedEventMessage<?>> chunkOfEvents) {
        transactions.executeWithoutResult(status -> {
            guard.check(inChunk);
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(chunkOfEvents.get(0));
            try {
                List<PassedOver> passed = new ArrayList<>();
                for (TrackedEventMessage<?> event : chunkOfEvents) {
                    if (!projection.canHandle(event)) {
                        continue;
                    }
                    if (setAside(event)) {
                        DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
                        passed.add(new PassedOver(domain.getAggregateIdentifier(), domain.getSequenceNumber()));
                    } else {
                        projection.handle(event);
                    }
                }
                unitOfWork.commit();
                passedOver.addAll(passed);
            } catch (Exception e) {
                if (unitOfWork.isActive()) {
                    unitOfWork.rollback(e);
                }
                throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            }
        });
    }

    /**
     * Applies the chunk's events again, each written before the next is handled ({@link Isolation}),
     * in a transaction rolled back at the end, to find the one that fails. When its stream is set
     * aside in the live model too (its dead-letter queue holds it), the replay passes over the
     * stream's events from there on, as the live processor did; otherwise the replay fails, naming
     * the event.
     */
    private void setAsideOrFail(List<TrackedEventMessage<?>> chunkOfEvents, RuntimeException failure) {
        TrackedEventMessage<?>[] failing = {null};
        Exception[] cause = {null};
        try {
            transactions.executeWithoutResult(status -> {
                status.setRollbackOnly();
                UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(chunkOfEvents.get(0));
                try {
                    for (TrackedEventMessage<?> event : chunkOfEvents) {
                        failing[0] = event;
                        if (projection.canHandle(event) && !setAside(event)) {
                            Isolation.run(() -> projection.handle(event));
                        }
                    }
                    failing[0] = null;
                } catch (Exception e) {
                    cause[0] = e;
                } finally {
                    unitOfWork.rollback();
                }
            });
        } catch (RuntimeException e) {
            cause[0] = cause[0] == null ? e : cause[0];
        }
        if (failing[0] != null && cause[0] != null) {
            if (failing[0] instanceof DomainEventMessage<?> domain && !setAside(domain)) {
                OptionalLong live = setAsideLive.apply(domain.getAggregateIdentifier());
                if (live.isPresent() && live.getAsLong() <= domain.getSequenceNumber()) {
                    setAside.put(domain.getAggregateIdentifier(), live.getAsLong());
                    return;
                }
            }
            throw new EventFailed("the replay could not apply the event at position " + positionOf(failing[0])
                    + describe(failing[0]) + ": " + rootMessage(cause[0]), cause[0]);
        }
        throw new EventFailed("the replay could not apply the events after position "
                + positionOf(chunkOfEvents.get(0)) + ": " + rootMessage(failure), failure);
    }

    /** Whether the event's stream is set aside from a version at or before the event's. */
    private boolean setAside(EventMessage<?> event) {
        if (!(event instanceof DomainEventMessage<?> domain)) {
            return false;
        }
        Long from = setAside.get(domain.getAggregateIdentifier());
        return from != null && domain.getSequenceNumber() >= from;
    }

    /** The events the replay has passed over, each set aside in the live read model's dead-letter queue. */
    List<PassedOver> passedOver() {
        return List.copyOf(passedOver);
    }

    /**
     * The token of the last event the replay has applied (or passed over): every event it covers is
     * in the copies, every other one is not. Null before the first.
     */
    TrackingToken token() {
        return lastToken;
    }

    private static String describe(TrackedEventMessage<?> event) {
        String type = " (" + event.getPayloadType().getSimpleName();
        if (event instanceof DomainEventMessage<?> domain) {
            return type + ", stream " + domain.getAggregateIdentifier() + " version " + domain.getSequenceNumber() + ")";
        }
        return type + ")";
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public void close() {
        readAhead.stop();
    }
}
