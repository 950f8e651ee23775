package io.warnews.events;

import java.util.List;

/**
 * A recorded report's figures replaced by corrected ones, with the reason. The original stays in
 * history; read models count the corrected figures from now on.
 */
public record LossReportCorrected(
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

    public LossReportCorrected {
        figures = List.copyOf(figures);
    }
}
