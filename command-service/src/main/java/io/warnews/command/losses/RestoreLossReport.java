package io.warnews.command.losses;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts a retracted report back, as it stood before its retraction. */
record RestoreLossReport(@TargetAggregateIdentifier String ledgerId, String reportId, String reason) {
}
