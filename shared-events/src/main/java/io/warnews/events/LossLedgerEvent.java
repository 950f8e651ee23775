package io.warnews.events;

/**
 * Events of a loss ledger: one stream per conflict, side that suffered the losses, and claimant.
 * Every event repeats the ledger's coordinates so that a consumer needs no lookup.
 */
public sealed interface LossLedgerEvent extends WarEvent
        permits LossesReported, LossReportCorrected, LossReportRevised, LossReportRetracted,
        LossReportRestored {

    String ledgerId();

    String side();

    String claimant();

    String reportId();
}
