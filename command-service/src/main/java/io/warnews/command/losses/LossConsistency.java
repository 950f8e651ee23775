package io.warnews.command.losses;

import io.warnews.events.Basis;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.WorldDate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where a report's figures are checked against the claimant's other figures, for
 * every write that puts figures in a ledger: a report (alone or in a batch), a correction, a
 * revision, a restoration. It never refuses: what a claimant published is recorded as published.
 * It answers the warnings the write's answer lists.
 * <p>
 * Rule CUMULATIVE_FIGURE_CONTRADICTING_THE_SAME_CLAIMANT_IS_FLAGGED: a cumulative figure counts
 * everything since the start, so its floor may not exceed the ceiling of a figure at a later date,
 * nor its ceiling fall below the floor of a figure at an earlier (or the same) date. The floor of
 * "at least" and "more than" figures is their value and they have no ceiling; "less than" has a
 * ceiling and no floor; explicit lower and upper bounds are the floor and the ceiling.
 */
final class LossConsistency {

    private LossConsistency() {
    }

    /**
     * The warnings for {@code figures} as of {@code asOf} against the ledger's standing series,
     * leaving out the report's own earlier figures ({@code reportId}).
     */
    static List<String> warnings(Map<LossCategory, CumulativeSeries> series, String reportId, WorldDate asOf,
                                 Basis basis, List<LossFigure> figures) {
        if (basis != Basis.CUMULATIVE) {
            return List.of();
        }
        List<String> warnings = new ArrayList<>();
        for (LossFigure figure : figures) {
            CumulativeSeries points = series.get(figure.category());
            if (points == null) {
                continue;
            }
            Long ceiling = figure.ceiling();
            if (ceiling != null) {
                Optional<CumulativeSeries.Point> earlier = points.highestFloorUpTo(asOf, reportId)
                        .filter(point -> ceiling < point.floor());
                earlier.ifPresent(point -> warnings.add(String.format(
                        "%s %,d as of %s is lower than %,d as of %s from the same claimant (report '%s')",
                        figure.category(), figure.value(), asOf, point.floor(), point.asOf(), point.reportId())));
            }
            Long floor = figure.floor();
            if (floor != null) {
                Optional<CumulativeSeries.Point> later = points.lowestCeilingAfter(asOf, reportId)
                        .filter(point -> floor > point.ceiling());
                later.ifPresent(point -> warnings.add(String.format(
                        "%s %,d as of %s is higher than %,d as of %s from the same claimant (report '%s')",
                        figure.category(), figure.value(), asOf, point.ceiling(), point.asOf(), point.reportId())));
            }
        }
        return warnings;
    }
}
