package io.warnews.command.conflicts;

import io.warnews.events.Party;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

record RegisterConflict(@TargetAggregateIdentifier String conflictId, String name, List<Party> parties,
                        LocalDate startDate) {
}
