package io.warnews.query.losses;

import io.warnews.events.Basis;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.Qualifier;
import io.warnews.query.processing.RowBatch;
import io.warnews.query.processing.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.util.PGobject;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The losses rows of one batch of events. Each change is applied to the report's current version
 * held in memory (read from the tables the first time the batch meets a report it did not record);
 * {@link #flush} then writes, in the batch's transaction: the closing of the stored versions the
 * batch replaced (one JDBC batch), every new version and its figures (a multi-row {@code INSERT}
 * each) and the anomalies ({@link LossAnomalies}, replayed event by event over the figures around
 * the batch's changes). The rows are the same as if each event had been written on its own.
 */
final class LossBatch implements RowBatch {

    static final List<String> REPORT_COLUMNS = List.of("ledger_id", "report_id", "revision", "conflict_id", "side",
            "claimant", "as_of", "as_of_start", "as_of_end", "visible_from", "basis", "source", "recorded_at", "change",
            "reason", "recorded_by", "retracted", "recorded_from", "recorded_to");
    static final List<String> FIGURE_COLUMNS = List.of("ledger_id", "report_id", "revision", "category", "value",
            "qualifier", "lower_bound", "upper_bound", "as_of_end", "visible_from");

    private final JdbcTemplate jdbc;
    private final Map<ReportKey, Version> current = new HashMap<>();
    private final List<Version> inserted = new ArrayList<>();
    private final List<Version> closedStored = new ArrayList<>();
    private final List<LossAnomalies.Change> changes = new ArrayList<>();

    LossBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record ReportKey(String ledger, String report) {
    }

    /** One row of {@code loss_report} with its figures. */
    static final class Version {
        String ledger;
        String report;
        long revision;
        String conflict;
        String side;
        String claimant;
        String asOf;
        LocalDate start;
        LocalDate end;
        LocalDate visibleFrom;
        String basis;
        PGobject source;
        OffsetDateTime recordedAt;
        String change;
        String reason;
        String recordedBy;
        boolean retracted;
        OffsetDateTime recordedFrom;
        OffsetDateTime recordedTo;
        List<LossFigure> figures;

        Version copy() {
            Version copy = new Version();
            copy.ledger = ledger;
            copy.report = report;
            copy.revision = revision;
            copy.conflict = conflict;
            copy.side = side;
            copy.claimant = claimant;
            copy.asOf = asOf;
            copy.start = start;
            copy.end = end;
            copy.visibleFrom = visibleFrom;
            copy.basis = basis;
            copy.source = source;
            copy.recordedAt = recordedAt;
            copy.change = change;
            copy.reason = reason;
            copy.recordedBy = recordedBy;
            copy.retracted = retracted;
            copy.recordedFrom = recordedFrom;
            copy.recordedTo = recordedTo;
            copy.figures = figures;
            return copy;
        }

        boolean cumulative() {
            return basis.equals(Basis.CUMULATIVE.name());
        }

        /** Where its cumulative figures stand while it is current; null when it has none standing. */
        LossAnomalies.Place place() {
            return new LossAnomalies.Place(end, figures.stream().map(figure -> figure.category().name()).toList());
        }

        Object[] row() {
            return new Object[] {ledger, report, revision, conflict, side, claimant, asOf, start, end, visibleFrom,
                    basis, source, recordedAt, change, reason, recordedBy, retracted, recordedFrom, recordedTo};
        }
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A new report: its first version. */
    void report(Version version) {
        open(version);
        changes.add(new LossAnomalies.Change(version.ledger, version.report, version.recordedFrom, null,
                version.cumulative() ? version.place() : null, version));
    }

    /** A correction or a revision: the report's current version closes, {@code version} follows it. */
    void replace(Version version) {
        Version before = close(version.ledger, version.report, version.recordedFrom);
        LossAnomalies.Place was = !before.retracted && before.cumulative() ? before.place() : null;
        version.recordedAt = before.recordedAt;
        open(version);
        changes.add(new LossAnomalies.Change(version.ledger, version.report, version.recordedFrom, was,
                version.cumulative() ? version.place() : null, version));
    }

    /** A retraction or a restoration: the same content, withdrawn or back. */
    void copy(String ledger, String report, long revision, OffsetDateTime at, String editor, String change,
              String reason, boolean retracted) {
        Version before = close(ledger, report, at);
        Version version = before.copy();
        version.revision = revision;
        version.change = change;
        version.reason = reason;
        version.recordedBy = editor;
        version.retracted = retracted;
        version.recordedFrom = at;
        version.recordedTo = null;
        open(version);
        if (before.cumulative()) {
            LossAnomalies.Place place = before.place();
            changes.add(new LossAnomalies.Change(ledger, report, at, retracted ? place : null,
                    retracted ? null : place, version));
        }
    }

    private void open(Version version) {
        current.put(new ReportKey(version.ledger, version.report), version);
        inserted.add(version);
    }

    /** Closes the report's current version at {@code at}; answers it as it stood. */
    private Version close(String ledger, String report, OffsetDateTime at) {
        ReportKey key = new ReportKey(ledger, report);
        Version before = current.get(key);
        if (before == null) {
            before = stored(ledger, report);
            closedStored.add(before);
        }
        before.recordedTo = at;
        current.remove(key);
        return before;
    }

    /** The report's current version in the tables. */
    private Version stored(String ledger, String report) {
        List<Version> found = new ArrayList<>();
        jdbc.query("""
                SELECT r.revision, r.conflict_id, r.side, r.claimant, r.as_of, r.as_of_start, r.as_of_end,
                    r.visible_from, r.basis, r.source::text AS source, r.recorded_at, r.change, r.reason,
                    r.recorded_by, r.retracted, r.recorded_from, f.category, f.value, f.qualifier, f.lower_bound,
                    f.upper_bound
                FROM read_model.loss_report r
                LEFT JOIN read_model.loss_figure f ON f.ledger_id = r.ledger_id AND f.report_id = r.report_id
                    AND f.revision = r.revision
                WHERE r.ledger_id = ? AND r.report_id = ? AND r.recorded_to IS NULL
                ORDER BY r.revision, f.category
                """, rs -> {
            if (found.isEmpty() || found.get(found.size() - 1).revision != rs.getLong("revision")) {
                found.add(version(ledger, report, rs));
            }
            if (rs.getString("category") != null) {
                found.get(found.size() - 1).figures.add(new LossFigure(LossCategory.valueOf(rs.getString("category")),
                        rs.getLong("value"), Qualifier.valueOf(rs.getString("qualifier")),
                        (Long) rs.getObject("lower_bound"), (Long) rs.getObject("upper_bound")));
            }
        }, ledger, report);
        if (found.isEmpty()) {
            throw new IllegalStateException("report '" + report + "' of ledger '" + ledger + "' has no current version");
        }
        if (found.size() > 1) {
            throw new IllegalStateException("report '" + report + "' of ledger '" + ledger
                    + "' has more than one current version");
        }
        return found.get(0);
    }

    private static Version version(String ledger, String report, ResultSet rs) throws SQLException {
        Version version = new Version();
        version.ledger = ledger;
        version.report = report;
        version.revision = rs.getLong("revision");
        version.conflict = rs.getString("conflict_id");
        version.side = rs.getString("side");
        version.claimant = rs.getString("claimant");
        version.asOf = rs.getString("as_of");
        version.start = rs.getObject("as_of_start", LocalDate.class);
        version.end = rs.getObject("as_of_end", LocalDate.class);
        version.visibleFrom = rs.getObject("visible_from", LocalDate.class);
        version.basis = rs.getString("basis");
        String source = rs.getString("source");
        version.source = json(source);
        version.recordedAt = rs.getObject("recorded_at", OffsetDateTime.class);
        version.change = rs.getString("change");
        version.reason = rs.getString("reason");
        version.recordedBy = rs.getString("recorded_by");
        version.retracted = rs.getBoolean("retracted");
        version.recordedFrom = rs.getObject("recorded_from", OffsetDateTime.class);
        version.figures = new ArrayList<>();
        return version;
    }

    private static PGobject json(String text) {
        try {
            PGobject json = new PGobject();
            json.setType("jsonb");
            json.setValue(text);
            return json;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void flush() {
        if (inserted.isEmpty()) {
            return;
        }
        LossAnomalies.Written anomalies = new LossAnomalies(jdbc).replay(changes);
        Rows.batch(jdbc, """
                UPDATE read_model.loss_report SET recorded_to = ?
                WHERE ledger_id = ? AND report_id = ? AND revision = ?
                """, closedStored.stream().map(version -> new Object[] {version.recordedTo, version.ledger,
                version.report, version.revision}).toList());
        Rows.insert(jdbc, "loss_report", REPORT_COLUMNS, inserted.stream().map(Version::row).toList(), "");
        List<Object[]> figures = new ArrayList<>();
        for (Version version : inserted) {
            for (LossFigure figure : version.figures) {
                figures.add(new Object[] {version.ledger, version.report, version.revision, figure.category().name(),
                        figure.value(), figure.qualifier().name(), figure.lower(), figure.upper(), version.end,
                        version.visibleFrom});
            }
        }
        Rows.insert(jdbc, "loss_figure", FIGURE_COLUMNS, figures, "");
        anomalies.write();
        inserted.clear();
        closedStored.clear();
        changes.clear();
        current.clear();
    }
}
