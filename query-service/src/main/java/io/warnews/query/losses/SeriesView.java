package io.warnews.query.losses;

import io.warnews.events.LossCategory;
import io.warnews.events.Qualifier;
import io.warnews.events.WorldDate;
import java.util.List;

/** A side's cumulative figures for one category, day by day, each point naming its claimant. */
record SeriesView(String conflictId, String side, LossCategory category, String claimant, List<Point> points) {

    /** One figure; {@code anomalous} while it contradicts a neighbouring figure of its claimant. */
    record Point(WorldDate asOf, long value, Qualifier qualifier, Long lower, Long upper, String claimant,
                 String reportId, boolean anomalous) {

        static Point of(Figure figure) {
            return new Point(figure.asOf(), figure.value(), figure.qualifier(), figure.lower(), figure.upper(),
                    figure.claimant(), figure.reportId(), figure.anomalous());
        }
    }
}
