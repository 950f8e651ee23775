package io.warnews.query.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.warnews.query.web.BadParameter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which events a feed connection wants: those of one conflict (the {@code conflictId} every event
 * names), of some types, or all. Filtering happens after the safe position is decided, so events
 * filtered out still move the position on.
 */
record FeedFilter(String conflictId, Set<String> types) {

    static FeedFilter of(String conflict, String typeList) {
        String conflictId = conflict == null || conflict.isBlank() ? null : conflict.trim();
        Set<String> types = new TreeSet<>();
        if (typeList != null && !typeList.isBlank()) {
            Arrays.stream(typeList.split(",")).map(String::trim).filter(type -> !type.isEmpty()).forEach(types::add);
            List<String> unknown = types.stream().filter(type -> !EventTypes.BY_NAME.containsKey(type)).toList();
            if (!unknown.isEmpty()) {
                throw new BadParameter("type", "unknown event type(s) " + unknown + "; known: "
                        + new TreeSet<>(EventTypes.BY_NAME.keySet()));
            }
        }
        return new FeedFilter(conflictId, Set.copyOf(types));
    }

    boolean accepts(FeedEvent event) {
        return (types.isEmpty() || types.contains(event.type()))
                && (conflictId == null || conflictId.equals(event.conflictId()));
    }

    boolean accepts(StoredEvent event, JsonNode payload) {
        return (types.isEmpty() || types.contains(event.simpleType()))
                && (conflictId == null || conflictId.equals(payload.path("conflictId").asText(null)));
    }
}
