package io.warnews.command.conflicts;

import io.warnews.command.domain.ConflictFacts;
import io.warnews.command.domain.Conflicts;
import io.warnews.events.ConflictRegistered;
import io.warnews.events.Party;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Conflicts as their own streams record them. A conflict's registration never changes, so a
 * conflict once found is kept in memory; one not found is looked up again next time.
 */
@Component
class EventStoreConflicts implements Conflicts {

    private final EventStore eventStore;
    private final Map<String, ConflictFacts> known = new ConcurrentHashMap<>();

    EventStoreConflicts(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<ConflictFacts> find(String conflictId) {
        ConflictFacts facts = known.get(conflictId);
        if (facts != null) {
            return Optional.of(facts);
        }
        return eventStore.readEvents(conflictId).asStream()
                .map(message -> message.getPayload())
                .filter(ConflictRegistered.class::isInstance)
                .map(ConflictRegistered.class::cast)
                .findFirst()
                .map(registered -> known.computeIfAbsent(conflictId, id -> facts(registered)));
    }

    private static ConflictFacts facts(ConflictRegistered registered) {
        return new ConflictFacts(registered.conflictId(),
                registered.parties().stream().map(Party::code).collect(Collectors.toSet()),
                registered.startDate());
    }
}
