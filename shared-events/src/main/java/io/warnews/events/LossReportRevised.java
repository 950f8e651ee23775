package io.warnews.events;

import java.util.List;

/**
 * The claimant itself changed a report's figures: both the earlier and the new figures are its
 * words, each with its own publication ({@code source}). Read models count the revised figures
 * from now on; history keeps both.
 */
public record LossReportRevised(
        String ledgerId,
        String reportId,
        String conflictId,
        String side,
        String claimant,
        WorldDate asOf,
        Basis basis,
        List<LossFigure> figures,
        String reason,
        Source source) implements LossLedgerEvent {

    public LossReportRevised {
        figures = List.copyOf(figures);
    }
}
