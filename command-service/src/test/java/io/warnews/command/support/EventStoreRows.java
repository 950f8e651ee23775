package io.warnews.command.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.util.List;

/** Reads the event store's table directly, as an auditor with SQL would. */
public final class EventStoreRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcTemplate jdbc;

    public EventStoreRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class);
    }

    public List<Row> stream(String streamId) {
        return jdbc.query("""
                SELECT aggregate_identifier, sequence_number, payload_type, payload, meta_data
                FROM event_store.domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""",
                (rs, i) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), tree(rs.getString(4)),
                        tree(rs.getString(5))), streamId);
    }

    public List<Row> all() {
        return jdbc.query("""
                SELECT aggregate_identifier, sequence_number, payload_type, payload, meta_data
                FROM event_store.domain_event_entry ORDER BY global_index""",
                (rs, i) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), tree(rs.getString(4)),
                        tree(rs.getString(5))));
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** One stored event: its stream, version, type, payload and metadata. */
    public record Row(String streamId, long version, String type, JsonNode payload, JsonNode metaData) {

        public String simpleType() {
            return type.substring(type.lastIndexOf('.') + 1);
        }
    }
}
