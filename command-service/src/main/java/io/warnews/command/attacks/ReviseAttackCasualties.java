package io.warnews.command.attacks;

import io.warnews.events.Casualties;
import io.warnews.events.Source;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record ReviseAttackCasualties(@TargetAggregateIdentifier String attackId, Casualties casualties, String claimant,
                              Source source) {
}
