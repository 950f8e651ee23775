package io.warnews.query.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warnews.events.EventJson;
import io.warnews.events.EventVersions;

/**
 * A stored event as the feed sends it: its position, stream and version, type, when and by whom
 * it was recorded (from the metadata the command-service writes) and its payload in the current
 * revision of its event (older stored forms are upcast as Axon's readers upcast them).
 */
final class FeedMessages {

    private static final ObjectMapper JSON = EventJson.objectMapper();

    private FeedMessages() {
    }

    /** The payload in its current form. */
    static ObjectNode payload(StoredEvent event) {
        return EventVersions.upcast(event.payloadType(), event.revision(), (ObjectNode) tree(event.payload()));
    }

    static String data(StoredEvent event, ObjectNode payload) {
        JsonNode metaData = event.metaData() == null ? JSON.createObjectNode() : tree(event.metaData());
        Class<?> type = EventTypes.BY_NAME.get(event.simpleType());
        ObjectNode data = JSON.createObjectNode();
        data.put("position", event.position());
        data.put("streamId", event.streamId());
        data.put("version", event.version());
        data.put("type", event.simpleType());
        data.put("revision", type == null ? event.revision() : EventVersions.revisionOf(type));
        data.put("recordedAt", metaData.path("recordedAt").asText(event.timestamp()));
        data.put("recordedBy", metaData.path("editor").asText(null));
        data.put("correlationId", metaData.path("correlationId").asText(null));
        data.set("payload", payload);
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse", e);
        }
    }
}
