package io.warnews.query.losses;

import static io.warnews.query.processing.JsonColumns.jsonb;

import io.warnews.events.Basis;
import io.warnews.events.LossFigure;
import io.warnews.events.LossReportCorrected;
import io.warnews.events.LossReportRetracted;
import io.warnews.events.LossesReported;
import io.warnews.events.Source;
import io.warnews.events.WarEvent;
import io.warnews.events.WorldDate;
import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.processing.StreamPositions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Loss reports with their figures as currently known: a correction replaces the report's figures,
 * a retraction removes the report. Totals, series and milestones are read from these rows.
 */
@Component
@ProcessingGroup(ProcessingGroups.LOSSES)
class LossProjection {

    private static final String GROUP = ProcessingGroups.LOSSES;

    private final NamedParameterJdbcTemplate jdbc;
    private final StreamPositions positions;

    LossProjection(NamedParameterJdbcTemplate jdbc, StreamPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    @EventHandler
    void on(LossesReported event, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        if (positions.advance(GROUP, streamId, version)) {
            write(new Report(event.ledgerId(), event.reportId(), event.conflictId(), event.side(), event.claimant(),
                    event.asOf(), event.basis(), event.figures(), event.source()), false, recordedAt);
        }
    }

    @EventHandler
    void on(LossReportCorrected event, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        if (positions.advance(GROUP, streamId, version)) {
            write(new Report(event.ledgerId(), event.reportId(), event.conflictId(), event.side(), event.claimant(),
                    event.asOf(), event.basis(), event.figures(), event.source()), true, recordedAt);
        }
    }

    @EventHandler
    void on(LossReportRetracted event, @SourceId String streamId, @SequenceNumber long version) {
        if (positions.advance(GROUP, streamId, version)) {
            jdbc.update("DELETE FROM read_model.loss_report WHERE ledger_id = :ledger AND report_id = :report",
                    Map.of("ledger", event.ledgerId(), "report", event.reportId()));
        }
    }

    @EventHandler
    void on(WarEvent event, @SourceId String streamId, @SequenceNumber long version) {
        positions.advance(GROUP, streamId, version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM read_model.loss_report", Map.of());
        positions.clear(GROUP);
    }

    private record Report(String ledgerId, String reportId, String conflictId, String side, String claimant,
                          WorldDate asOf, Basis basis, List<LossFigure> figures, Source source) {
    }

    private void write(Report report, boolean corrected, Instant recordedAt) {
        jdbc.update("""
                INSERT INTO read_model.loss_report (ledger_id, report_id, conflict_id, side, claimant, as_of,
                    as_of_start, as_of_end, basis, source, recorded_at, corrected)
                VALUES (:ledger, :report, :conflict, :side, :claimant, :asOf, :start, :end, :basis, :source,
                    :recordedAt, :corrected)
                ON CONFLICT (ledger_id, report_id) DO UPDATE
                SET as_of = EXCLUDED.as_of, as_of_start = EXCLUDED.as_of_start, as_of_end = EXCLUDED.as_of_end,
                    basis = EXCLUDED.basis, source = EXCLUDED.source, corrected = EXCLUDED.corrected
                """, new MapSqlParameterSource()
                .addValue("ledger", report.ledgerId())
                .addValue("report", report.reportId())
                .addValue("conflict", report.conflictId())
                .addValue("side", report.side())
                .addValue("claimant", report.claimant())
                .addValue("asOf", report.asOf().toString())
                .addValue("start", report.asOf().start())
                .addValue("end", report.asOf().end())
                .addValue("basis", report.basis().name())
                .addValue("source", jsonb(report.source()))
                .addValue("recordedAt", Timestamp.from(recordedAt))
                .addValue("corrected", corrected));
        Map<String, String> key = Map.of("ledger", report.ledgerId(), "report", report.reportId());
        jdbc.update("DELETE FROM read_model.loss_figure WHERE ledger_id = :ledger AND report_id = :report", key);
        jdbc.batchUpdate("""
                INSERT INTO read_model.loss_figure (ledger_id, report_id, category, value, qualifier)
                VALUES (:ledger, :report, :category, :value, :qualifier)
                """, report.figures().stream().map(figure -> (SqlParameterSource) new MapSqlParameterSource(key)
                .addValue("category", figure.category().name())
                .addValue("value", figure.value())
                .addValue("qualifier", figure.qualifier().name())).toArray(SqlParameterSource[]::new));
    }
}
