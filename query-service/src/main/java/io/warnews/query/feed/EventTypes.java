package io.warnews.query.feed;

import io.warnews.events.WarEvent;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The events of the contract by simple name ({@code LossesReported}), found from the sealed {@link WarEvent}. */
final class EventTypes {

    static final Map<String, Class<?>> BY_NAME = byName();

    private EventTypes() {
    }

    private static Map<String, Class<?>> byName() {
        Map<String, Class<?>> names = new TreeMap<>();
        var pending = new ArrayDeque<Class<?>>(List.of(WarEvent.class));
        while (!pending.isEmpty()) {
            Class<?> type = pending.poll();
            if (type.isSealed()) {
                pending.addAll(List.of(type.getPermittedSubclasses()));
            } else {
                names.put(type.getSimpleName(), type);
            }
        }
        return Map.copyOf(names);
    }
}
