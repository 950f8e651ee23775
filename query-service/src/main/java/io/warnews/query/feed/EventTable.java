package io.warnews.query.feed;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Reads the event table in global order, straight with SQL (the query-service may only SELECT
 * there), together with PostgreSQL's snapshot of running transactions from the same statement.
 */
@Component
@Profile("!axonserver")
class EventTable {

    /** One statement, one snapshot: a transaction shown running did not commit before the rows were read. */
    private static final String READ = """
            SELECT s.snapshot, e.global_index, e.aggregate_identifier, e.sequence_number, e.time_stamp,
                   e.payload_type, e.payload_revision, e.payload, e.meta_data
            FROM (SELECT pg_current_snapshot()::text AS snapshot) s
            LEFT JOIN LATERAL (
                SELECT global_index, aggregate_identifier, sequence_number, time_stamp, payload_type,
                       payload_revision, payload, meta_data
                FROM event_store.domain_event_entry
                WHERE global_index > ? ORDER BY global_index LIMIT ?) e ON TRUE
            """;

    /** Positions already settled (no gap can still fill below them): no snapshot needed. */
    private static final String RANGE = """
            SELECT global_index, aggregate_identifier, sequence_number, time_stamp, payload_type, payload_revision,
                   payload, meta_data
            FROM event_store.domain_event_entry
            WHERE global_index > ? AND global_index <= ? ORDER BY global_index
            """;

    private final JdbcTemplate jdbc;

    EventTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Events after a position, in order, and the snapshot they were read in. */
    record Read(List<StoredEvent> events, Snapshot snapshot) {
    }

    Read after(long position, int limit) {
        List<StoredEvent> events = new ArrayList<>();
        String[] snapshot = new String[1];
        jdbc.query(READ, rs -> {
            snapshot[0] = rs.getString("snapshot");
            long index = rs.getLong("global_index");
            if (!rs.wasNull()) {
                events.add(new StoredEvent(index, rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                        rs.getString("time_stamp"), rs.getString("payload_type"), rs.getString("payload_revision"),
                        rs.getString("payload"), rs.getString("meta_data")));
            }
        }, position, limit);
        return new Read(events, Snapshot.parse(snapshot[0]));
    }

    /** The events in positions ({@code after}, {@code upTo}], in order. */
    List<StoredEvent> between(long after, long upTo) {
        return jdbc.query(RANGE, (rs, i) -> new StoredEvent(rs.getLong("global_index"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("time_stamp"),
                rs.getString("payload_type"), rs.getString("payload_revision"), rs.getString("payload"),
                rs.getString("meta_data")), after, upTo);
    }

    /** The highest position stored, 0 when there is none. */
    long last() {
        Long last = jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
        return last == null ? 0 : last;
    }
}
