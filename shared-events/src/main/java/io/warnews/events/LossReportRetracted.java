package io.warnews.events;

/** A recorded report withdrawn: read models stop counting it; history keeps it. */
public record LossReportRetracted(
        String ledgerId,
        String reportId,
        String conflictId,
        String side,
        String claimant,
        String reason) implements LossLedgerEvent {
}
