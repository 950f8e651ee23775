package io.warnews.query.losses;

import io.warnews.events.LossCategory;
import io.warnews.events.Qualifier;
import io.warnews.events.Source;
import io.warnews.events.WorldDate;
import java.time.Instant;
import java.util.Comparator;

/** One cumulative figure of one report, as stored. */
record Figure(String side, LossCategory category, String claimant, long value, Qualifier qualifier, WorldDate asOf,
              Source source, String reportId, Instant recordedAt) {

    /** Oldest to newest: by world date, then, for the same date, by when it was recorded. */
    static final Comparator<Figure> NEWEST = Comparator.comparing(Figure::asOf)
            .thenComparing(Figure::recordedAt)
            .thenComparing(Figure::reportId);
}
