package io.warnews.query.feed;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.LoggerFactory;

/**
 * One event as every subscriber receives it, prepared once: its position, simple type, the
 * conflict it names (for the filter) and the {@code data:} text.
 */
record FeedEvent(long position, String type, String conflictId, String data) {

    /**
     * The stored event prepared for sending. One that cannot be read (its stored JSON broken) is
     * still sent in its place, with its position, stream, version, type and a {@code problem}, so
     * that the feed neither stops nor skips a position silently.
     */
    static FeedEvent of(StoredEvent stored) {
        try {
            ObjectNode payload = FeedMessages.payload(stored);
            return new FeedEvent(stored.position(), stored.simpleType(), payload.path("conflictId").asText(null),
                    FeedMessages.data(stored, payload));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(FeedEvent.class).warn("event at position {} cannot be read", stored.position(), e);
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            data.put("position", stored.position());
            data.put("streamId", stored.streamId());
            data.put("version", stored.version());
            data.put("type", stored.simpleType());
            data.put("problem", "the stored event cannot be read: " + e.getMessage());
            return new FeedEvent(stored.position(), stored.simpleType(), null, data.toString());
        }
    }
}
