package io.warnews.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warnews.query.processing.ProcessorLocks;
import io.warnews.query.processing.ReadModels;
import io.warnews.query.web.NotFound;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a declared read model ({@link ReadModels}) from the first event and verifies it: waits
 * until the live processor has reached the event store's head, stops it, keeps the live rows of
 * the tables the read model declares and their checksum, resets its tokens (the group's
 * {@code @ResetHandler}s empty those tables, its dead letters are cleared),
 * starts it, waits until the replay has reached that head again, and compares. Runs in the
 * background; its progress and outcome are kept in {@code read_model.rebuild}.
 */
@Component
@EnableConfigurationProperties(AuditProperties.class)
class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    private static final TypeReference<List<ModelChecksums.Difference>> DIFFERENCES = new TypeReference<>() {
    };

    private final EventProcessingConfiguration processing;
    private final ReadModels readModels;
    private final EventStore eventStore;
    private final ModelChecksums checksums;
    private final NamedParameterJdbcTemplate jdbc;
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
             ModelChecksums checksums, NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions,
             AuditProperties properties, Clock clock, ProcessorLocks processorLocks) {
        this.processing = processing;
        this.readModels = readModels;
        this.eventStore = eventStore;
        this.checksums = checksums;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
        this.processorLocks = processorLocks;
    }

    /** Thrown when the group is already being rebuilt. */
    static final class AlreadyRunning extends RuntimeException {
        AlreadyRunning(String group) {
            super("a rebuild of '" + group + "' is already running");
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

    /** Starts a rebuild of the group's read model in the background; answers its id. */
    UUID start(String group, String requestedBy) {
        readModels.find(group).orElseThrow(() -> new NotFound("read model", group));
        StreamingEventProcessor processor = processor(group);
        if (!running.add(group)) {
            throw new AlreadyRunning(group);
        }
        UUID id = UUID.randomUUID();
        try {
            long head = head();
            jdbc.update("""
                    INSERT INTO read_model.rebuild (rebuild_id, processing_group, state, requested_by, started_at,
                        head_position)
                    VALUES (:id, :group, 'STARTED', :by, :at, :head)
                    """, new MapSqlParameterSource("id", id).addValue("group", group).addValue("by", requestedBy)
                    .addValue("at", Timestamp.from(clock.instant())).addValue("head", head));
            worker.execute(() -> run(id, group, processor, head));
        } catch (RuntimeException e) {
            running.remove(group);
            throw e;
        }
        return id;
    }

    private void run(UUID id, String group, StreamingEventProcessor processor, long head) {
        try {
            awaitPosition(processor, head, properties.catchUpTimeout().toMillis());
            // held from the shut-down to the start again: no restart after an error in between
            ReentrantLock lock = processorLocks.of(group);
            lock.lock();
            try {
                processor.shutDown();
                try {
                    ModelChecksums.Checksum before = transactions.execute(status -> {
                        checksums.snapshot(id, group);
                        return checksums.ofSnapshot(id);
                    });
                    update(id, Map.of("state", "REPLAYING", "checksum_before", before.sha256(),
                            "rows_before", before.rows()));
                    processor.resetTokens();
                } finally {
                    processor.start();
                }
            } finally {
                lock.unlock();
            }
            if (!awaitPosition(processor, head, properties.replayTimeout().toMillis())) {
                throw new IllegalStateException("the replay did not reach position " + head + " within "
                        + properties.replayTimeout());
            }
            ModelChecksums.Checksum after = checksums.ofLive(group);
            Rebuild rebuild = find(id).orElseThrow();
            boolean matches = after.sha256().equals(rebuild.checksumBefore());
            // Equal checksums are equal dumps: the rows found on one side only are looked for (a
            // comparison of every kept row with every live one) only when the checksums differ.
            List<ModelChecksums.Difference> differences = matches ? List.of() : checksums.differences(id, group);
            jdbc.update("""
                    UPDATE read_model.rebuild SET state = 'VERIFIED', finished_at = :at, checksum_after = :after,
                        rows_after = :rows, matches = :matches, differences = CAST(:differences AS jsonb)
                    WHERE rebuild_id = :id
                    """, new MapSqlParameterSource("id", id).addValue("at", Timestamp.from(clock.instant()))
                    .addValue("after", after.sha256()).addValue("rows", after.rows()).addValue("matches", matches)
                    .addValue("differences", json.writeValueAsString(differences)));
            checksums.forget(id);
            log.info("rebuild {} of {}: {}", id, group, matches ? "the rebuilt model equals the live one"
                    : "the rebuilt model differs from the live one");
        } catch (Exception e) {
            log.warn("rebuild {} of {} failed", id, group, e);
            update(id, Map.of("state", "FAILED", "failure", String.valueOf(e.getMessage())));
            jdbc.update("UPDATE read_model.rebuild SET finished_at = :at WHERE rebuild_id = :id",
                    new MapSqlParameterSource("id", id).addValue("at", Timestamp.from(clock.instant())));
        } finally {
            running.remove(group);
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
