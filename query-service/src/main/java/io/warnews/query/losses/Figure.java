package io.warnews.query.losses;

import io.warnews.events.LossCategory;
import io.warnews.events.Qualifier;
import io.warnews.events.Source;
import io.warnews.events.WorldDate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * One cumulative figure of one report (of the ledger {@code ledgerId}), as stored: with its bounds (null when none were given),
 * the first world date an asOf read shows it on, and whether it is part of an open anomaly.
 */
record Figure(String ledgerId, String side, LossCategory category, String claimant, long value, Qualifier qualifier, Long lower,
              Long upper, WorldDate asOf, LocalDate visibleFrom, Source source, String reportId, Instant recordedAt,
              boolean anomalous) {

    /** Oldest to newest: by the date it is shown from, its world date, then by when it was recorded. */
    static final Comparator<Figure> NEWEST = Comparator.comparing(Figure::visibleFrom)
            .thenComparing(Figure::asOf)
            .thenComparing(Figure::recordedAt)
            .thenComparing(Figure::reportId);
}
