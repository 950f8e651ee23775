package io.warnews.query.losses;

import io.warnews.events.LossCategory;
import io.warnews.query.conflicts.Conflict;
import io.warnews.query.conflicts.Conflicts;
import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.processing.ReadModel;
import io.warnews.query.processing.StreamPositions;
import io.warnews.query.web.Params;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * This read model's own projection and queries over a database session of the caller's choosing.
 * The tables are bitemporal: every version of a report keeps the recorded interval in which it was
 * the current knowledge, so the audit's "as known at" is the same query with a condition on that
 * interval, with no replay.
 */
public final class LossReadModel {

    /**
     * The losses read model: its tables, a report before its figures, and its projection. The
     * projection finds a report's current version and figures by their keys, the figures around a
     * change by ledger and category ({@code loss_figure_ledger_category}) and the open anomalies by
     * ledger ({@code loss_anomaly_ledger}); the other indexes serve the reads, and a rebuild builds
     * them once its replay has filled the tables.
     */
    public static final ReadModel MODEL = new ReadModel(ProcessingGroups.LOSSES,
            List.of("loss_report", "loss_figure", "loss_anomaly"), LossReadModel::projection,
            List.of("loss_report_current", "loss_report_current_ledger", "loss_report_known", "loss_report_history",
                    "loss_report_claimants", "loss_figure_newest", "loss_anomaly_conflict"));

    private LossReadModel() {
    }

    @Configuration(proxyBeanMethods = false)
    static class Declaration {
        @Bean
        ReadModel lossesReadModel() {
            return MODEL;
        }
    }

    /** A projection writing through {@code jdbc}; feed it events with an {@code AnnotationEventHandlerAdapter}. */
    public static Object projection(NamedParameterJdbcTemplate jdbc, StreamPositions positions) {
        return new LossProjection(jdbc, positions);
    }

    /** The answer of {@code GET /api/conflicts/{id}/losses?side=&asOf=}, read through {@code jdbc}. */
    public static Object losses(NamedParameterJdbcTemplate jdbc, Conflict conflict, String side, String asOf) {
        return losses(jdbc, conflict, side, asOf, Optional.empty());
    }

    /** {@code GET /api/conflicts/{id}/losses?side=&asOf=} as it was known at {@code knownAt} (empty: now). */
    public static Object losses(NamedParameterJdbcTemplate jdbc, Conflict conflict, String side, String asOf,
                                Optional<Instant> knownAt) {
        return new RunningTotals(new LossQueries(jdbc))
                .of(conflict, Conflicts.side(conflict, "side", side), Params.worldDate("asOf", asOf), knownAt);
    }

    /** {@code GET /api/conflicts/{id}/losses/{side}/{category}/series} as it was known at {@code knownAt} (empty: now). */
    public static Object series(NamedParameterJdbcTemplate jdbc, Conflict conflict, String side, String category,
                                String claimant, String from, String to, Optional<Instant> knownAt) {
        String theSide = Conflicts.side(conflict, "side", side).orElseThrow();
        LossCategory theCategory = Params.oneOf("category", category, LossCategory.class).orElseThrow();
        Optional<String> theClaimant = Optional.ofNullable(claimant).filter(text -> !text.isBlank());
        return new SeriesView(conflict.id(), theSide, theCategory, theClaimant.orElse(null),
                new LossQueries(jdbc).series(conflict.id(), Optional.of(theSide), Optional.of(theCategory),
                                theClaimant, Params.from("from", from), Params.upTo("to", to), knownAt)
                        .stream().map(SeriesView.Point::of).toList());
    }

    /** {@code GET /api/conflicts/{id}/milestones?side=&category=} as it was known at {@code knownAt} (empty: now). */
    public static Object milestones(NamedParameterJdbcTemplate jdbc, Conflict conflict, String side, String category,
                                    Optional<Instant> knownAt) {
        return milestonesView(jdbc, conflict, side, category, knownAt);
    }

    static MilestonesView milestonesView(NamedParameterJdbcTemplate jdbc, Conflict conflict, String side,
                                         String category, Optional<Instant> knownAt) {
        Optional<String> theSide = Conflicts.side(conflict, "side", side);
        Optional<LossCategory> theCategory = Params.oneOf("category", category, LossCategory.class);
        return new MilestonesView(conflict.id(), MilestoneRule.DESCRIPTION, Milestones.in(new LossQueries(jdbc)
                .series(conflict.id(), theSide, theCategory, Optional.empty(), Optional.empty(), Optional.empty(),
                        knownAt)));
    }

    /**
     * {@code GET /api/conflicts/{id}/loss-anomalies?side=&claimant=&category=&status=} as it was known
     * at {@code knownAt} (empty: now).
     */
    public static Object anomalies(NamedParameterJdbcTemplate jdbc, Conflict conflict, String side, String claimant,
                                   String category, String status, Optional<Instant> knownAt) {
        return anomaliesView(jdbc, conflict, side, claimant, category, status, knownAt);
    }

    static AnomaliesView anomaliesView(NamedParameterJdbcTemplate jdbc, Conflict conflict, String side,
                                       String claimant, String category, String status, Optional<Instant> knownAt) {
        Optional<String> theStatus = Params.openOrResolved("status", status);
        return new AnomalyQueries(jdbc).of(conflict.id(), Conflicts.side(conflict, "side", side),
                Optional.ofNullable(claimant).filter(text -> !text.isBlank()),
                Params.oneOf("category", category, LossCategory.class), theStatus, knownAt);
    }

    /** Every version of one report of the conflict (404 when the conflict has no such report). */
    public static Object history(NamedParameterJdbcTemplate jdbc, String conflictId, String reportId) {
        return ReportHistory.of(jdbc, conflictId, reportId);
    }
}
