package io.warnews.query.losses;

import io.warnews.events.LossCategory;
import java.time.Instant;
import java.util.List;

/**
 * Contradictions between a claimant's own cumulative figures: the earlier figure's floor is above
 * the later one's ceiling. Open while both stand; resolved by the change that removed it.
 */
record AnomaliesView(String conflictId, String status, long total, List<Anomaly> anomalies) {

    record Anomaly(String side, String claimant, LossCategory category, String status, String description,
                   Side earlier, Side later, Instant openedAt, String openedBy, Instant resolvedAt,
                   String resolvedBy) {
    }

    /** One of the two figures: its report, world date and value. */
    record Side(String reportId, String asOf, long value) {
    }
}
