package io.warnews.command.losses;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

record RetractLossReport(@TargetAggregateIdentifier String ledgerId, String reportId, String reason) {
}
