package io.warnews.query.losses;

import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.Qualifier;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Keeps {@code loss_anomaly} up to date as a ledger's reports change. Rule
 * CONTRADICTING_FIGURES_ARE_AN_ANOMALY: two standing cumulative figures of one claimant and
 * category contradict each other when the earlier one's floor is above the later one's ceiling
 * (figures on neighbouring world dates with a figure of the category, or on the same date). Both
 * figures are marked. The anomaly is open while both stand as they are and resolved by the change
 * that removes the contradiction (a correction, a revision, a retraction, a later report that
 * comes between them).
 * <p>
 * A change is local: only the figures from the nearest date before it to the nearest date after it
 * (where the report was and where it is now) can gain or lose an anomaly, so only that window is
 * read and compared, with a couple of indexed queries per event.
 */
final class LossAnomalies {

    private final NamedParameterJdbcTemplate jdbc;

    LossAnomalies(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a report's cumulative figures stood (or stand): the end of its world date, its categories. */
    record Place(LocalDate day, List<String> categories) {
    }

    private record Point(String reportId, String asOf, LocalDate day, long value, Long floor, Long ceiling) {
    }

    private record Pair(String category, String earlier, String later) {
    }

    private record Found(Point earlier, Point later) {
    }

    /** Re-examines the figures around a report that stood at {@code was} and stands at {@code now} (either may be null). */
    void changed(String ledgerId, String reportId, Instant at, Place was, Place now) {
        Set<String> categories = new LinkedHashSet<>();
        List<LocalDate> days = new ArrayList<>();
        for (Place place : new Place[] {was, now}) {
            if (place != null) {
                categories.addAll(place.categories());
                days.add(place.day());
            }
        }
        if (categories.isEmpty()) {
            return;
        }
        LocalDate first = days.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = days.stream().max(LocalDate::compareTo).orElseThrow();
        MapSqlParameterSource params = new MapSqlParameterSource("ledger", ledgerId)
                .addValue("categories", String.join(",", categories))
                .addValue("categoryList", List.copyOf(categories))
                .addValue("first", first).addValue("last", last);
        Map<String, LocalDate[]> windows = new HashMap<>();
        // Per category, the nearest standing figure before and after: one index lookup each
        // (loss_figure by ledger, category and world date), however sparse the category.
        jdbc.query("""
                SELECT c.category,
                    (SELECT f.as_of_end FROM read_model.loss_figure f
                     JOIN read_model.loss_report r ON r.ledger_id = f.ledger_id AND r.report_id = f.report_id
                         AND r.revision = f.revision
                     WHERE f.ledger_id = :ledger AND f.category = c.category AND f.as_of_end < :first
                         AND r.recorded_to IS NULL AND NOT r.retracted AND r.basis = 'CUMULATIVE'
                     ORDER BY f.as_of_end DESC LIMIT 1) AS lo,
                    (SELECT f.as_of_end FROM read_model.loss_figure f
                     JOIN read_model.loss_report r ON r.ledger_id = f.ledger_id AND r.report_id = f.report_id
                         AND r.revision = f.revision
                     WHERE f.ledger_id = :ledger AND f.category = c.category AND f.as_of_end > :last
                         AND r.recorded_to IS NULL AND NOT r.retracted AND r.basis = 'CUMULATIVE'
                     ORDER BY f.as_of_end LIMIT 1) AS hi
                FROM unnest(string_to_array(:categories, ',')) AS c(category)
                """, params, rs -> {
            LocalDate lo = rs.getObject("lo", LocalDate.class);
            LocalDate hi = rs.getObject("hi", LocalDate.class);
            windows.put(rs.getString("category"), new LocalDate[] {lo == null ? first : lo, hi == null ? last : hi});
        });
        LocalDate from = windows.values().stream().map(window -> window[0]).min(LocalDate::compareTo).orElse(first);
        LocalDate to = windows.values().stream().map(window -> window[1]).max(LocalDate::compareTo).orElse(last);
        params.addValue("from", from).addValue("to", to);

        Map<String, TreeMap<LocalDate, List<Point>>> points = new HashMap<>();
        List<String> windowCategories = List.copyOf(windows.keySet());
        params.addValue("windowCategories", String.join(",", windowCategories))
                .addValue("los", String.join(",", windowCategories.stream()
                        .map(category -> windows.get(category)[0].toString()).toList()))
                .addValue("his", String.join(",", windowCategories.stream()
                        .map(category -> windows.get(category)[1].toString()).toList()));
        // The standing figures of each category within its own window only.
        jdbc.query("""
                SELECT f.report_id, r.as_of, f.as_of_end, f.category, f.value, f.qualifier, f.lower_bound,
                    f.upper_bound
                FROM unnest(string_to_array(:windowCategories, ','), string_to_array(:los, ',')::date[],
                        string_to_array(:his, ',')::date[]) AS w(category, lo, hi)
                JOIN read_model.loss_figure f ON f.ledger_id = :ledger AND f.category = w.category
                    AND f.as_of_end BETWEEN w.lo AND w.hi
                JOIN read_model.loss_report r ON r.ledger_id = f.ledger_id AND r.report_id = f.report_id
                    AND r.revision = f.revision
                WHERE r.recorded_to IS NULL AND NOT r.retracted AND r.basis = 'CUMULATIVE'
                ORDER BY f.report_id
                """, params, rs -> {
            String category = rs.getString("category");
            LocalDate day = rs.getObject("as_of_end", LocalDate.class);
            LocalDate[] window = windows.get(category);
            if (day.isBefore(window[0]) || day.isAfter(window[1])) {
                return;
            }
            LossFigure figure = new LossFigure(LossCategory.valueOf(category), rs.getLong("value"),
                    Qualifier.valueOf(rs.getString("qualifier")), (Long) rs.getObject("lower_bound"),
                    (Long) rs.getObject("upper_bound"));
            points.computeIfAbsent(category, c -> new TreeMap<>()).computeIfAbsent(day, d -> new ArrayList<>())
                    .add(new Point(rs.getString("report_id"), rs.getString("as_of"), day, figure.value(),
                            figure.floor(), figure.ceiling()));
        });

        Map<Pair, Found> found = new LinkedHashMap<>();
        points.forEach((category, byDay) -> {
            List<Point> previous = null;
            for (List<Point> day : byDay.values()) {
                compare(category, day, day, found);
                if (previous != null) {
                    compare(category, previous, day, found);
                }
                previous = day;
            }
        });

        Set<Pair> open = new HashSet<>();
        jdbc.query("""
                SELECT category, earlier_report_id, later_report_id, earlier_as_of_end, later_as_of_end
                FROM read_model.loss_anomaly
                WHERE ledger_id = :ledger AND resolved_at IS NULL AND category IN (:categoryList)
                    AND earlier_as_of_end >= :from AND later_as_of_end <= :to
                """, params, rs -> {
            LocalDate[] window = windows.get(rs.getString("category"));
            if (!rs.getObject("earlier_as_of_end", LocalDate.class).isBefore(window[0])
                    && !rs.getObject("later_as_of_end", LocalDate.class).isAfter(window[1])) {
                open.add(new Pair(rs.getString("category"), rs.getString("earlier_report_id"),
                        rs.getString("later_report_id")));
            }
        });
        Timestamp when = Timestamp.from(at);
        for (Pair pair : open) {
            if (!found.containsKey(pair)) {
                jdbc.update("""
                        UPDATE read_model.loss_anomaly SET resolved_at = :at, resolved_by = :report
                        WHERE ledger_id = :ledger AND category = :category AND earlier_report_id = :earlier
                            AND later_report_id = :later AND resolved_at IS NULL
                        """, new MapSqlParameterSource("ledger", ledgerId).addValue("at", when)
                        .addValue("report", reportId).addValue("category", pair.category())
                        .addValue("earlier", pair.earlier()).addValue("later", pair.later()));
            }
        }
        found.forEach((pair, anomaly) -> {
            if (!open.contains(pair)) {
                jdbc.update("""
                        INSERT INTO read_model.loss_anomaly (ledger_id, category, earlier_report_id, later_report_id,
                            opened_at, conflict_id, side, claimant, earlier_as_of, earlier_as_of_end, earlier_value,
                            later_as_of, later_as_of_end, later_value, opened_by)
                        SELECT :ledger, :category, :earlier, :later, :at, conflict_id, side, claimant, :earlierAsOf,
                            :earlierEnd, :earlierValue, :laterAsOf, :laterEnd, :laterValue, :report
                        FROM read_model.loss_report WHERE ledger_id = :ledger AND report_id = :later
                            AND recorded_to IS NULL
                        ON CONFLICT (ledger_id, category, earlier_report_id, later_report_id, opened_at)
                        DO UPDATE SET resolved_at = NULL, resolved_by = NULL
                        """, new MapSqlParameterSource("ledger", ledgerId).addValue("category", pair.category())
                        .addValue("earlier", pair.earlier()).addValue("later", pair.later()).addValue("at", when)
                        .addValue("earlierAsOf", anomaly.earlier().asOf())
                        .addValue("earlierEnd", anomaly.earlier().day())
                        .addValue("earlierValue", anomaly.earlier().value())
                        .addValue("laterAsOf", anomaly.later().asOf()).addValue("laterEnd", anomaly.later().day())
                        .addValue("laterValue", anomaly.later().value()).addValue("report", reportId));
            }
        });
    }

    /** Every pair of a figure in {@code earlier} whose floor is above the ceiling of a figure in {@code later}. */
    private static void compare(String category, List<Point> earlier, List<Point> later, Map<Pair, Found> found) {
        for (Point a : earlier) {
            for (Point b : later) {
                if (a != b && a.floor() != null && b.ceiling() != null && a.floor() > b.ceiling()) {
                    found.put(new Pair(category, a.reportId(), b.reportId()), new Found(a, b));
                }
            }
        }
    }
}
