package io.warnews.query.losses;

import static io.warnews.query.processing.JsonColumns.jsonb;

import io.warnews.events.Basis;
import io.warnews.events.LossFigure;
import io.warnews.events.LossReportCorrected;
import io.warnews.events.LossReportRestored;
import io.warnews.events.LossReportRetracted;
import io.warnews.events.LossReportRevised;
import io.warnews.events.LossesReported;
import io.warnews.events.Source;
import io.warnews.events.WarEvent;
import io.warnews.events.WorldDate;
import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.processing.StreamPositions;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Every version of every loss report, each with the interval of recorded time in which it was
 * the current knowledge: a report opens a version; a correction, a revision, a retraction or a
 * restoration closes the current one at the event's recorded instant and opens the next. Totals,
 * series and milestones read the current versions; "as known at T" reads the versions whose
 * interval holds T. Each change also updates the anomalies of the figures around it
 * ({@link LossAnomalies}).
 */
@Component
@ProcessingGroup(ProcessingGroups.LOSSES)
class LossProjection {

    private static final String GROUP = ProcessingGroups.LOSSES;
    private static final String EDITOR = "editor";

    private final NamedParameterJdbcTemplate jdbc;
    private final StreamPositions positions;
    private final LossAnomalies anomalies;

    LossProjection(NamedParameterJdbcTemplate jdbc, StreamPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.anomalies = new LossAnomalies(jdbc);
    }

    /** What one version says, and how it came to be. */
    private record Version(String ledgerId, String reportId, String conflictId, String side, String claimant,
                           WorldDate asOf, Basis basis, List<LossFigure> figures, Source source, String change,
                           String reason) {
    }

    @EventHandler
    void on(LossesReported event, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt, @MetaDataValue(EDITOR) String editor) {
        if (positions.advance(GROUP, streamId, version)) {
            Version opened = new Version(event.ledgerId(), event.reportId(), event.conflictId(), event.side(),
                    event.claimant(), event.asOf(), event.basis(), event.figures(), event.source(), "REPORTED", null);
            insert(opened, version, recordedAt, recordedAt, editor);
            anomalies.changed(event.ledgerId(), event.reportId(), recordedAt, null, opened.basis() == Basis.CUMULATIVE
                    ? new LossAnomalies.Place(event.asOf().end(), categories(event.figures())) : null);
        }
    }

    @EventHandler
    void on(LossReportCorrected event, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt, @MetaDataValue(EDITOR) String editor) {
        if (positions.advance(GROUP, streamId, version)) {
            replace(new Version(event.ledgerId(), event.reportId(), event.conflictId(), event.side(),
                    event.claimant(), event.asOf(), event.basis(), event.figures(), event.source(), "CORRECTED",
                    event.reason()), version, recordedAt, editor);
        }
    }

    @EventHandler
    void on(LossReportRevised event, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt, @MetaDataValue(EDITOR) String editor) {
        if (positions.advance(GROUP, streamId, version)) {
            replace(new Version(event.ledgerId(), event.reportId(), event.conflictId(), event.side(),
                    event.claimant(), event.asOf(), event.basis(), event.figures(), event.source(), "REVISED",
                    event.reason()), version, recordedAt, editor);
        }
    }

    @EventHandler
    void on(LossReportRetracted event, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt, @MetaDataValue(EDITOR) String editor) {
        if (positions.advance(GROUP, streamId, version)) {
            copy(event.ledgerId(), event.reportId(), version, recordedAt, editor, "RETRACTED", event.reason(), true);
        }
    }

    @EventHandler
    void on(LossReportRestored event, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt, @MetaDataValue(EDITOR) String editor) {
        if (positions.advance(GROUP, streamId, version)) {
            copy(event.ledgerId(), event.reportId(), version, recordedAt, editor, "RESTORED", event.reason(), false);
        }
    }

    @EventHandler
    void on(WarEvent event, @SourceId String streamId, @SequenceNumber long version) {
        positions.advance(GROUP, streamId, version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM read_model.loss_anomaly", Map.of());
        jdbc.update("DELETE FROM read_model.loss_report", Map.of());
        positions.clear(GROUP);
    }

    /** The current version as it stood before a change. */
    private record Closed(long revision, Instant firstRecordedAt, LocalDate asOfEnd, String basis, boolean retracted) {
    }

    private Closed close(String ledgerId, String reportId, Instant recordedAt) {
        List<Closed> closed = jdbc.query("""
                UPDATE read_model.loss_report SET recorded_to = :at
                WHERE ledger_id = :ledger AND report_id = :report AND recorded_to IS NULL
                RETURNING revision, recorded_at, as_of_end, basis, retracted
                """, new MapSqlParameterSource("ledger", ledgerId).addValue("report", reportId)
                        .addValue("at", Timestamp.from(recordedAt)),
                (rs, row) -> new Closed(rs.getLong("revision"), rs.getTimestamp("recorded_at").toInstant(),
                        rs.getObject("as_of_end", LocalDate.class), rs.getString("basis"), rs.getBoolean("retracted")));
        if (closed.isEmpty()) {
            throw new IllegalStateException("report '" + reportId + "' of ledger '" + ledgerId + "' has no current version");
        }
        return closed.get(0);
    }

    private List<String> categoriesOf(String ledgerId, String reportId, long revision) {
        return jdbc.queryForList("""
                SELECT category FROM read_model.loss_figure
                WHERE ledger_id = :ledger AND report_id = :report AND revision = :revision
                """, new MapSqlParameterSource("ledger", ledgerId).addValue("report", reportId)
                .addValue("revision", revision), String.class);
    }

    private void replace(Version version, long revision, Instant recordedAt, String editor) {
        Closed before = close(version.ledgerId(), version.reportId(), recordedAt);
        LossAnomalies.Place was = !before.retracted() && before.basis().equals(Basis.CUMULATIVE.name())
                ? new LossAnomalies.Place(before.asOfEnd(), categoriesOf(version.ledgerId(), version.reportId(),
                before.revision())) : null;
        insert(version, revision, before.firstRecordedAt(), recordedAt, editor);
        anomalies.changed(version.ledgerId(), version.reportId(), recordedAt, was,
                version.basis() == Basis.CUMULATIVE
                        ? new LossAnomalies.Place(version.asOf().end(), categories(version.figures())) : null);
    }

    /** A retraction or a restoration: the same content, withdrawn or back. */
    private void copy(String ledgerId, String reportId, long revision, Instant recordedAt, String editor,
                      String change, String reason, boolean retracted) {
        Closed before = close(ledgerId, reportId, recordedAt);
        MapSqlParameterSource params = new MapSqlParameterSource("ledger", ledgerId).addValue("report", reportId)
                .addValue("previous", before.revision()).addValue("revision", revision)
                .addValue("change", change).addValue("reason", reason).addValue("by", editor)
                .addValue("retracted", retracted).addValue("at", Timestamp.from(recordedAt));
        jdbc.update("""
                INSERT INTO read_model.loss_report (ledger_id, report_id, revision, conflict_id, side, claimant, as_of,
                    as_of_start, as_of_end, visible_from, basis, source, recorded_at, change, reason, recorded_by,
                    retracted, recorded_from, recorded_to)
                SELECT ledger_id, report_id, :revision, conflict_id, side, claimant, as_of, as_of_start, as_of_end,
                    visible_from, basis, source, recorded_at, :change, :reason, :by, :retracted, :at, NULL
                FROM read_model.loss_report
                WHERE ledger_id = :ledger AND report_id = :report AND revision = :previous
                """, params);
        jdbc.update("""
                INSERT INTO read_model.loss_figure (ledger_id, report_id, revision, category, value, qualifier,
                    lower_bound, upper_bound, as_of_end)
                SELECT ledger_id, report_id, :revision, category, value, qualifier, lower_bound, upper_bound, as_of_end
                FROM read_model.loss_figure
                WHERE ledger_id = :ledger AND report_id = :report AND revision = :previous
                """, params);
        if (before.basis().equals(Basis.CUMULATIVE.name())) {
            LossAnomalies.Place place = new LossAnomalies.Place(before.asOfEnd(),
                    categoriesOf(ledgerId, reportId, before.revision()));
            anomalies.changed(ledgerId, reportId, recordedAt, retracted ? place : null, retracted ? null : place);
        }
    }

    private void insert(Version version, long revision, Instant firstRecordedAt, Instant recordedAt, String editor) {
        jdbc.update("""
                INSERT INTO read_model.loss_report (ledger_id, report_id, revision, conflict_id, side, claimant, as_of,
                    as_of_start, as_of_end, visible_from, basis, source, recorded_at, change, reason, recorded_by,
                    retracted, recorded_from, recorded_to)
                VALUES (:ledger, :report, :revision, :conflict, :side, :claimant, :asOf, :start, :end, :visibleFrom,
                    :basis, :source, :recordedAt, :change, :reason, :by, FALSE, :from, NULL)
                """, new MapSqlParameterSource()
                .addValue("ledger", version.ledgerId())
                .addValue("report", version.reportId())
                .addValue("revision", revision)
                .addValue("conflict", version.conflictId())
                .addValue("side", version.side())
                .addValue("claimant", version.claimant())
                .addValue("asOf", version.asOf().toString())
                .addValue("start", version.asOf().start())
                .addValue("end", version.asOf().end())
                .addValue("visibleFrom", visibleFrom(version.asOf(), version.source()))
                .addValue("basis", version.basis().name())
                .addValue("source", jsonb(version.source()))
                .addValue("recordedAt", Timestamp.from(firstRecordedAt))
                .addValue("change", version.change())
                .addValue("reason", version.reason())
                .addValue("by", editor)
                .addValue("from", Timestamp.from(recordedAt)));
        MapSqlParameterSource key = new MapSqlParameterSource("ledger", version.ledgerId())
                .addValue("report", version.reportId()).addValue("revision", revision);
        jdbc.batchUpdate("""
                INSERT INTO read_model.loss_figure (ledger_id, report_id, revision, category, value, qualifier,
                    lower_bound, upper_bound, as_of_end)
                VALUES (:ledger, :report, :revision, :category, :value, :qualifier, :lower, :upper, :end)
                """, version.figures().stream().map(figure -> (SqlParameterSource) new MapSqlParameterSource(
                        key.getValues())
                .addValue("category", figure.category().name())
                .addValue("value", figure.value())
                .addValue("qualifier", figure.qualifier().name())
                .addValue("lower", figure.lower())
                .addValue("upper", figure.upper())
                .addValue("end", version.asOf().end())).toArray(SqlParameterSource[]::new));
    }

    /**
     * The first world date an asOf read shows the figure on: the end of its period; for a month or
     * a year published before the period ended, the day it was published (UTC), so that a figure
     * for a month in progress is shown from its publication.
     */
    static LocalDate visibleFrom(WorldDate asOf, Source source) {
        if (source == null || source.publishedAt() == null) {
            return asOf.end();
        }
        LocalDate published = source.publishedAt().atZone(ZoneOffset.UTC).toLocalDate();
        if (published.isBefore(asOf.start())) {
            return asOf.end();
        }
        return published.isBefore(asOf.end()) ? published : asOf.end();
    }

    private static List<String> categories(List<LossFigure> figures) {
        return figures.stream().map(figure -> figure.category().name()).toList();
    }
}
