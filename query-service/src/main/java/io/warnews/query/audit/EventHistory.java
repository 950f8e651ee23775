package io.warnews.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads history straight from the event store tables, as stored (the query-service's role may
 * only SELECT there). Needs the JDBC event store: in the axonserver profile these tables are not
 * in this database.
 */
@Component
class EventHistory {

    private static final String COLUMNS = """
            SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                   payload_type, payload_revision, payload, meta_data
            FROM event_store.domain_event_entry
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    EventHistory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long count(String streamId) {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = :stream",
                Map.of("stream", streamId), Long.class);
        return count == null ? 0 : count;
    }

    List<RecordedEvent> ofStream(String streamId, int page, int size) {
        return jdbc.query(COLUMNS + " WHERE aggregate_identifier = :stream ORDER BY sequence_number"
                        + " LIMIT :size OFFSET :offset",
                Map.of("stream", streamId, "size", size, "offset", (long) page * size), this::event);
    }

    List<RecordedEvent> after(long globalPosition, int size) {
        return jdbc.query(COLUMNS + " WHERE global_index > :after ORDER BY global_index LIMIT :size",
                Map.of("after", globalPosition, "size", size), this::event);
    }

    private RecordedEvent event(ResultSet rs, int row) throws SQLException {
        String payloadType = rs.getString("payload_type");
        JsonNode payload = tree(rs.getString("payload"));
        JsonNode meta = tree(rs.getString("meta_data"));
        Instant storedAt = instant(rs.getString("time_stamp"));
        Instant recordedAt = meta.hasNonNull("recordedAt") ? instant(meta.get("recordedAt").asText()) : null;
        return new RecordedEvent(
                rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"),
                rs.getString("type"),
                rs.getLong("sequence_number"),
                rs.getLong("global_index"),
                payloadType.substring(payloadType.lastIndexOf('.') + 1),
                payloadType,
                rs.getString("payload_revision"),
                payload,
                meta.hasNonNull("editor") ? meta.get("editor").asText() : null,
                recordedAt == null ? storedAt : recordedAt,
                storedAt,
                payload.hasNonNull("source") ? payload.get("source") : null,
                meta.hasNonNull("correlationId") ? meta.get("correlationId").asText() : null,
                meta);
    }

    private JsonNode tree(String text) {
        if (text == null) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
