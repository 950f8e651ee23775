package io.warnews.command.losses;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Records one or many reports of a claimant on one side's losses, all or none. */
record ReportLosses(@TargetAggregateIdentifier String ledgerId, String conflictId, String side, String claimant,
                    List<LossReport> reports) {
}
