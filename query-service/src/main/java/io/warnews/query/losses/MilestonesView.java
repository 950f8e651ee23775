package io.warnews.query.losses;

import io.warnews.events.LossCategory;
import io.warnews.events.Qualifier;
import io.warnews.events.Source;
import io.warnews.events.WorldDate;
import java.util.List;

/** Round numbers passed by claimants' running totals, with the report whose figure passed each and its source. */
record MilestonesView(String conflictId, String rule, List<Milestone> milestones) {

    record Milestone(String side, LossCategory category, String claimant, long threshold, long value,
                     Qualifier qualifier, WorldDate asOf, String reportId, Source source) {
    }
}
