package io.warnews.command.conflicts;

import io.warnews.command.domain.ConflictFacts;
import io.warnews.command.domain.Fingerprint;
import io.warnews.command.domain.Recorded;
import io.warnews.command.domain.Rule;
import io.warnews.command.domain.RuleViolation;
import io.warnews.events.ConflictRegistered;
import io.warnews.events.Party;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A conflict's stream: registered once; its id is the client's, so a retry finds it recorded. */
@Aggregate(cache = "aggregateCache")
class Conflict {

    @AggregateIdentifier
    private String conflictId;
    private String fingerprint;

    Conflict() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Recorded handle(RegisterConflict command, Clock clock) {
        ConflictRegistered registered = new ConflictRegistered(command.conflictId(), command.name(),
                command.parties(), command.startDate());
        if (conflictId != null) {
            if (!fingerprint.equals(Fingerprint.of(registered))) {
                throw RuleViolation.of(Rule.ID_REUSED_WITH_OTHER_CONTENT,
                        "conflict '%s' is already registered with other content", conflictId);
            }
            return new Recorded(conflictId, 0, false);
        }
        long distinct = command.parties().stream().map(Party::code).distinct().count();
        if (distinct < 2 || distinct != command.parties().size()) {
            throw RuleViolation.of(Rule.CONFLICT_NEEDS_TWO_DISTINCT_PARTIES,
                    "a conflict needs at least two parties with distinct codes");
        }
        if (command.startDate().isAfter(ConflictFacts.today(clock))) {
            throw RuleViolation.of(Rule.DATE_MAY_NOT_BE_IN_THE_FUTURE,
                    "startDate %s is in the future", command.startDate());
        }
        apply(registered);
        return new Recorded(command.conflictId(), 0, true);
    }

    @EventSourcingHandler
    void on(ConflictRegistered event) {
        conflictId = event.conflictId();
        fingerprint = Fingerprint.of(event);
    }
}
