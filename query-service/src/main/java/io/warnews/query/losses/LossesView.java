package io.warnews.query.losses;

import io.warnews.events.LossCategory;
import io.warnews.events.Qualifier;
import io.warnews.events.Source;
import io.warnews.events.WorldDate;
import java.util.List;

/** Running totals of a conflict's losses, per side and category, as of a date (null: everything known). */
record LossesView(String conflictId, WorldDate asOf, List<SideLosses> sides) {

    record SideLosses(String side, List<CategoryLosses> categories) {
    }

    /** The headline, its change over 1, 7 and 30 days, and every claimant's latest figure. */
    record CategoryLosses(LossCategory category, Headline headline, Change change, List<ClaimantFigure> claimants) {
    }

    /** The newest figure; {@code anomalous} when it contradicts one of its claimant's neighbouring figures. */
    record Headline(long value, Qualifier qualifier, Long lower, Long upper, WorldDate asOf, String claimant,
                    Source source, String reportId, boolean anomalous) {

        static Headline of(Figure figure) {
            return new Headline(figure.value(), figure.qualifier(), figure.lower(), figure.upper(), figure.asOf(),
                    figure.claimant(), figure.source(), figure.reportId(), figure.anomalous());
        }
    }

    /** Headline value minus the headline claimant's figure N days before the headline's date; null when unknown. */
    record Change(Long days1, Long days7, Long days30) {
    }

    record ClaimantFigure(String claimant, long value, Qualifier qualifier, Long lower, Long upper, WorldDate asOf,
                          Source source, String reportId, boolean anomalous) {

        static ClaimantFigure of(Figure figure) {
            return new ClaimantFigure(figure.claimant(), figure.value(), figure.qualifier(), figure.lower(),
                    figure.upper(), figure.asOf(), figure.source(), figure.reportId(), figure.anomalous());
        }
    }
}
