package io.warnews.query.losses;

import io.warnews.events.LossCategory;
import io.warnews.query.processing.Filters;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads of {@code loss_anomaly}, newest first: as known now, or as known at an instant. Each row is
 * one anomaly with the recorded interval [opened_at, resolved_at) in which it was open; a change to
 * either figure resolves it and opens a new one if the contradiction remains. As known at T, the
 * anomalies opened by T are listed, open when T is before their resolution (which then reads as not
 * yet happened), resolved otherwise: one indexed condition, like the series' anomaly flags.
 */
@Component
class AnomalyQueries {

    static final int LIMIT = 1000;

    private final NamedParameterJdbcTemplate jdbc;

    AnomalyQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code status}: "open", "resolved" or empty for both. */
    AnomaliesView of(String conflictId, Optional<String> side, Optional<String> claimant,
                     Optional<LossCategory> category, Optional<String> status) {
        return of(conflictId, side, claimant, category, status, Optional.empty());
    }

    /** As {@link #of(String, Optional, Optional, Optional, Optional)}, as known at {@code knownAt} (empty: now). */
    AnomaliesView of(String conflictId, Optional<String> side, Optional<String> claimant,
                     Optional<LossCategory> category, Optional<String> status, Optional<Instant> knownAt) {
        Filters filters = new Filters(new MapSqlParameterSource("conflict", conflictId))
                .and(side, "side = :side", "side")
                .and(claimant, "claimant = :claimant", "claimant")
                .and(category, "category = :category", "category")
                .and(knownAt.map(Timestamp::from), "opened_at <= :knownAt", "knownAt");
        String openThen = knownAt.isPresent() ? "(resolved_at IS NULL OR resolved_at > :knownAt)" : "resolved_at IS NULL";
        String resolvedThen = knownAt.isPresent() ? "resolved_at <= :knownAt" : "resolved_at IS NOT NULL";
        String condition = status.map(s -> " AND " + (s.equals("open") ? openThen : resolvedThen)).orElse("");
        String where = " FROM read_model.loss_anomaly WHERE conflict_id = :conflict" + filters + condition;
        Long total = jdbc.queryForObject("SELECT count(*)" + where, filters.params(), Long.class);
        List<AnomaliesView.Anomaly> anomalies = jdbc.query("SELECT *" + where
                        + " ORDER BY later_as_of_end DESC, category, opened_at DESC LIMIT " + LIMIT, filters.params(),
                (rs, row) -> {
                    LossCategory theCategory = LossCategory.valueOf(rs.getString("category"));
                    Timestamp resolvedAt = rs.getTimestamp("resolved_at");
                    boolean resolvedByThen = resolvedAt != null
                            && knownAt.map(at -> !resolvedAt.toInstant().isAfter(at)).orElse(true);
                    Timestamp resolved = resolvedByThen ? resolvedAt : null;
                    return new AnomaliesView.Anomaly(rs.getString("side"), rs.getString("claimant"), theCategory,
                            resolved == null ? "open" : "resolved",
                            String.format(Locale.ENGLISH, "%s %,d as of %s is lower than %,d as of %s from the same"
                                            + " claimant", theCategory, rs.getLong("later_value"),
                                    rs.getString("later_as_of"), rs.getLong("earlier_value"),
                                    rs.getString("earlier_as_of")),
                            new AnomaliesView.Side(rs.getString("earlier_report_id"), rs.getString("earlier_as_of"),
                                    rs.getLong("earlier_value")),
                            new AnomaliesView.Side(rs.getString("later_report_id"), rs.getString("later_as_of"),
                                    rs.getLong("later_value")),
                            rs.getTimestamp("opened_at").toInstant(), rs.getString("opened_by"),
                            resolved == null ? null : resolved.toInstant(),
                            resolved == null ? null : rs.getString("resolved_by"));
                });
        return new AnomaliesView(conflictId, status.orElse("all"), total == null ? 0 : total, anomalies);
    }
}
