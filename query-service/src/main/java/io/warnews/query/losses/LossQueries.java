package io.warnews.query.losses;

import io.warnews.events.LossCategory;
import io.warnews.events.Qualifier;
import io.warnews.events.Source;
import io.warnews.events.WorldDate;
import io.warnews.query.processing.JsonColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import io.warnews.query.processing.Filters;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the loss read model. Only CUMULATIVE figures count toward totals, series and milestones. */
@Component
class LossQueries {

    private static final String COLUMNS = """
             r.side, f.category, r.claimant, f.value, f.qualifier, r.as_of, r.source::text AS source,
                   r.report_id, r.recorded_at
            """;
    private static final String CUMULATIVE_FIGURES = """
            FROM read_model.loss_figure f
            JOIN read_model.loss_report r ON r.ledger_id = f.ledger_id AND r.report_id = f.report_id
            WHERE r.conflict_id = :conflict AND r.basis = 'CUMULATIVE'
            """;

    private final NamedParameterJdbcTemplate jdbc;

    LossQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each claimant's latest figure per side and category, with a world date ending on or before {@code asOf}. */
    List<Figure> latestPerClaimant(String conflictId, Optional<String> side, Optional<LocalDate> asOf) {
        Filters filters = new Filters(new MapSqlParameterSource("conflict", conflictId))
                .and(side, "r.side = :side", "side")
                .and(asOf, "r.as_of_end <= :asOf", "asOf");
        return jdbc.query("SELECT DISTINCT ON (r.side, f.category, r.claimant)" + COLUMNS + CUMULATIVE_FIGURES
                + filters + " ORDER BY r.side, f.category, r.claimant, r.as_of_end DESC, r.as_of_start DESC,"
                + " r.recorded_at DESC, r.report_id DESC", filters.params(), LossQueries::figure);
    }

    /** The figures of the given claimants whose world date ends on one of {@code days}, newest recorded first. */
    List<Figure> onDays(String conflictId, Collection<String> claimants, Collection<LocalDate> days) {
        if (claimants.isEmpty() || days.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT" + COLUMNS + CUMULATIVE_FIGURES
                        + " AND r.claimant IN (:claimants) AND r.as_of_end IN (:days)"
                        + " ORDER BY r.recorded_at DESC, r.report_id DESC",
                new MapSqlParameterSource("conflict", conflictId)
                        .addValue("claimants", claimants)
                        .addValue("days", days),
                LossQueries::figure);
    }

    /**
     * The daily series: one point per claimant and world date (the most recently recorded report of
     * that day), ordered by side, category, world date, claimant.
     */
    List<Figure> series(String conflictId, Optional<String> side, Optional<LossCategory> category,
                        Optional<String> claimant, Optional<LocalDate> from, Optional<LocalDate> to) {
        Filters filters = new Filters(new MapSqlParameterSource("conflict", conflictId))
                .and(side, "r.side = :side", "side")
                .and(category, "f.category = :category", "category")
                .and(claimant, "r.claimant = :claimant", "claimant")
                .and(from, "r.as_of_end >= :from", "from")
                .and(to, "r.as_of_end <= :to", "to");
        return jdbc.query("SELECT DISTINCT ON (r.side, f.category, r.as_of_end, r.as_of_start, r.claimant)"
                + COLUMNS + CUMULATIVE_FIGURES + filters
                + " ORDER BY r.side, f.category, r.as_of_end, r.as_of_start, r.claimant,"
                + " r.recorded_at DESC, r.report_id DESC", filters.params(), LossQueries::figure);
    }

    private static Figure figure(ResultSet rs, int row) throws SQLException {
        return new Figure(
                rs.getString("side"),
                LossCategory.valueOf(rs.getString("category")),
                rs.getString("claimant"),
                rs.getLong("value"),
                Qualifier.valueOf(rs.getString("qualifier")),
                WorldDate.parse(rs.getString("as_of")),
                JsonColumns.read(rs.getString("source"), Source.class),
                rs.getString("report_id"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
