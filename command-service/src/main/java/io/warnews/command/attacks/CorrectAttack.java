package io.warnews.command.attacks;

import io.warnews.events.AttackDetails;
import io.warnews.events.Source;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record CorrectAttack(@TargetAggregateIdentifier String attackId, AttackDetails details, String reason,
                     Source source) {
}
