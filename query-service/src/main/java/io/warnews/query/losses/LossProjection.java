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
import io.warnews.events.WorldDate;
import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.processing.Projection;
import io.warnews.query.processing.StreamPositions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every version of every loss report, each with the interval of recorded time in which it was
 * the current knowledge: a report opens a version; a correction, a revision, a retraction or a
 * restoration closes the current one at the event's recorded instant and opens the next. Totals,
 * series and milestones read the current versions; "as known at T" reads the versions whose
 * interval holds T. Each change also updates the anomalies of the figures around it
 * ({@link LossAnomalies}).
 * <p>
 * In the read models' shape ({@link Projection}): each handler turns its event into row changes of
 * the batch ({@link LossBatch}), written together before the batch commits; positions, passing over
 * other events and the reset are the shape's.
 */
@Component
@ProcessingGroup(ProcessingGroups.LOSSES)
class LossProjection extends Projection<LossBatch> {

    private static final String EDITOR = "editor";

    LossProjection(NamedParameterJdbcTemplate jdbc, StreamPositions positions) {
        super(LossReadModel.MODEL, jdbc, positions);
    }

    @Override
    protected LossBatch newBatch() {
        return new LossBatch(jdbc.getJdbcTemplate());
    }

    @EventHandler
    void on(LossesReported event, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt, @MetaDataValue(EDITOR) String editor) {
        apply(streamId, version, batch -> batch.report(version(event.ledgerId(), event.reportId(), event.conflictId(),
                event.side(), event.claimant(), event.asOf(), event.basis(), event.figures(), event.source(),
                "REPORTED", null, version, recordedAt, editor)));
    }

    @EventHandler
    void on(LossReportCorrected event, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt, @MetaDataValue(EDITOR) String editor) {
        apply(streamId, version, batch -> batch.replace(version(event.ledgerId(), event.reportId(),
                event.conflictId(), event.side(), event.claimant(), event.asOf(), event.basis(), event.figures(),
                event.source(), "CORRECTED", event.reason(), version, recordedAt, editor)));
    }

    @EventHandler
    void on(LossReportRevised event, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt, @MetaDataValue(EDITOR) String editor) {
        apply(streamId, version, batch -> batch.replace(version(event.ledgerId(), event.reportId(),
                event.conflictId(), event.side(), event.claimant(), event.asOf(), event.basis(), event.figures(),
                event.source(), "REVISED", event.reason(), version, recordedAt, editor)));
    }

    @EventHandler
    void on(LossReportRetracted event, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt, @MetaDataValue(EDITOR) String editor) {
        apply(streamId, version, batch -> batch.copy(event.ledgerId(), event.reportId(), version,
                LossBatch.at(recordedAt), editor, "RETRACTED", event.reason(), true));
    }

    @EventHandler
    void on(LossReportRestored event, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt, @MetaDataValue(EDITOR) String editor) {
        apply(streamId, version, batch -> batch.copy(event.ledgerId(), event.reportId(), version,
                LossBatch.at(recordedAt), editor, "RESTORED", event.reason(), false));
    }

    /** A version as an event states it, current from {@code recordedAt} (first recorded then, unless it replaces one). */
    private static LossBatch.Version version(String ledgerId, String reportId, String conflictId, String side,
                                             String claimant, WorldDate asOf, Basis basis, List<LossFigure> figures,
                                             Source source, String change, String reason, long revision,
                                             Instant recordedAt, String editor) {
        LossBatch.Version version = new LossBatch.Version();
        version.ledger = ledgerId;
        version.report = reportId;
        version.revision = revision;
        version.conflict = conflictId;
        version.side = side;
        version.claimant = claimant;
        version.asOf = asOf.toString();
        version.start = asOf.start();
        version.end = asOf.end();
        version.visibleFrom = visibleFrom(asOf, source);
        version.basis = basis.name();
        version.source = jsonb(source);
        version.recordedAt = LossBatch.at(recordedAt);
        version.change = change;
        version.reason = reason;
        version.recordedBy = editor;
        version.retracted = false;
        version.recordedFrom = LossBatch.at(recordedAt);
        version.figures = figures;
        return version;
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
}
