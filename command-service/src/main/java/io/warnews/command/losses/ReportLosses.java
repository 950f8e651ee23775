package io.warnews.command.losses;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Records one or many reports of a claimant on one side's losses, all or none; the corrections
 * of earlier reports, if any, first.
 */
record ReportLosses(@TargetAggregateIdentifier String ledgerId, String conflictId, String side, String claimant,
                    List<LossReport> reports, List<CorrectLossReport> corrections) {

    ReportLosses(String ledgerId, String conflictId, String side, String claimant, List<LossReport> reports) {
        this(ledgerId, conflictId, side, claimant, reports, List.of());
    }
}
