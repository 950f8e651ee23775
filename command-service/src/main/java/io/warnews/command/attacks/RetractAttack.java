package io.warnews.command.attacks;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

record RetractAttack(@TargetAggregateIdentifier String attackId, String reason) {
}
