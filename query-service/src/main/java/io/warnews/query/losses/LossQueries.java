package io.warnews.query.losses;

import io.warnews.events.LossCategory;
import io.warnews.events.Qualifier;
import io.warnews.events.Source;
import io.warnews.events.WorldDate;
import io.warnews.query.processing.Filters;
import io.warnews.query.processing.JsonColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads of the loss read model. Only CUMULATIVE figures count toward totals, series and
 * milestones. Every read is of one state of knowledge: the current one ({@code knownAt} empty),
 * or the one at a recorded instant, an indexed condition on each version's recorded interval.
 */
@Component
class LossQueries {

    private static final String COLUMNS = """
             r.ledger_id, r.side, f.category, r.claimant, f.value, f.qualifier, f.lower_bound, f.upper_bound,
                   r.as_of, r.as_of_start, r.as_of_end, r.visible_from, r.source::text AS source, r.report_id,
                   r.recorded_at
            """;
    /** The chosen figures with their anomaly flag: computed for the rows answered only. */
    private static final String FLAGGED = """
            SELECT x.*, EXISTS (SELECT 1 FROM read_model.loss_anomaly a
                                WHERE a.ledger_id = x.ledger_id AND a.category = x.category
                                  AND (a.earlier_report_id = x.report_id OR a.later_report_id = x.report_id)
                                  AND %s) AS anomalous
            FROM (%s) x
            """;
    private static final String CUMULATIVE_FIGURES = """
            FROM read_model.loss_figure f
            JOIN read_model.loss_report r ON r.ledger_id = f.ledger_id AND r.report_id = f.report_id
                AND r.revision = f.revision
            WHERE r.conflict_id = :conflict AND r.basis = 'CUMULATIVE' AND NOT r.retracted AND %s
            """;
    private static final String CURRENT = "r.recorded_to IS NULL";
    private static final String KNOWN_AT = "r.recorded_from <= :knownAt AND (r.recorded_to IS NULL OR r.recorded_to > :knownAt)";
    private static final String OPEN = "a.resolved_at IS NULL";
    private static final String OPEN_AT = "a.opened_at <= :knownAt AND (a.resolved_at IS NULL OR a.resolved_at > :knownAt)";

    /** Every category, for the walk of each ledger's figures category by category. */
    private static final String CATEGORIES = String.join(",",
            Arrays.stream(LossCategory.values()).map(Enum::name).toList());

    private final NamedParameterJdbcTemplate jdbc;

    LossQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static String select(Optional<Instant> knownAt) {
        return COLUMNS + CUMULATIVE_FIGURES.formatted(knownAt.isPresent() ? KNOWN_AT : CURRENT);
    }

    private static String flagged(Optional<Instant> knownAt, String query) {
        return FLAGGED.formatted(knownAt.isPresent() ? OPEN_AT : OPEN, query);
    }

    private static MapSqlParameterSource params(String conflictId, Optional<Instant> knownAt) {
        MapSqlParameterSource params = new MapSqlParameterSource("conflict", conflictId);
        knownAt.ifPresent(instant -> params.addValue("knownAt", Timestamp.from(instant)));
        return params;
    }

    /**
     * Each claimant's latest figure per side and category, shown on or before {@code asOf}. For each
     * of the conflict's ledgers (and claimant), category by category, the figures are walked newest
     * first down {@code loss_figure_newest} until one belongs to a standing cumulative version (current,
     * or known at the instant): a few index lookups each, however long the history, instead of sorting
     * every figure of the conflict. Ties on the world date go to the latest start, then the latest
     * recorded, then the highest report id.
     */
    List<Figure> latestPerClaimant(String conflictId, Optional<String> side, Optional<LocalDate> asOf,
                                   Optional<Instant> knownAt) {
        MapSqlParameterSource params = params(conflictId, knownAt).addValue("categories", CATEGORIES);
        Filters ledgers = new Filters(params).and(side, "r.side = :side", "side");
        String visible = asOf.isPresent() ? " AND f.visible_from <= :asOf" : "";
        asOf.ifPresent(day -> params.addValue("asOf", day));
        String newest = """
                WITH RECURSIVE l AS (
                    (SELECT r.side, r.claimant, r.ledger_id FROM read_model.loss_report r
                     WHERE r.conflict_id = :conflict%2$s
                     ORDER BY r.side, r.claimant, r.ledger_id LIMIT 1)
                    UNION ALL
                    SELECT n.* FROM l CROSS JOIN LATERAL (
                        SELECT r.side, r.claimant, r.ledger_id FROM read_model.loss_report r
                        WHERE r.conflict_id = :conflict%2$s
                            AND (r.side, r.claimant, r.ledger_id) > (l.side, l.claimant, l.ledger_id)
                        ORDER BY r.side, r.claimant, r.ledger_id LIMIT 1) n)
                SELECT %1$s
                FROM l
                CROSS JOIN unnest(string_to_array(:categories, ',')) AS c(category)
                CROSS JOIN LATERAL (
                    SELECT f.* FROM read_model.loss_figure f
                    CROSS JOIN LATERAL (
                        SELECT r.* FROM (SELECT * FROM read_model.loss_report r
                                         WHERE r.ledger_id = f.ledger_id AND r.report_id = f.report_id
                                             AND r.revision = f.revision LIMIT 1) r
                        WHERE r.claimant = l.claimant AND r.basis = 'CUMULATIVE' AND NOT r.retracted AND %3$s) r
                    WHERE f.ledger_id = l.ledger_id AND f.category = c.category%4$s
                    ORDER BY f.visible_from DESC, f.as_of_end DESC, r.as_of_start DESC, r.recorded_at DESC,
                        r.report_id DESC
                    LIMIT 1) newest
                JOIN read_model.loss_figure f ON f.ledger_id = newest.ledger_id AND f.report_id = newest.report_id
                    AND f.revision = newest.revision AND f.category = newest.category
                JOIN read_model.loss_report r ON r.ledger_id = f.ledger_id AND r.report_id = f.report_id
                    AND r.revision = f.revision
                """.formatted(COLUMNS, ledgers,
                knownAt.isPresent() ? KNOWN_AT : CURRENT, visible);
        return jdbc.query(flagged(knownAt, newest) + " ORDER BY x.side, x.category, x.claimant", ledgers.params(),
                LossQueries::figure);
    }

    /**
     * For each (ledger, category, world date ending that day): the figures of standing cumulative
     * versions (current, or known at the instant), newest recorded first. One index lookup per
     * triple, however long the history.
     */
    List<Figure> onDays(List<String> ledgers, List<LossCategory> categories, List<LocalDate> days,
                        Optional<Instant> knownAt) {
        if (ledgers.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("ledgers", ledgers.toArray(String[]::new))
                .addValue("categories", categories.stream().map(Enum::name).toArray(String[]::new))
                .addValue("days", days.stream().map(LocalDate::toString).toArray(String[]::new));
        knownAt.ifPresent(instant -> params.addValue("knownAt", Timestamp.from(instant)));
        String figures = """
                SELECT %s
                FROM unnest(CAST(:ledgers AS text[]), CAST(:categories AS text[]), CAST(:days AS date[]))
                    AS w(ledger_id, category, day)
                CROSS JOIN LATERAL (SELECT * FROM read_model.loss_figure f
                    WHERE f.ledger_id = w.ledger_id AND f.category = w.category AND f.as_of_end = w.day
                    OFFSET 0) f
                CROSS JOIN LATERAL (
                    SELECT r.* FROM (SELECT * FROM read_model.loss_report r
                                     WHERE r.ledger_id = f.ledger_id AND r.report_id = f.report_id
                                         AND r.revision = f.revision LIMIT 1) r
                    WHERE r.basis = 'CUMULATIVE' AND NOT r.retracted AND %s) r
                """.formatted(COLUMNS, knownAt.isPresent() ? KNOWN_AT : CURRENT);
        return jdbc.query(flagged(knownAt, figures) + " ORDER BY x.recorded_at DESC, x.report_id DESC", params,
                LossQueries::figure);
    }

    /**
     * The daily series: one point per claimant and world date (the most recently recorded report of
     * that day), ordered by side, category, world date, claimant.
     */
    List<Figure> series(String conflictId, Optional<String> side, Optional<LossCategory> category,
                        Optional<String> claimant, Optional<LocalDate> from, Optional<LocalDate> to,
                        Optional<Instant> knownAt) {
        Filters filters = new Filters(params(conflictId, knownAt))
                .and(side, "r.side = :side", "side")
                .and(category, "f.category = :category", "category")
                .and(claimant, "r.claimant = :claimant", "claimant")
                .and(from, "r.as_of_end >= :from", "from")
                .and(to, "r.as_of_end <= :to", "to");
        return jdbc.query(flagged(knownAt, "SELECT DISTINCT ON (r.side, f.category, r.as_of_end, r.as_of_start,"
                + " r.claimant)" + select(knownAt) + filters
                + " ORDER BY r.side, f.category, r.as_of_end, r.as_of_start, r.claimant,"
                + " r.recorded_at DESC, r.report_id DESC") + " ORDER BY x.side, x.category, x.as_of_end, x.as_of_start,"
                + " x.claimant", filters.params(), LossQueries::figure);
    }

    private static Figure figure(ResultSet rs, int row) throws SQLException {
        return new Figure(
                rs.getString("ledger_id"),
                rs.getString("side"),
                LossCategory.valueOf(rs.getString("category")),
                rs.getString("claimant"),
                rs.getLong("value"),
                Qualifier.valueOf(rs.getString("qualifier")),
                (Long) rs.getObject("lower_bound"),
                (Long) rs.getObject("upper_bound"),
                WorldDate.parse(rs.getString("as_of")),
                rs.getObject("visible_from", LocalDate.class),
                JsonColumns.read(rs.getString("source"), Source.class),
                rs.getString("report_id"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getBoolean("anomalous"));
    }
}
