package io.warnews.events;

import java.util.List;

/** A claimant's figures on one side's losses, as of a world date. */
public record LossesReported(
        String ledgerId,
        String reportId,
        String conflictId,
        String side,
        String claimant,
        WorldDate asOf,
        Basis basis,
        List<LossFigure> figures,
        Source source) implements LossLedgerEvent {

    public LossesReported {
        figures = List.copyOf(figures);
    }
}
