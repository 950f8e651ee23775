package io.warnews.events;

/** A retracted report put back as it stood before its retraction: read models count it again. */
public record LossReportRestored(
        String ledgerId,
        String reportId,
        String conflictId,
        String side,
        String claimant,
        String reason) implements LossLedgerEvent {
}
