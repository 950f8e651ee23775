package io.warnews.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warnews.events.EventJson;
import io.warnews.events.EventVersions;
import io.warnews.events.WarEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Rows of the event table written with plain JDBC, as the command-service's engine writes them:
 * for transactions a test holds open, for events stored in an older form, and for writes while
 * no query-service runs.
 */
public final class StoredRows {

    private static final ObjectMapper JSON = EventJson.objectMapper();
    private static final String INSERT = """
            INSERT INTO event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                type, time_stamp, payload_type, payload_revision, payload, meta_data)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private StoredRows() {
    }

    public static DataSource dataSource(String jdbcUrl) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser("postgres");
        dataSource.setPassword("postgres");
        return dataSource;
    }

    /** Inserts an event in its current form, in the connection's transaction. */
    public static void insert(Connection connection, String streamId, long version, WarEvent event) throws SQLException {
        try {
            insert(connection, streamId, version, event.getClass().getName(),
                    EventVersions.revisionOf(event.getClass()), JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Inserts a payload as given (an older form, say), in the connection's transaction. */
    public static void insert(Connection connection, String streamId, long version, String payloadType,
                              String revision, String payload) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, streamId);
            insert.setLong(3, version);
            insert.setString(4, payloadType.substring(payloadType.lastIndexOf('.') + 1));
            insert.setString(5, Instant.now().toString());
            insert.setString(6, payloadType);
            insert.setString(7, revision);
            insert.setString(8, payload);
            insert.setString(9, JSON.writeValueAsString(Map.of("editor", "editor-in-test",
                    "recordedAt", Instant.now().toString(), "correlationId", UUID.randomUUID().toString())));
            insert.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Inserts and commits events, one after the other in the stream from the given version. */
    public static void append(DataSource dataSource, String streamId, long fromVersion, WarEvent... events)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            long version = fromVersion;
            for (WarEvent event : events) {
                insert(connection, streamId, version++, event);
            }
        }
    }

    /** Every position stored after the given one, in order. */
    public static List<Long> positionsAfter(DataSource dataSource, long after) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT global_index FROM event_store.domain_event_entry WHERE global_index > ? ORDER BY 1")) {
            select.setLong(1, after);
            var rows = select.executeQuery();
            List<Long> positions = new java.util.ArrayList<>();
            while (rows.next()) {
                positions.add(rows.getLong(1));
            }
            return positions;
        }
    }

    public static long lastPosition(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             var rows = connection.createStatement()
                     .executeQuery("SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Waits until the feed's reader has read every stored event (a {@code from=now} connection then
     * starts after them), and fails if it has not within {@code timeout}.
     */
    static void awaitFeedRead(FeedHub hub, DataSource dataSource, Duration timeout) throws Exception {
        long stored = lastPosition(dataSource);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (hub.position() < stored && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(hub.position()).as("the feed's position").isEqualTo(stored);
    }
}
