package io.warnews.query.timeline;

import static io.warnews.query.processing.JsonColumns.jsonb;

import io.warnews.events.AgreementSigned;
import io.warnews.events.AttackCasualtiesRevised;
import io.warnews.events.AttackCorrected;
import io.warnews.events.AttackLaunched;
import io.warnews.events.AttackRetracted;
import io.warnews.events.ConflictRegistered;
import io.warnews.events.LossReportCorrected;
import io.warnews.events.LossReportRestored;
import io.warnews.events.LossReportRetracted;
import io.warnews.events.LossReportRevised;
import io.warnews.events.LossesReported;
import io.warnews.events.PrisonersExchanged;
import io.warnews.events.RoundHeld;
import io.warnews.events.Source;
import io.warnews.events.TalksCollapsed;
import io.warnews.events.TalksEvent;
import io.warnews.events.TalksOpened;
import io.warnews.events.TalksResumed;
import io.warnews.events.TalksSuspended;
import io.warnews.events.TermsAccepted;
import io.warnews.events.TermsProposed;
import io.warnews.events.TermsRejected;
import io.warnews.events.WorldDate;
import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.processing.Projection;
import io.warnews.query.processing.StreamPositions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Everything about a conflict on its world date. One entry per fact, in versions: a correction
 * gives its fact's entry a new version, a retraction ends the current one; talk moves are one entry
 * each. Every version carries the recorded interval in which it was the current knowledge, so the
 * timeline as known at an instant is one query. In the read models' shape ({@link Projection}): a
 * batch's entries are read with one query and written with one statement ({@link TimelineBatch}).
 */
@Component
@ProcessingGroup(ProcessingGroups.TIMELINE)
class TimelineProjection extends Projection<TimelineBatch> {

    private static final String ATTACK = "attack";

    TimelineProjection(NamedParameterJdbcTemplate jdbc, StreamPositions positions) {
        super(TimelineReadModel.MODEL, jdbc, positions);
    }

    @Override
    protected TimelineBatch newBatch() {
        return new TimelineBatch(jdbc.getJdbcTemplate());
    }

    @EventHandler
    void on(ConflictRegistered e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        put(e.conflictId(), streamId, "registered", "CONFLICT_REGISTERED", WorldDate.day(e.startDate()),
                Sentences.conflictRegistered(e.name(), e.parties()), null, null, false, version, recordedAt);
    }

    @EventHandler
    void on(LossesReported e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        put(e.conflictId(), streamId, e.reportId(), "LOSSES_REPORTED", e.asOf(),
                Sentences.losses(e.claimant(), e.side(), e.asOf(), e.basis(), e.figures()), e.claimant(), e.source(),
                false, version, recordedAt);
    }

    @EventHandler
    void on(LossReportCorrected e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        put(e.conflictId(), streamId, e.reportId(), "LOSSES_REPORTED", e.asOf(),
                Sentences.losses(e.claimant(), e.side(), e.asOf(), e.basis(), e.figures()), e.claimant(), e.source(),
                true, version, recordedAt);
    }

    /** The claimant changed its own figures: the entry reads the new ones (not a correction of the record). */
    @EventHandler
    void on(LossReportRevised e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        put(e.conflictId(), streamId, e.reportId(), "LOSSES_REPORTED", e.asOf(),
                Sentences.losses(e.claimant(), e.side(), e.asOf(), e.basis(), e.figures()), e.claimant(), e.source(),
                false, version, recordedAt);
    }

    @EventHandler
    void on(LossReportRetracted e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        apply(streamId, version, batch -> batch.close(streamId, e.reportId(), at(recordedAt)));
    }

    /** A restored report's entry is back as it read when it was retracted. */
    @EventHandler
    void on(LossReportRestored e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        apply(streamId, version, batch -> batch.reopen(streamId, e.reportId(), version, at(recordedAt)));
    }

    @EventHandler
    void on(AttackLaunched e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        put(e.conflictId(), streamId, ATTACK, "ATTACK", WorldDate.day(e.details().startDate()),
                Sentences.attack(e.details()), e.claimant(), e.source(), false, version, recordedAt);
    }

    @EventHandler
    void on(AttackCorrected e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        WorldDate date = WorldDate.day(e.details().startDate());
        apply(streamId, version, batch -> batch.correct(streamId, ATTACK, version, at(recordedAt), date.toString(),
                date.start(), date.end(), Sentences.attack(e.details()),
                e.source() == null ? null : jsonb(e.source())));
    }

    @EventHandler
    void on(AttackCasualtiesRevised e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        TimelineBatch.Row row = row(e.conflictId(), streamId, "casualties-" + version, "ATTACK_CASUALTIES_REVISED",
                null, Sentences.casualtiesRevised(e.casualties()), e.claimant(), e.source(), false, version,
                recordedAt);
        apply(streamId, version, batch -> batch.putDatedAs(ATTACK, row));
    }

    @EventHandler
    void on(AttackRetracted e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        apply(streamId, version, batch -> batch.closeAll(streamId, at(recordedAt)));
    }

    @EventHandler
    void on(TalksOpened e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        talks(e, streamId, version, recordedAt, "TALKS_OPENED", "Talks open" + (e.venue() == null ? "" : " in " + e.venue())
                + " between " + String.join(" and ", e.parties())
                + (e.mediators().isEmpty() ? "" : ", mediated by " + String.join(" and ", e.mediators()))
                + (e.title() == null ? "" : ": " + e.title()) + ".", null);
    }

    @EventHandler
    void on(RoundHeld e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        talks(e, streamId, version, recordedAt, "ROUND_HELD", "Round " + e.round() + " of talks held"
                + (e.venue() == null ? "" : " in " + e.venue()) + (e.summary() == null ? "" : ": " + e.summary())
                + ".", null);
    }

    @EventHandler
    void on(TermsProposed e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        talks(e, streamId, version, recordedAt, "TERMS_PROPOSED", e.proposer() + " proposes " + e.terms().size()
                + (e.terms().size() == 1 ? " term" : " terms") + ": " + String.join("; ", e.terms().stream()
                .map(term -> term.text() == null ? term.type().name() : term.text()).toList()) + ".", e.proposer());
    }

    @EventHandler
    void on(TermsAccepted e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        talks(e, streamId, version, recordedAt, "TERMS_ACCEPTED", e.party() + " accepts terms "
                + String.join(", ", e.termIds()) + " of proposal " + e.proposalId() + ".", e.party());
    }

    @EventHandler
    void on(TermsRejected e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        talks(e, streamId, version, recordedAt, "TERMS_REJECTED", e.party() + " rejects terms "
                + String.join(", ", e.termIds()) + " of proposal " + e.proposalId()
                + (e.reason() == null ? "" : ": " + e.reason()) + ".", e.party());
    }

    @EventHandler
    void on(PrisonersExchanged e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        String prisoners = Sentences.counts(e.prisonersReleased());
        String bodies = Sentences.counts(e.bodiesReturned());
        talks(e, streamId, version, recordedAt, "PRISONERS_EXCHANGED", "Exchange agreed in the talks"
                + (prisoners.isEmpty() ? "" : "; prisoners released: " + prisoners)
                + (bodies.isEmpty() ? "" : "; bodies returned: " + bodies)
                + (e.description() == null ? "" : "; " + e.description()) + ".", null);
    }

    @EventHandler
    void on(TalksSuspended e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        talks(e, streamId, version, recordedAt, "TALKS_SUSPENDED", "Talks suspended" + reason(e.reason()), null);
    }

    @EventHandler
    void on(TalksResumed e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        talks(e, streamId, version, recordedAt, "TALKS_RESUMED", "Talks resumed" + reason(e.reason()), null);
    }

    @EventHandler
    void on(AgreementSigned e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        talks(e, streamId, version, recordedAt, "AGREEMENT_SIGNED", "Agreement signed"
                + (e.title() == null ? "" : ": " + e.title())
                + (e.signatories().isEmpty() ? "" : ", by " + String.join(" and ", e.signatories()))
                + (e.summary() == null ? "" : ". " + e.summary()) + ".", null);
    }

    @EventHandler
    void on(TalksCollapsed e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        talks(e, streamId, version, recordedAt, "TALKS_COLLAPSED", "Talks collapsed" + reason(e.reason()), null);
    }

    private static String reason(String reason) {
        return reason == null ? "." : ": " + reason + ".";
    }

    private void talks(TalksEvent e, String streamId, long version, Instant recordedAt, String kind, String summary,
                       String claimant) {
        put(e.conflictId(), streamId, "move-" + version, kind, WorldDate.day(e.date()), summary, claimant, e.source(),
                false, version, recordedAt);
    }

    /** The entry's new version: current knowledge from {@code recordedAt}, replacing its current one then. */
    private void put(String conflictId, String streamId, String key, String kind, WorldDate date, String summary,
                     String claimant, Source source, boolean corrected, long version, Instant recordedAt) {
        TimelineBatch.Row row = row(conflictId, streamId, key, kind, date, summary, claimant, source, corrected,
                version, recordedAt);
        apply(streamId, version, batch -> batch.put(row));
    }

    private static TimelineBatch.Row row(String conflictId, String streamId, String key, String kind, WorldDate date,
                                         String summary, String claimant, Source source, boolean corrected,
                                         long version, Instant recordedAt) {
        TimelineBatch.Row row = new TimelineBatch.Row();
        row.conflict = conflictId;
        row.stream = streamId;
        row.entry = key;
        row.kind = kind;
        if (date != null) {
            row.worldDate = date.toString();
            row.start = date.start();
            row.end = date.end();
        }
        row.summary = summary;
        row.claimant = claimant;
        row.source = source == null ? null : jsonb(source);
        row.corrected = corrected;
        row.version = version;
        row.recordedFrom = at(recordedAt);
        return row;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
