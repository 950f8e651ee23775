package io.warnews.command.attacks;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which of many attack ids already have a stream: one query on the JDBC event store, else one look-up each. */
@Component
class AttackStreams {

    private final NamedParameterJdbcTemplate jdbc;
    private final EventStore eventStore;
    private final boolean jdbcEngine;

    AttackStreams(NamedParameterJdbcTemplate jdbc, EventStore eventStore, ObjectProvider<EventStorageEngine> engine) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.jdbcEngine = engine.getIfAvailable() instanceof JdbcEventStorageEngine;
    }

    Set<String> recorded(List<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        if (jdbcEngine) {
            return new HashSet<>(jdbc.queryForList("""
                    SELECT DISTINCT aggregate_identifier FROM event_store.domain_event_entry
                    WHERE aggregate_identifier IN (:ids)
                    """, Map.of("ids", ids), String.class));
        }
        Set<String> recorded = new HashSet<>();
        ids.forEach(id -> eventStore.lastSequenceNumberFor(id).ifPresent(last -> recorded.add(id)));
        return recorded;
    }
}
