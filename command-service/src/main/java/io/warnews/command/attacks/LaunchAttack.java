package io.warnews.command.attacks;

import io.warnews.events.AttackDetails;
import io.warnews.events.Source;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record LaunchAttack(@TargetAggregateIdentifier String attackId, String conflictId, AttackDetails details,
                    String claimant, Source source) {
}
