package io.warnews.query.losses;

import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.Qualifier;
import io.warnews.query.processing.Rows;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

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
 * (where the report was and where it is now) can gain or lose an anomaly. For a batch of changes,
 * the figures and open anomalies of each ledger are read once, over the dates the batch touches and
 * their nearest neighbours (the figures the batch does not change), with two indexed queries per
 * ledger; the changes are then replayed in memory in the order of their events, each compared over
 * its own window exactly as if it had been applied alone, and the anomalies they open and resolve
 * are written once.
 */
final class LossAnomalies {

    private static final String ON_CONFLICT = "ON CONFLICT (ledger_id, category, earlier_report_id, later_report_id,"
            + " opened_at) DO UPDATE SET resolved_at = EXCLUDED.resolved_at, resolved_by = EXCLUDED.resolved_by";
    private static final List<String> COLUMNS = List.of("ledger_id", "category", "earlier_report_id",
            "later_report_id", "opened_at", "conflict_id", "side", "claimant", "earlier_as_of", "earlier_as_of_end",
            "earlier_value", "later_as_of", "later_as_of_end", "later_value", "opened_by", "resolved_at",
            "resolved_by");

    /**
     * The standing cumulative version of figure {@code f}'s report. The report is found by its key
     * alone, and checked after: the inner query cannot use the partial index of current reports,
     * which a planner without statistics (a replay's fresh copies) would pick, scanning the ledger's
     * reports for each figure.
     */
    private static final String STANDING = """
            SELECT r.report_id, r.as_of, r.conflict_id, r.side, r.claimant
            FROM (SELECT * FROM read_model.loss_report r
                  WHERE r.ledger_id = f.ledger_id AND r.report_id = f.report_id AND r.revision = f.revision
                  LIMIT 1) r
            WHERE r.recorded_to IS NULL AND NOT r.retracted AND r.basis = 'CUMULATIVE'""";

    private final JdbcTemplate jdbc;

    LossAnomalies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a report's cumulative figures stood (or stand): the end of its world date, its categories. */
    record Place(LocalDate day, List<String> categories) {
    }

    /**
     * A report that stood at {@code was} and stands at {@code now} (either may be null) after the event
     * recorded {@code at}; {@code version} is its current version after it.
     */
    record Change(String ledger, String report, OffsetDateTime at, Place was, Place now, LossBatch.Version version) {

        List<Place> places() {
            List<Place> places = new ArrayList<>(2);
            for (Place place : new Place[] {was, now}) {
                if (place != null) {
                    places.add(place);
                }
            }
            return places;
        }
    }

    private record Point(String reportId, String category, String asOf, LocalDate day, long value, Long floor,
                         Long ceiling, String conflict, String side, String claimant) {
    }

    private record Pair(String category, String earlier, String later) {
    }

    private record Found(Point earlier, Point later) {
    }

    private record Key(String category, String earlier, String later, Instant openedAt) {
    }

    /** The days of a category a batch's changes look at, before their neighbours are added. */
    private record Window(String category, LocalDate first, LocalDate last) {
    }

    /** Windows of a category less than a month apart are read as one: it costs a few figures, not a lookup. */
    private static List<Window> merged(Map<String, TreeMap<LocalDate, LocalDate>> spans) {
        List<Window> windows = new ArrayList<>();
        spans.forEach((category, byFirst) -> {
            LocalDate first = null;
            LocalDate last = null;
            for (Map.Entry<LocalDate, LocalDate> span : byFirst.entrySet()) {
                if (first != null && span.getKey().isAfter(last.plusDays(31))) {
                    windows.add(new Window(category, first, last));
                    first = null;
                }
                if (first == null) {
                    first = span.getKey();
                    last = span.getValue();
                } else if (span.getValue().isAfter(last)) {
                    last = span.getValue();
                }
            }
            windows.add(new Window(category, first, last));
        });
        return windows;
    }

    /** A row of {@code loss_anomaly} as the batch knows it. */
    private static final class Anomaly {
        Object[] values;
        LocalDate earlierEnd;
        LocalDate laterEnd;
        OffsetDateTime resolvedAt;
        String resolvedBy;
        /** Opened (or opened again) by the batch: written with its final state. */
        boolean opened;

        Pair pair() {
            return new Pair((String) values[1], (String) values[2], (String) values[3]);
        }
    }

    /** What the replay decided, to be written after the batch's reports. */
    final class Written {
        private final List<Object[]> resolved = new ArrayList<>();
        private final List<Object[]> opened = new ArrayList<>();

        void write() {
            Rows.batch(jdbc, """
                    UPDATE read_model.loss_anomaly SET resolved_at = ?, resolved_by = ?
                    WHERE ledger_id = ? AND category = ? AND earlier_report_id = ? AND later_report_id = ?
                        AND resolved_at IS NULL
                    """, resolved);
            Rows.insert(jdbc, "loss_anomaly", COLUMNS, opened, ON_CONFLICT);
        }
    }

    /** Replays the batch's changes (in event order) over the anomalies; the tables still hold the state before the batch. */
    Written replay(List<Change> changes) {
        Map<String, List<Change>> byLedger = new LinkedHashMap<>();
        for (Change change : changes) {
            byLedger.computeIfAbsent(change.ledger(), ledger -> new ArrayList<>()).add(change);
        }
        Written written = new Written();
        byLedger.forEach((ledgerId, ledgerChanges) -> {
            // Each change looks at its category's figures from the nearest date before its first place
            // to the nearest after its last: those windows (merged where they nearly touch) are read.
            Map<String, TreeMap<LocalDate, LocalDate>> spans = new TreeMap<>();
            for (Change change : ledgerChanges) {
                Map<String, LocalDate[]> own = new HashMap<>();
                for (Place place : change.places()) {
                    for (String category : place.categories()) {
                        LocalDate[] span = own.computeIfAbsent(category, c -> new LocalDate[] {place.day(), place.day()});
                        span[0] = place.day().isBefore(span[0]) ? place.day() : span[0];
                        span[1] = place.day().isAfter(span[1]) ? place.day() : span[1];
                    }
                }
                own.forEach((category, span) -> spans.computeIfAbsent(category, c -> new TreeMap<>())
                        .merge(span[0], span[1], (a, b) -> a.isAfter(b) ? a : b));
            }
            if (spans.isEmpty()) {
                return;
            }
            Ledger ledger = new Ledger(ledgerId);
            ledger.load(merged(spans));
            for (Change change : ledgerChanges) {
                ledger.apply(change, written);
            }
            ledger.anomalies.values().stream().filter(anomaly -> anomaly.opened).forEach(anomaly -> {
                Object[] values = anomaly.values.clone();
                values[15] = anomaly.resolvedAt;
                values[16] = anomaly.resolvedBy;
                written.opened.add(values);
            });
        });
        return written;
    }

    /** One ledger's standing cumulative figures and open anomalies, around the batch's changes. */
    private final class Ledger {
        private final String id;
        private final Map<String, TreeMap<LocalDate, List<Point>>> points = new HashMap<>();
        private final Map<String, List<Point>> byReport = new HashMap<>();
        private final Map<Key, Anomaly> anomalies = new LinkedHashMap<>();

        Ledger(String id) {
            this.id = id;
        }

        /**
         * The standing figures of each window's category from its nearest date before the window's
         * first day to its nearest after its last, and the open anomalies among them.
         */
        void load(List<Window> windows) {
            StringBuilder categories = new StringBuilder();
            StringBuilder firsts = new StringBuilder();
            StringBuilder lasts = new StringBuilder();
            LocalDate first = null;
            LocalDate last = null;
            for (Window window : windows) {
                String separator = categories.isEmpty() ? "" : ",";
                categories.append(separator).append(window.category());
                firsts.append(separator).append(window.first());
                lasts.append(separator).append(window.last());
                first = first == null || window.first().isBefore(first) ? window.first() : first;
                last = last == null || window.last().isAfter(last) ? window.last() : last;
            }
            String list = windows.stream().map(Window::category).distinct().collect(Collectors.joining(","));
            // Every step is an index lookup whatever the statistics say (a ledger that grew by thousands
            // of reports since the last ANALYZE, a replay's fresh copies that have none): each window's
            // bounds once (OFFSET 0), its figures in the order of the category index, each figure's
            // report by its key (LATERAL ... LIMIT 1). A join left to the planner became a scan of the
            // ledger per figure.
            jdbc.query("""
                    SELECT DISTINCT w.category, r.report_id, r.as_of, f.as_of_end, r.conflict_id, r.side, r.claimant,
                        f.value, f.qualifier, f.lower_bound, f.upper_bound
                    FROM unnest(string_to_array(?, ','), string_to_array(?, ',')::date[],
                        string_to_array(?, ',')::date[]) AS w(category, first, last)
                    CROSS JOIN LATERAL (SELECT
                        coalesce((SELECT f.as_of_end FROM read_model.loss_figure f
                                  CROSS JOIN LATERAL (%1$s) s
                                  WHERE f.ledger_id = ? AND f.category = w.category AND f.as_of_end < w.first
                                  ORDER BY f.as_of_end DESC LIMIT 1), w.first) AS lo,
                        coalesce((SELECT f.as_of_end FROM read_model.loss_figure f
                                  CROSS JOIN LATERAL (%1$s) s
                                  WHERE f.ledger_id = ? AND f.category = w.category AND f.as_of_end > w.last
                                  ORDER BY f.as_of_end LIMIT 1), w.last) AS hi
                        OFFSET 0) b
                    CROSS JOIN LATERAL (SELECT * FROM read_model.loss_figure f
                        WHERE f.ledger_id = ? AND f.category = w.category AND f.as_of_end BETWEEN b.lo AND b.hi
                        ORDER BY f.as_of_end LIMIT ALL) f
                    CROSS JOIN LATERAL (%1$s) r
                    """.formatted(STANDING), rs -> {
                String category = rs.getString("category");
                LossFigure figure = new LossFigure(LossCategory.valueOf(category), rs.getLong("value"),
                        Qualifier.valueOf(rs.getString("qualifier")), (Long) rs.getObject("lower_bound"),
                        (Long) rs.getObject("upper_bound"));
                add(new Point(rs.getString("report_id"), category, rs.getString("as_of"),
                        rs.getObject("as_of_end", LocalDate.class), figure.value(), figure.floor(), figure.ceiling(),
                        rs.getString("conflict_id"), rs.getString("side"), rs.getString("claimant")));
            }, categories.toString(), firsts.toString(), lasts.toString(), id, id, id);
            LocalDate from = first;
            LocalDate to = last;
            for (TreeMap<LocalDate, List<Point>> days : points.values()) {
                from = days.firstKey().isBefore(from) ? days.firstKey() : from;
                to = days.lastKey().isAfter(to) ? days.lastKey() : to;
            }
            jdbc.query("""
                    SELECT ledger_id, category, earlier_report_id, later_report_id, opened_at, conflict_id, side,
                        claimant, earlier_as_of, earlier_as_of_end, earlier_value, later_as_of, later_as_of_end,
                        later_value, opened_by
                    FROM read_model.loss_anomaly
                    WHERE ledger_id = ? AND resolved_at IS NULL AND category = ANY (string_to_array(?, ','))
                        AND earlier_as_of_end >= ? AND later_as_of_end <= ?
                    """, rs -> {
                Anomaly anomaly = new Anomaly();
                anomaly.values = new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getObject(10, LocalDate.class), rs.getLong(11), rs.getString(12),
                        rs.getObject(13, LocalDate.class), rs.getLong(14), rs.getString(15), null, null};
                anomaly.earlierEnd = (LocalDate) anomaly.values[9];
                anomaly.laterEnd = (LocalDate) anomaly.values[12];
                anomalies.put(key(anomaly.values), anomaly);
            }, id, list, from, to);
        }

        private Key key(Object[] values) {
            return new Key((String) values[1], (String) values[2], (String) values[3],
                    ((OffsetDateTime) values[4]).toInstant());
        }

        private void add(Point point) {
            points.computeIfAbsent(point.category(), category -> new TreeMap<>())
                    .computeIfAbsent(point.day(), day -> new ArrayList<>()).add(point);
            byReport.computeIfAbsent(point.reportId(), report -> new ArrayList<>()).add(point);
        }

        /** The report's standing figures follow its current version (a new report adds its own). */
        private void follow(String reportId, LossBatch.Version version) {
            List<Point> before = version.change.equals("REPORTED") ? null : byReport.remove(reportId);
            if (before != null) {
                for (Point point : before) {
                    TreeMap<LocalDate, List<Point>> days = points.get(point.category());
                    List<Point> day = days.get(point.day());
                    day.remove(point);
                    if (day.isEmpty()) {
                        days.remove(point.day());
                    }
                    if (days.isEmpty()) {
                        points.remove(point.category());
                    }
                }
            }
            if (version != null && !version.retracted && version.cumulative()) {
                for (LossFigure figure : version.figures) {
                    add(new Point(reportId, figure.category().name(), version.asOf, version.end, figure.value(),
                            figure.floor(), figure.ceiling(), version.conflict, version.side, version.claimant));
                }
            }
        }

        /** Re-examines the figures around the report after its change, as the tables would then hold them. */
        void apply(Change change, Written written) {
            follow(change.report(), change.version());
            Set<String> categories = new LinkedHashSet<>();
            List<LocalDate> days = new ArrayList<>();
            for (Place place : change.places()) {
                categories.addAll(place.categories());
                days.add(place.day());
            }
            if (categories.isEmpty()) {
                return;
            }
            LocalDate first = days.stream().min(LocalDate::compareTo).orElseThrow();
            LocalDate last = days.stream().max(LocalDate::compareTo).orElseThrow();
            Map<String, LocalDate[]> windows = new HashMap<>();
            for (String category : categories) {
                TreeMap<LocalDate, List<Point>> byDay = points.get(category);
                LocalDate lo = byDay == null ? null : byDay.lowerKey(first);
                LocalDate hi = byDay == null ? null : byDay.higherKey(last);
                windows.put(category, new LocalDate[] {lo == null ? first : lo, hi == null ? last : hi});
            }
            LocalDate from = windows.values().stream().map(window -> window[0]).min(LocalDate::compareTo).orElse(first);
            LocalDate to = windows.values().stream().map(window -> window[1]).max(LocalDate::compareTo).orElse(last);

            Map<Pair, Found> found = new LinkedHashMap<>();
            for (String category : categories) {
                TreeMap<LocalDate, List<Point>> byDay = points.get(category);
                if (byDay == null) {
                    continue;
                }
                LocalDate[] window = windows.get(category);
                NavigableMap<LocalDate, List<Point>> near = byDay.subMap(window[0], true, window[1], true);
                List<Point> previous = null;
                for (List<Point> day : near.values()) {
                    compare(category, day, day, found);
                    if (previous != null) {
                        compare(category, previous, day, found);
                    }
                    previous = day;
                }
            }

            Set<Pair> open = new HashSet<>();
            for (Anomaly anomaly : anomalies.values()) {
                Pair pair = anomaly.pair();
                LocalDate[] window = windows.get(pair.category());
                if (anomaly.resolvedAt == null && window != null && !anomaly.earlierEnd.isBefore(from)
                        && !anomaly.laterEnd.isAfter(to) && !anomaly.earlierEnd.isBefore(window[0])
                        && !anomaly.laterEnd.isAfter(window[1])) {
                    open.add(pair);
                }
            }
            for (Pair pair : open) {
                if (!found.containsKey(pair)) {
                    for (Anomaly anomaly : anomalies.values()) {
                        if (anomaly.resolvedAt == null && anomaly.pair().equals(pair)) {
                            anomaly.resolvedAt = change.at();
                            anomaly.resolvedBy = change.report();
                        }
                    }
                    written.resolved.add(new Object[] {change.at(), change.report(), id, pair.category(),
                            pair.earlier(), pair.later()});
                }
            }
            found.forEach((pair, contradiction) -> {
                if (open.contains(pair)) {
                    return;
                }
                Key key = new Key(pair.category(), pair.earlier(), pair.later(), change.at().toInstant());
                Anomaly anomaly = anomalies.get(key);
                if (anomaly == null) {
                    Point earlier = contradiction.earlier();
                    Point later = contradiction.later();
                    anomaly = new Anomaly();
                    anomaly.values = new Object[] {id, pair.category(), pair.earlier(), pair.later(), change.at(),
                            later.conflict(), later.side(), later.claimant(), earlier.asOf(), earlier.day(),
                            earlier.value(), later.asOf(), later.day(), later.value(), change.report(), null, null};
                    anomaly.earlierEnd = earlier.day();
                    anomaly.laterEnd = later.day();
                    anomalies.put(key, anomaly);
                }
                anomaly.resolvedAt = null;
                anomaly.resolvedBy = null;
                anomaly.opened = true;
            });
        }
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
