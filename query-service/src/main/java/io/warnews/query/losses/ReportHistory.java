package io.warnews.query.losses;

import com.fasterxml.jackson.core.type.TypeReference;
import io.warnews.events.LossCategory;
import io.warnews.events.Qualifier;
import io.warnews.events.Source;
import io.warnews.events.WorldDate;
import io.warnews.query.processing.JsonColumns;
import io.warnews.query.web.NotFound;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Every version of one loss report, oldest first: what it said, how it came to be (REPORTED,
 * CORRECTED, REVISED, RETRACTED, RESTORED), who recorded it, when, why, from which source, and
 * the recorded interval in which it was the current knowledge ({@code recordedTo} null: it still is).
 */
record ReportHistory(String conflictId, String reportId, String ledgerId, String side, String claimant,
                     List<Version> versions) {

    record Version(long version, String change, Instant recordedFrom, Instant recordedTo, String recordedBy,
                   String reason, Source source, WorldDate asOf, String basis, boolean retracted,
                   List<FigureView> figures) {
    }

    record FigureView(LossCategory category, long value, Qualifier qualifier, Long lower, Long upper) {
    }

    static ReportHistory of(NamedParameterJdbcTemplate jdbc, String conflictId, String reportId) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT r.ledger_id, r.side, r.claimant, r.revision, r.change, r.recorded_from, r.recorded_to,
                    r.recorded_by, r.reason, r.source::text AS source, r.as_of, r.basis, r.retracted,
                    COALESCE((SELECT json_agg(json_build_object('category', f.category, 'value', f.value,
                                 'qualifier', f.qualifier, 'lower', f.lower_bound, 'upper', f.upper_bound)
                                 ORDER BY f.category)
                              FROM read_model.loss_figure f
                              WHERE f.ledger_id = r.ledger_id AND f.report_id = r.report_id
                                AND f.revision = r.revision), '[]'::json)::text AS figures
                FROM read_model.loss_report r
                WHERE r.conflict_id = :conflict AND r.report_id = :report
                ORDER BY r.revision
                """, Map.of("conflict", conflictId, "report", reportId));
        if (rows.isEmpty()) {
            throw new NotFound("loss report", reportId);
        }
        Map<String, Object> first = rows.get(0);
        return new ReportHistory(conflictId, reportId, (String) first.get("ledger_id"), (String) first.get("side"),
                (String) first.get("claimant"), rows.stream().map(row -> new Version(
                        ((Number) row.get("revision")).longValue(),
                        (String) row.get("change"),
                        instant(row.get("recorded_from")),
                        instant(row.get("recorded_to")),
                        (String) row.get("recorded_by"),
                        (String) row.get("reason"),
                        row.get("source") == null ? null : JsonColumns.read((String) row.get("source"), Source.class),
                        WorldDate.parse((String) row.get("as_of")),
                        (String) row.get("basis"),
                        (Boolean) row.get("retracted"),
                        JsonColumns.read((String) row.get("figures"), new TypeReference<List<FigureView>>() { })))
                .toList());
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("not a time: " + value.getClass());
    }
}
