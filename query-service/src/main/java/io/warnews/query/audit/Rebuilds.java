package io.warnews.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warnews.query.database.PoolPerPurpose;
import io.warnews.query.processing.ProcessorLocks;
import io.warnews.query.processing.ReadModel;
import io.warnews.query.processing.ReadModels;
import io.warnews.query.processing.TransientFailures;
import io.warnews.query.web.NotFound;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a declared read model ({@link ReadModels}) from the first event, beside the live one, and
 * verifies it:
 * <ol>
 *   <li>waits until the live processor has reached the event store's head;</li>
 *   <li>replays the store from the first event into empty copies of the read model's tables
 *       ({@link SideBySide}, {@link SideBySideReplay}) while the live tables go on serving reads and
 *       the live processor goes on writing them, then builds the copies' other indexes;</li>
 *   <li>stops the live processor (and claims its segments from any other instance), replays the
 *       events it had applied since, and puts the copies in the live tables' place in one
 *       transaction; the live processor starts again from where it stopped, on the new tables (an
 *       event both had applied is passed over: {@code stream_position});</li>
 *   <li>compares the replaced tables with the new ones as they stood at the swap (a checksum each,
 *       and the first differing rows when they differ), and drops the replaced ones.</li>
 * </ol>
 * A failure before the swap leaves the live model as it was. One rebuild of a read model runs at a
 * time across instances (a PostgreSQL advisory lock held by the rebuild's session); a rebuild left
 * unfinished by a stopped service is marked FAILED and its tables dropped at the next start.
 * Progress and outcome are kept in {@code read_model.rebuild}.
 */
@Component
@EnableConfigurationProperties(AuditProperties.class)
class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    private static final TypeReference<List<ModelChecksums.Difference>> DIFFERENCES = new TypeReference<>() {
    };
    /** Events applied a transaction in the replay. */
    private static final int CHUNK = 2_000;
    /** The advisory-lock class of rebuilds (the second key is the group's hash). */
    private static final int LOCK_CLASS = 0x7265_6231;
    /** How long the swap waits for a table a reader holds before it lets the reads queued behind it go on. */
    private static final Duration SWAP_LOCK_TIMEOUT = Duration.ofMillis(500);
    /** How long a retry or a drop of dead letters waits for the group's rebuild lock before it is refused. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(2);
    /** How long the swap tries again while readers hold the tables. */
    private static final Duration SWAP_PATIENCE = Duration.ofSeconds(60);
    /** How long a rebuild whose session was lost waits for its lock to be free again (a retry of dead letters may hold it). */
    private static final Duration SESSION_LOCK_WAIT = Duration.ofSeconds(10);
    /** How long the outcome of a rebuild is tried again while the database is away. */
    private static final Duration OUTCOME_PATIENCE = Duration.ofMinutes(5);
    /** How long the replay waits, at the swap, for an event the live processor applied that committed late. */
    private static final Duration COVER_PATIENCE = Duration.ofSeconds(10);
    /** How long a failed rebuild waits for the database to drop its tables (else the next start or rebuild does). */
    private static final Duration CLEAN_UP_PATIENCE = Duration.ofSeconds(30);

    private final EventProcessingConfiguration processing;
    private final ReadModels readModels;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final ModelChecksums checksums;
    private final NamedParameterJdbcTemplate jdbc;
    private final DataSource dataSource;
    private final PlatformTransactionManager transactionManager;
    private final TransactionTemplate transactions;
    private final AuditProperties properties;
    private final Clock clock;
    private final ProcessorLocks processorLocks;
    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "rebuild");
        thread.setDaemon(true);
        return thread;
    });

    Rebuilds(EventProcessingConfiguration processing, ReadModels readModels, EventStore eventStore,
             TokenStore tokenStore, ModelChecksums checksums, NamedParameterJdbcTemplate jdbc, DataSource dataSource,
             PlatformTransactionManager transactions, AuditProperties properties, Clock clock,
             ProcessorLocks processorLocks) {
        this.processing = processing;
        this.readModels = readModels;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.checksums = checksums;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactionManager = transactions;
        this.transactions = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
        this.processorLocks = processorLocks;
    }

    /** The rebuild's own session is gone: it must not go on (another may start meanwhile). */
    private static final class SessionLost extends RuntimeException {
        SessionLost(String message) {
            super(message);
        }
    }

    /** Thrown when the group is already being rebuilt, or its dead letters retried or dropped. */
    static final class AlreadyRunning extends RuntimeException {
        AlreadyRunning(String group) {
            super("'" + group + "' is being rebuilt, or its dead letters retried or dropped, right now:"
                    + " try again once that has finished");
        }
    }

    /**
     * Runs {@code work} (a retry or a drop of the group's dead letters) holding the group's rebuild
     * lock: a rebuild's replay decides from the dead-letter queue which streams to pass over, so the
     * queue must not change under it. Refused ({@link AlreadyRunning}) while a rebuild runs.
     */
    <T> T whileNotRebuilding(String group, java.util.function.Supplier<T> work) {
        // the caller's pool (a request's: answered 503 within about a second while the database is away)
        Connection session = newConnection();
        try {
            // a rebuild that is writing its outcome lets go within moments: wait for that, not longer
            long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
            while (!tryLock(session, group)) {
                if (System.nanoTime() > deadline) {
                    throw new AlreadyRunning(group);
                }
                Thread.sleep(50);
            }
            try {
                return work.get();
            } finally {
                unlock(session, group);
            }
        } catch (SQLException e) {
            throw new org.springframework.jdbc.CannotGetJdbcConnectionException("no connection for the rebuild lock", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AlreadyRunning(group);
        } finally {
            close(session);
        }
    }

    StreamingEventProcessor processor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFound("processing group", group));
    }

    List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .toList();
    }

    /**
     * At the start: a rebuild that a stopped service left unfinished (no session holds its lock) is
     * marked FAILED and the tables it had made are dropped; the live model was never touched by it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void clearUnfinished() {
        Set<String> left;
        try {
            // one look for anything left; usually nothing, and no lock is taken
            left = Set.copyOf(jdbc.queryForList("""
                    SELECT processing_group FROM read_model.rebuild WHERE state NOT IN ('VERIFIED', 'FAILED')
                    UNION SELECT substring(nspname FROM '^read_model_(?:rebuild|before)_(.+)$') FROM pg_namespace
                    WHERE nspname ~ '^read_model_(rebuild|before)_'
                    """, Map.of(), String.class));
        } catch (RuntimeException e) {
            log.warn("could not look for unfinished rebuilds: {}", e.toString());
            return;
        }
        for (ReadModel model : readModels.all()) {
            if (!left.contains(model.name())) {
                continue;
            }
            try (Connection session = dataSource.getConnection()) {
                if (tryLock(session, model.name())) {
                    try {
                        clearUnfinished(session, model);
                    } finally {
                        unlock(session, model.name());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                log.warn("could not look for an unfinished rebuild of {}: {}", model.name(), e.toString());
            }
        }
    }

    /** With the group's lock held on {@code session}: no rebuild of it runs anywhere. */
    private void clearUnfinished(Connection session, ReadModel model) {
        new SideBySide(new JdbcTemplate(new SingleConnectionDataSource(session, true)), model).dropLeftovers();
        int cleared = jdbc.update("""
                UPDATE read_model.rebuild SET state = 'FAILED', finished_at = :at,
                    failure = CASE state
                        WHEN 'SWAPPED' THEN 'the query-service stopped after the rebuilt tables took the live ones'' place,'
                            || ' before they were compared'
                        ELSE 'the query-service stopped before the rebuild finished; the live read model was left as it was'
                    END
                WHERE processing_group = :group AND state NOT IN ('VERIFIED', 'FAILED')
                """, new MapSqlParameterSource("group", model.name()).addValue("at", Timestamp.from(clock.instant())));
        if (cleared > 0) {
            log.info("{} unfinished rebuild(s) of {} marked FAILED", cleared, model.name());
        }
    }

    /** Starts a rebuild of the group's read model in the background; answers its id. */
    UUID start(String group, String requestedBy) {
        ReadModel model = readModels.find(group).orElseThrow(() -> new NotFound("read model", group));
        StreamingEventProcessor processor = processor(group);
        if (!running.add(group)) {
            throw new AlreadyRunning(group);
        }
        UUID id = UUID.randomUUID();
        Connection session = null;
        boolean locked = false;
        try {
            // the database is there (on the request's pool: a 503 within about a second while it is away)
            jdbc.getJdbcTemplate().queryForObject("SELECT 1", Integer.class);
            // the rebuild's session is the service's own work (no request's time limits), held to its end
            session = PoolPerPurpose.forProcessing(this::newConnection);
            if (!tryLock(session, group)) {
                throw new AlreadyRunning(group);
            }
            locked = true;
            clearUnfinished(session, model);
            long head = head();
            jdbc.update("""
                    INSERT INTO read_model.rebuild (rebuild_id, processing_group, state, requested_by, started_at,
                        head_position)
                    VALUES (:id, :group, 'STARTED', :by, :at, :head)
                    """, new MapSqlParameterSource("id", id).addValue("group", group).addValue("by", requestedBy)
                    .addValue("at", Timestamp.from(clock.instant())).addValue("head", head));
            Connection held = session;
            worker.execute(() -> run(id, model, processor, head, held));
        } catch (SQLException | RuntimeException e) {
            running.remove(group);
            if (locked) {
                unlock(session, group);
            }
            close(session);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new org.springframework.jdbc.CannotGetJdbcConnectionException("no connection for the rebuild",
                    (SQLException) e);
        }
        return id;
    }

    private void run(UUID id, ReadModel model, StreamingEventProcessor processor, long head, Connection connection) {
        String group = model.name();
        RebuildSession session = new RebuildSession(id, model, connection);
        SideBySide tables = new SideBySide(session.jdbc(), model);
        boolean[] swapped = {false};
        Comparison comparison = null;
        String failure = null;
        try {
            awaitPosition(processor, head, properties.catchUpTimeout().toMillis());
            tables.create();
            update(id, Map.of("state", "REPLAYING"));
            long started = System.nanoTime();
            try (SideBySideReplay replay = new SideBySideReplay(eventStore, model, tables.redirecting(dataSource), CHUNK,
                    properties.replayTimeout(), stream -> firstSetAside(group, stream),
                    inChunk -> stillReplaying(inChunk, id), progress(id))) {
                if (head >= 0) {
                    replay.upTo(head);
                }
                long replayed = System.nanoTime();
                session.ensure();
                tables.finish();
                long indexed = System.nanoTime();
                // what was recorded meanwhile, while the live processor still runs: the pause at the swap stays short
                long now = head();
                if (now > replay.position()) {
                    replay.upTo(now);
                }
                log.info("rebuild {} of {}: replayed to position {} in {} ms, other indexes built in {} ms, then on to"
                                + " position {} in {} ms", id, group, head, (replayed - started) / 1_000_000,
                        (indexed - replayed) / 1_000_000, replay.position(), (System.nanoTime() - indexed) / 1_000_000);
                comparison = swap(id, model, processor, tables, replay, session, swapped);
            }
        } catch (Exception | Error e) {
            log.warn("rebuild {} of {} failed", id, group, e);
            failure = swapped[0]
                    ? "the rebuilt tables took the live ones' place, but their comparison failed: " + e.getMessage()
                    : String.valueOf(e.getMessage());
        } finally {
            try {
                // only while the rebuild holds its lock: another rebuild may have taken over its tables
                session.ensure(CLEAN_UP_PATIENCE);
                tables.dropLeftovers();
            } catch (RuntimeException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                log.warn("rebuild {} of {}: its tables are dropped at the next start or rebuild ({})", id, group,
                        e.toString());
            }
            // the outcome is written while the rebuild still holds its lock (no other rebuild of the
            // group can start and mark this one), then everything is let go
            outcome(id, group, comparison, failure);
            unlock(session.connection(), group);
            close(session.connection());
            running.remove(group);
        }
    }

    /**
     * The rebuild's own database session, which holds the group's rebuild lock. A restart of the
     * database ends it while the replay goes on (its chunks and its reading of the store are tried
     * again until the database is back): then a new session takes the lock again, provided that no
     * one else has it and that the rebuild is still the group's unfinished one with its tables in
     * place. Otherwise ({@link SessionLost}) another rebuild, or a start of the service, has taken
     * over meanwhile and this one stops.
     */
    private final class RebuildSession {

        private final UUID id;
        private final ReadModel model;
        private final JdbcTemplate jdbc;
        private Connection connection;

        RebuildSession(UUID id, ReadModel model, Connection connection) {
            this.id = id;
            this.model = model;
            this.connection = connection;
            this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        }

        /** Statements on the rebuild's session (whichever it is now). */
        JdbcTemplate jdbc() {
            return jdbc;
        }

        Connection connection() {
            return connection;
        }

        /** Makes sure the rebuild still holds its lock, on a new session if the database lost the old one. */
        void ensure() throws InterruptedException {
            ensure(properties.replayTimeout());
        }

        /** As {@link #ensure()}, waiting for the database at most {@code patience}. */
        void ensure(Duration patience) throws InterruptedException {
            if (alive(connection)) {
                return;
            }
            String group = model.name();
            log.info("rebuild {} of {}: its database session was lost; taking its lock again", id, group);
            try {
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                log.debug("aborting the rebuild's lost session", e);
            }
            // back to the pool, which lets a broken connection go (an aborted one not closed keeps its place)
            close(connection);
            long deadline = System.nanoTime() + patience.toNanos();
            long lockDeadline = System.nanoTime() + SESSION_LOCK_WAIT.toNanos();
            long pause = 100;
            while (true) {
                try {
                    Connection fresh = relock(group);
                    if (fresh != null) {
                        connection = fresh;
                        jdbc.setDataSource(new SingleConnectionDataSource(fresh, true));
                        log.info("rebuild {} of {}: its lock is held again, on a new session", id, group);
                        return;
                    }
                    if (System.nanoTime() > lockDeadline) {
                        throw new SessionLost("the rebuild's database session (which holds its lock) was lost, and"
                                + " meanwhile another session took the lock of '" + group + "' (another rebuild, or a"
                                + " retry or drop of its dead letters): start the rebuild again");
                    }
                } catch (RuntimeException e) {
                    if (e instanceof SessionLost || !TransientFailures.isTransient(e) || System.nanoTime() > deadline) {
                        throw e;
                    }
                }
                Thread.sleep(pause);
                pause = Math.min(pause * 2, 2_000);
            }
        }

        /**
         * A new session holding the group's lock for this rebuild; null while another session holds
         * the lock. Throws {@link SessionLost} when the lock is free but the rebuild was taken over.
         */
        private Connection relock(String group) {
            Connection fresh = PoolPerPurpose.forProcessing(Rebuilds.this::newConnection);
            boolean locked = false;
            try {
                locked = tryLock(fresh, group);
                if (locked && stillThisRebuild()) {
                    return fresh;
                }
                if (locked) {
                    throw new SessionLost("the rebuild's database session (which holds its lock) was lost, and"
                            + " meanwhile another rebuild of '" + group + "' or a start of the service took over"
                            + " its tables: the live read model was left as it was");
                }
            } catch (SQLException e) {
                release(fresh, locked, group);
                throw new CannotGetJdbcConnectionException("taking the rebuild lock again", e);
            } catch (RuntimeException e) {
                release(fresh, locked, group);
                throw e;
            }
            release(fresh, false, group);
            return null;
        }

        /** The rebuild's row says it is unfinished, and its tables are there (the copies, or after the swap the replaced ones). */
        private boolean stillThisRebuild() {
            String state = find(id).map(Rebuild::state).orElse("");
            String schema = state.equals("SWAPPED") ? SideBySide.beforeSchema(model.name())
                    : SideBySide.rebuildSchema(model.name());
            Boolean there = Rebuilds.this.jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = :schema)", Map.of("schema", schema),
                    Boolean.class);
            return Set.of("STARTED", "REPLAYING", "SWAPPING", "SWAPPED").contains(state) && Boolean.TRUE.equals(there);
        }

        private void release(Connection fresh, boolean locked, String group) {
            if (fresh != null && locked) {
                unlock(fresh, group);
            }
            close(fresh);
        }
    }

    private static boolean alive(Connection session) {
        try (Statement alive = session.createStatement()) {
            alive.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Writes the rebuild's outcome; tried again while the database is away, for up to five minutes,
     * then left to the next start (which marks it FAILED).
     */
    private void outcome(UUID id, String group, Comparison comparison, String failure) {
        long deadline = System.nanoTime() + OUTCOME_PATIENCE.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                if (comparison != null) {
                    verified(id, group, comparison);
                } else {
                    jdbc.update("UPDATE read_model.rebuild SET state = 'FAILED', finished_at = :at, failure = :failure"
                                    + " WHERE rebuild_id = :id", new MapSqlParameterSource("id", id)
                            .addValue("at", Timestamp.from(clock.instant())).addValue("failure", failure));
                }
                return;
            } catch (RuntimeException | JsonProcessingException e) {
                log.warn("rebuild {} of {}: its outcome was not written (attempt {}): {}", id, group, attempt,
                        e.toString());
                if (!TransientFailures.isTransient(e) || System.nanoTime() > deadline) {
                    return;
                }
                try {
                    Thread.sleep(Math.min(1_000L * attempt, 5_000L));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * With the live processor stopped and its segments claimed: the rest of the replay, the swap
     * (with the processor's tokens set to the replay's, so that it goes on with exactly the events
     * the replay has not applied), the live processor started again on the new tables, then the
     * comparison of the replaced tables with the new ones as both stood at the swap.
     */
    private Comparison swap(UUID id, ReadModel model, StreamingEventProcessor processor, SideBySide tables,
                            SideBySideReplay replay, RebuildSession session, boolean[] swapped) throws Exception {
        String group = model.name();
        session.ensure();
        // the live processor close to the head, so that both models have the same events at the swap
        awaitPosition(processor, head(), properties.catchUpTimeout().toMillis());
        ReentrantLock lock = processorLocks.of(group);
        lock.lock();
        long stopping = System.nanoTime();
        List<Integer> claimed = new ArrayList<>();
        try {
            processor.shutDown();
            try {
                TrackingToken[] live = claimSegments(processor.getName(), claimed);
                long end = -1;
                for (TrackingToken token : live) {
                    end = Math.max(end, token == null ? -1 : token.position().orElse(-1));
                }
                if (end > replay.position()) {
                    replay.upTo(end);
                }
                // and what the live processor applied that committed late, below the replay's position
                if (!replay.covering(live, end, COVER_PATIENCE)) {
                    log.info("rebuild {} of {}: an event the live processor applied, committed late, did not reach"
                            + " the replay before a newer one or within {} (the processor applies it after the swap;"
                            + " the comparison shows it)", id, group, COVER_PATIENCE);
                }
                update(id, Map.of("state", "SWAPPING"));
                swapTables(id, tables, processor.getName(), claimed, replay, session);
                swapped[0] = true;
                log.info("rebuild {} of {}: the live processor stopped, the replay went on to position {}"
                        + " and the tables were swapped in {} ms", id, group, replay.position(),
                        (System.nanoTime() - stopping) / 1_000_000);
                // The comparison reads both models as they stood at the swap (one snapshot, taken before
                // anyone writes the new tables), while the processor goes on.
                TransactionTemplate snapshot = new TransactionTemplate(transactionManager);
                snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
                snapshot.setReadOnly(true);
                return snapshot.execute(status -> {
                    jdbc.getJdbcTemplate().queryForObject("SELECT 1", Integer.class);
                    releaseSegments(processor.getName(), claimed);
                    processor.start();
                    lock.unlock();
                    return compare(group, tables);
                });
            } finally {
                releaseSegments(processor.getName(), claimed);
            }
        } finally {
            if (!processor.isRunning()) {
                processor.start();
            }
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        }
    }

    /** Claims every segment of the processor for this instance; answers their tokens. */
    private TrackingToken[] claimSegments(String name, List<Integer> claimed) {
        return transactions.execute(status -> {
            int[] segments = tokenStore.fetchSegments(name);
            TrackingToken[] tokens = new TrackingToken[segments.length];
            for (int i = 0; i < segments.length; i++) {
                try {
                    tokens[i] = tokenStore.fetchToken(name, segments[i]);
                } catch (UnableToClaimTokenException e) {
                    throw new IllegalStateException("segment " + segments[i] + " of '" + name + "' is processed by"
                            + " another query-service instance: rebuild while one instance runs the processors", e);
                }
                claimed.add(segments[i]);
            }
            return tokens;
        });
    }

    /** Releases the claims (each in a transaction of its own, outside the caller's). */
    private void releaseSegments(String name, List<Integer> claimed) {
        TransactionTemplate ownTransaction = new TransactionTemplate(transactionManager);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        for (int segment : claimed) {
            try {
                ownTransaction.executeWithoutResult(status -> tokenStore.releaseClaim(name, segment));
            } catch (RuntimeException e) {
                log.info("segment {} of {} not released (its claim times out): {}", segment, name, e.toString());
            }
        }
        claimed.clear();
    }

    /**
     * The swap in one transaction: the tables, the claimed segments' tokens set to the replay's, and
     * the rebuild's state {@code SWAPPED}. It needs each table to itself for a moment: a reader
     * holding one makes it give up after {@code SWAP_LOCK_TIMEOUT} (the reads queued behind it go on)
     * and try again, for {@code SWAP_PATIENCE} at most. A commit whose outcome was not heard is
     * looked up before trying again.
     */
    private void swapTables(UUID id, SideBySide tables, String processorName, List<Integer> segments,
                            SideBySideReplay replay, RebuildSession session) throws InterruptedException {
        TrackingToken replayed = replay.token();
        List<SideBySideReplay.PassedOver> passedOver = replay.passedOver();
        // readers holding the tables are waited for SWAP_PATIENCE, the database away for the replay's patience
        long lockDeadline = System.nanoTime() + SWAP_PATIENCE.toNanos();
        long deadline = System.nanoTime() + properties.replayTimeout().toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                // the rebuild still holds its lock (taken again on a new session if the database lost the old one)
                session.ensure();
                // after a failed attempt: a commit whose answer was lost on the way, the swap is done
                if (attempt > 1 && swappedAlready(id)) {
                    return;
                }
                transactions.executeWithoutResult(status -> {
                    JdbcTemplate inTransaction = jdbc.getJdbcTemplate();
                    requireSetAsideLive(tables.model().name(), passedOver);
                    inTransaction.execute("SET LOCAL lock_timeout = '" + SWAP_LOCK_TIMEOUT.toMillis() + "ms'");
                    // still this rebuild's turn: whoever takes a rebuild over marks it FAILED first
                    int swapping = jdbc.update("""
                            UPDATE read_model.rebuild SET state = 'SWAPPED', replayed_position = :position,
                                replayed_events = :events
                            WHERE rebuild_id = :id AND state = 'SWAPPING'
                            """, new MapSqlParameterSource("id", id).addValue("position", replay.position())
                            .addValue("events", replay.events()));
                    if (swapping != 1) {
                        throw new SessionLost("another rebuild of '" + tables.model().name() + "' or a start of the"
                                + " service took this one over before its swap: the live read model was left as it was");
                    }
                    new SideBySide(inTransaction, tables.model()).swap();
                    for (int segment : segments) {
                        tokenStore.storeToken(replayed, processorName, segment);
                    }
                });
                return;
            } catch (RuntimeException e) {
                if (e instanceof SessionLost || !TransientFailures.isTransient(e)) {
                    throw e;
                }
                boolean lockWait = lockNotAvailable(e);
                if (System.nanoTime() > (lockWait ? lockDeadline : deadline)) {
                    throw new IllegalStateException(lockWait
                            ? "the tables of '" + tables.model().name() + "' stayed in use for "
                            + SWAP_PATIENCE.toSeconds() + " s: the rebuilt tables did not take their place ("
                            + e.getMessage() + ")"
                            : "the database kept failing for " + properties.replayTimeout() + " at the swap: the"
                            + " rebuilt tables did not take their place (" + e.getMessage() + ")", e);
                }
                if (lockWait) {
                    log.info("the swap of {} waited too long for a lock (attempt {}); again", tables.model().name(),
                            attempt);
                } else {
                    log.info("the swap of {} failed (attempt {}): {}; again", tables.model().name(), attempt,
                            e.toString());
                }
                Thread.sleep(Math.min(100L * attempt, lockWait ? 1_000L : 5_000L));
            }
        }
    }

    /**
     * In each of the replay's transactions: the rebuild is still REPLAYING, and stays so until the
     * transaction ends (a share lock on its row). Whoever takes a rebuild over (another rebuild, a
     * start of the service) marks it FAILED first: a replay that lost its session while the database
     * was away then stops before it writes into tables that may no longer be its own.
     */
    static void stillReplaying(JdbcTemplate inChunk, UUID id) {
        List<String> state = inChunk.queryForList("SELECT state FROM read_model.rebuild WHERE rebuild_id = ? FOR SHARE",
                String.class, id);
        if (!state.equals(List.of("REPLAYING"))) {
            throw new SideBySideReplay.TakenOver("the rebuild was taken over while it replayed (its state is now "
                    + (state.isEmpty() ? "gone" : state.get(0)) + "): another rebuild of the read model or a start of"
                    + " the service; the live read model was left as it was");
        }
    }

    /** Whether the rebuild's row says SWAPPED (a failure to read it is retried as the swap's own are). */
    private boolean swappedAlready(UUID id) {
        return find(id).map(rebuild -> rebuild.state().equals("SWAPPED")).orElse(false);
    }

    /** A lock that a reader held past the swap's lock_timeout (55P03). */
    private static boolean lockNotAvailable(Throwable failure) {
        return TransientFailures.hasState(failure, "55P03");
    }

    /** The replaced tables' checksum, the new ones', and the first rows found on one side only. */
    private record Comparison(ModelChecksums.Checksum before, ModelChecksums.Checksum after,
                              List<ModelChecksums.Difference> differences) {

        boolean matches() {
            return before.sha256().equals(after.sha256());
        }
    }

    private Comparison compare(String group, SideBySide tables) {
        // the replaced tables no longer change: their checksum is read on a session of its own meanwhile
        CompletableFuture<ModelChecksums.Checksum> replaced = CompletableFuture.supplyAsync(
                () -> checksums.of(tables.beforeSchema(), group), worker);
        ModelChecksums.Checksum after = checksums.of("read_model", group);
        ModelChecksums.Checksum before = replaced.join();
        // Equal checksums are equal dumps: the rows found on one side only are looked for only when they differ.
        boolean matches = after.sha256().equals(before.sha256());
        return new Comparison(before, after, matches ? List.of() : checksums.differences(tables.beforeSchema(), group));
    }

    private void verified(UUID id, String group, Comparison comparison) throws JsonProcessingException {
        jdbc.update("""
                UPDATE read_model.rebuild SET state = 'VERIFIED', finished_at = :at, checksum_before = :before,
                    rows_before = :rowsBefore, checksum_after = :after, rows_after = :rows, matches = :matches,
                    differences = CAST(:differences AS jsonb)
                WHERE rebuild_id = :id
                """, new MapSqlParameterSource("id", id).addValue("at", Timestamp.from(clock.instant()))
                .addValue("before", comparison.before().sha256()).addValue("rowsBefore", comparison.before().rows())
                .addValue("after", comparison.after().sha256()).addValue("rows", comparison.after().rows())
                .addValue("matches", comparison.matches())
                .addValue("differences", json.writeValueAsString(comparison.differences())));
        log.info("rebuild {} of {}: {}", id, group, comparison.matches()
                ? "the rebuilt model equals the one it replaced" : "the rebuilt model differs from the one it replaced");
    }

    /**
     * Every event the replay passed over (its stream set aside) must be in the group's dead-letter
     * queue: after the swap the live processor goes on from the replay's token, so an event it had not
     * set aside itself yet (it was behind the replay) would be in neither model. Then the rebuild
     * fails instead, before the swap; started again, it finds the event set aside.
     */
    private void requireSetAsideLive(String group, List<SideBySideReplay.PassedOver> passedOver) {
        for (SideBySideReplay.PassedOver event : passedOver) {
            Long letters = jdbc.queryForObject("""
                    SELECT count(*) FROM read_model.dead_letter_entry
                    WHERE processing_group = :group AND sequence_identifier = :stream AND sequence_number = :version
                    """, Map.of("group", group, "stream", event.stream(), "version", event.version()), Long.class);
            if (letters == null || letters == 0) {
                throw new IllegalStateException("the replay passed over version " + event.version() + " of stream "
                        + event.stream() + " (set aside in the live read model), which the live processor had not set"
                        + " aside yet: the live read model was left as it was; start the rebuild again");
            }
        }
    }

    /** The first version of the stream that the group's dead-letter queue holds (the live model has set it aside from there). */
    private OptionalLong firstSetAside(String group, String stream) {
        Long first = jdbc.queryForObject("""
                SELECT min(sequence_number) FROM read_model.dead_letter_entry
                WHERE processing_group = :group AND sequence_identifier = :stream
                """, Map.of("group", group, "stream", stream), Long.class);
        return first == null ? OptionalLong.empty() : OptionalLong.of(first);
    }

    /** Keeps the replay's progress in the rebuild's row, at most once a second. */
    private SideBySideReplay.Progress progress(UUID id) {
        long[] last = {0};
        return (position, events) -> {
            long now = System.nanoTime();
            if (now - last[0] < 1_000_000_000L) {
                return;
            }
            last[0] = now;
            try {
                jdbc.update("UPDATE read_model.rebuild SET replayed_position = :position, replayed_events = :events"
                        + " WHERE rebuild_id = :id", new MapSqlParameterSource("id", id).addValue("position", position)
                        .addValue("events", events));
            } catch (RuntimeException e) {
                // only the progress shown: the replay goes on, and the swap writes where it got to
                log.info("rebuild {}: its progress was not written: {}", id, e.toString());
            }
        };
    }

    /** A connection of the caller's pool (see {@link PoolPerPurpose}). */
    private Connection newConnection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new org.springframework.jdbc.CannotGetJdbcConnectionException("no connection for the rebuild", e);
        }
    }

    private static boolean tryLock(Connection session, String group) throws SQLException {
        try (PreparedStatement lock = session.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
            lock.setInt(1, LOCK_CLASS);
            lock.setString(2, group);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection session, String group) {
        try (PreparedStatement unlock = session.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
            unlock.setInt(1, LOCK_CLASS);
            unlock.setString(2, group);
            unlock.execute();
        } catch (SQLException e) {
            // the session must not go back to the pool still holding the lock: it is closed for good
            log.info("the rebuild lock of {} goes with its session: {}", group, e.toString());
            try {
                session.abort(Runnable::run);
            } catch (SQLException | RuntimeException abort) {
                log.debug("aborting the rebuild's session", abort);
            }
        }
    }

    private static void close(Connection session) {
        if (session != null) {
            try {
                session.close();
            } catch (SQLException e) {
                log.debug("closing the rebuild's session", e);
            }
        }
    }

    /**
     * Waits until every segment has processed {@code head}. (A segment that replayed up to the
     * head still says it is replaying until it meets a newer event: the position is what counts.)
     */
    private boolean awaitPosition(StreamingEventProcessor processor, long head, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (!status.isEmpty() && status.values().stream()
                    .allMatch(segment -> head < 0 || segment.getCurrentPosition().orElse(-1) >= head)) {
                return true;
            }
            Thread.sleep(properties.pollInterval().toMillis());
        }
        return false;
    }

    /** The event store's head position; -1 when it holds no event. */
    long head() {
        TrackingToken token = eventStore.createHeadToken();
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.orElse(-1);
    }

    Optional<Rebuild> find(UUID id) {
        return jdbc.query("SELECT *, differences::text AS differences_json FROM read_model.rebuild"
                + " WHERE rebuild_id = :id", Map.of("id", id), this::rebuild).stream().findFirst();
    }

    Optional<Rebuild> last(String group) {
        return jdbc.query("SELECT *, differences::text AS differences_json FROM read_model.rebuild"
                        + " WHERE processing_group = :group ORDER BY started_at DESC LIMIT 1",
                Map.of("group", group), this::rebuild).stream().findFirst();
    }

    private void update(UUID id, Map<String, Object> columns) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        StringBuilder sql = new StringBuilder("UPDATE read_model.rebuild SET ");
        columns.forEach((column, value) -> {
            sql.append(params.getValues().size() > 1 ? ", " : "").append(column).append(" = :").append(column);
            params.addValue(column, value);
        });
        jdbc.update(sql.append(" WHERE rebuild_id = :id").toString(), params);
    }

    private Rebuild rebuild(ResultSet rs, int row) throws SQLException {
        String differences = rs.getString("differences_json");
        try {
            return new Rebuild(
                    rs.getObject("rebuild_id", UUID.class),
                    rs.getString("processing_group"),
                    rs.getString("state"),
                    rs.getString("requested_by"),
                    instant(rs.getTimestamp("started_at")),
                    instant(rs.getTimestamp("finished_at")),
                    (Long) rs.getObject("head_position"),
                    (Long) rs.getObject("replayed_position"),
                    (Long) rs.getObject("replayed_events"),
                    (Long) rs.getObject("rows_before"),
                    (Long) rs.getObject("rows_after"),
                    rs.getString("checksum_before"),
                    rs.getString("checksum_after"),
                    (Boolean) rs.getObject("matches"),
                    differences == null ? null : json.readValue(differences, DIFFERENCES),
                    rs.getString("failure"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
