package io.warnews.query.processing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warnews.events.EventJson;
import java.io.UncheckedIOException;
import org.postgresql.util.PGobject;

/** Values kept as JSONB columns (sources, targets, weapons...), written with the contract's mapper. */
public final class JsonColumns {

    private static final ObjectMapper MAPPER = EventJson.objectMapper();

    private JsonColumns() {
    }

    public static PGobject jsonb(Object value) {
        try {
            PGobject json = new PGobject();
            json.setType("jsonb");
            json.setValue(value == null ? null : MAPPER.writeValueAsString(value));
            return json;
        } catch (JsonProcessingException | java.sql.SQLException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return json == null ? null : MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
