package io.warnews.query.timeline;

import static io.warnews.query.processing.JsonColumns.jsonb;

import io.warnews.events.AgreementSigned;
import io.warnews.events.AttackCasualtiesRevised;
import io.warnews.events.AttackCorrected;
import io.warnews.events.AttackLaunched;
import io.warnews.events.AttackRetracted;
import io.warnews.events.ConflictRegistered;
import io.warnews.events.LossReportCorrected;
import io.warnews.events.LossReportRetracted;
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
import io.warnews.events.WarEvent;
import io.warnews.events.WorldDate;
import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.processing.StreamPositions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Everything about a conflict on its world date. One entry per fact, in versions: a correction
 * gives its fact's entry a new version, a retraction ends the current one; talk moves are one entry
 * each. Every version carries the recorded interval in which it was the current knowledge, so the
 * timeline as known at an instant is one query.
 */
@Component
@ProcessingGroup(ProcessingGroups.TIMELINE)
class TimelineProjection {

    private static final String GROUP = ProcessingGroups.TIMELINE;
    private static final String ATTACK = "attack";

    private final NamedParameterJdbcTemplate jdbc;
    private final StreamPositions positions;

    TimelineProjection(NamedParameterJdbcTemplate jdbc, StreamPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    private record Entry(String conflictId, String streamId, String key, String kind, WorldDate date, String summary,
                         String claimant, Source source, boolean corrected) {
    }

    @EventHandler
    void on(ConflictRegistered e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        if (positions.advance(GROUP, streamId, version)) {
            put(new Entry(e.conflictId(), streamId, "registered", "CONFLICT_REGISTERED", WorldDate.day(e.startDate()),
                    Sentences.conflictRegistered(e.name(), e.parties()), null, null, false), version, recordedAt);
        }
    }

    @EventHandler
    void on(LossesReported e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        if (positions.advance(GROUP, streamId, version)) {
            put(new Entry(e.conflictId(), streamId, e.reportId(), "LOSSES_REPORTED", e.asOf(),
                    Sentences.losses(e.claimant(), e.side(), e.asOf(), e.basis(), e.figures()), e.claimant(),
                    e.source(), false), version, recordedAt);
        }
    }

    @EventHandler
    void on(LossReportCorrected e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        if (positions.advance(GROUP, streamId, version)) {
            put(new Entry(e.conflictId(), streamId, e.reportId(), "LOSSES_REPORTED", e.asOf(),
                    Sentences.losses(e.claimant(), e.side(), e.asOf(), e.basis(), e.figures()), e.claimant(),
                    e.source(), true), version, recordedAt);
        }
    }

    @EventHandler
    void on(LossReportRetracted e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        if (positions.advance(GROUP, streamId, version)) {
            close(streamId, e.reportId(), recordedAt);
        }
    }

    @EventHandler
    void on(AttackLaunched e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        if (positions.advance(GROUP, streamId, version)) {
            put(new Entry(e.conflictId(), streamId, ATTACK, "ATTACK", WorldDate.day(e.details().startDate()),
                    Sentences.attack(e.details()), e.claimant(), e.source(), false), version, recordedAt);
        }
    }

    @EventHandler
    void on(AttackCorrected e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        if (positions.advance(GROUP, streamId, version)) {
            WorldDate date = WorldDate.day(e.details().startDate());
            MapSqlParameterSource params = new MapSqlParameterSource("stream", streamId).addValue("key", ATTACK)
                    .addValue("date", date.toString()).addValue("start", date.start()).addValue("end", date.end())
                    .addValue("summary", Sentences.attack(e.details()))
                    .addValue("source", e.source() == null ? null : jsonb(e.source()))
                    .addValue("version", version)
                    .addValue("at", Timestamp.from(recordedAt));
            jdbc.update("""
                    INSERT INTO read_model.timeline_entry (conflict_id, stream_id, entry_key, kind, world_date,
                        date_start, date_end, summary, claimant, source, corrected, recorded_at, first_version,
                        version, recorded_from)
                    SELECT conflict_id, stream_id, entry_key, kind, :date, :start, :end, :summary, claimant,
                        COALESCE(CAST(:source AS jsonb), source), TRUE, recorded_at, first_version, :version, :at
                    FROM read_model.timeline_entry
                    WHERE stream_id = :stream AND entry_key = :key AND recorded_to IS NULL
                    ON CONFLICT DO NOTHING
                    """, params);
            jdbc.update("""
                    UPDATE read_model.timeline_entry SET recorded_to = :at
                    WHERE stream_id = :stream AND entry_key = :key AND recorded_to IS NULL AND version < :version
                    """, params);
        }
    }

    @EventHandler
    void on(AttackCasualtiesRevised e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        if (!positions.advance(GROUP, streamId, version)) {
            return;
        }
        jdbc.queryForList("""
                SELECT world_date FROM read_model.timeline_entry
                WHERE stream_id = :stream AND entry_key = :key AND recorded_to IS NULL
                """, Map.of("stream", streamId, "key", ATTACK), String.class).stream().findFirst()
                .ifPresent(date -> put(new Entry(e.conflictId(), streamId, "casualties-" + version,
                        "ATTACK_CASUALTIES_REVISED", WorldDate.parse(date), Sentences.casualtiesRevised(e.casualties()),
                        e.claimant(), e.source(), false), version, recordedAt));
    }

    @EventHandler
    void on(AttackRetracted e, @SourceId String streamId, @SequenceNumber long version,
            @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        if (positions.advance(GROUP, streamId, version)) {
            jdbc.update("""
                    UPDATE read_model.timeline_entry SET recorded_to = :at
                    WHERE stream_id = :stream AND recorded_to IS NULL
                    """, new MapSqlParameterSource("stream", streamId).addValue("at", Timestamp.from(recordedAt)));
        }
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

    @EventHandler
    void on(WarEvent event, @SourceId String streamId, @SequenceNumber long version) {
        positions.advance(GROUP, streamId, version);
    }

    @ResetHandler
    void reset() {
        TimelineReadModel.MODEL.empty(jdbc);
        positions.clear(GROUP);
    }

    private static String reason(String reason) {
        return reason == null ? "." : ": " + reason + ".";
    }

    private void talks(TalksEvent e, String streamId, long version, Instant recordedAt, String kind, String summary,
                       String claimant) {
        if (positions.advance(GROUP, streamId, version)) {
            put(new Entry(e.conflictId(), streamId, "move-" + version, kind, WorldDate.day(e.date()), summary,
                    claimant, e.source(), false), version, recordedAt);
        }
    }

    /**
     * Records the entry's new version: it becomes the current knowledge from {@code recordedAt}, and
     * the version it replaces stops being so then.
     */
    private void put(Entry entry, long version, Instant recordedAt) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("conflict", entry.conflictId())
                .addValue("stream", entry.streamId())
                .addValue("key", entry.key())
                .addValue("kind", entry.kind())
                .addValue("date", entry.date().toString())
                .addValue("start", entry.date().start())
                .addValue("end", entry.date().end())
                .addValue("summary", entry.summary())
                .addValue("claimant", entry.claimant())
                .addValue("source", entry.source() == null ? null : jsonb(entry.source()))
                .addValue("corrected", entry.corrected())
                .addValue("recordedAt", Timestamp.from(recordedAt))
                .addValue("version", version);
        jdbc.update("""
                INSERT INTO read_model.timeline_entry (conflict_id, stream_id, entry_key, kind, world_date, date_start,
                    date_end, summary, claimant, source, corrected, recorded_at, first_version, version,
                    recorded_from)
                SELECT :conflict, :stream, :key, :kind, :date, :start, :end, :summary, :claimant, :source,
                    :corrected, COALESCE(first.recorded_at, :recordedAt), COALESCE(first.first_version, :version),
                    :version, :recordedAt
                FROM (SELECT 1) one LEFT JOIN (SELECT recorded_at, first_version FROM read_model.timeline_entry
                    WHERE stream_id = :stream AND entry_key = :key AND recorded_to IS NULL) first ON TRUE
                ON CONFLICT DO NOTHING
                """, params);
        jdbc.update("""
                UPDATE read_model.timeline_entry SET recorded_to = :recordedAt
                WHERE stream_id = :stream AND entry_key = :key AND recorded_to IS NULL AND version < :version
                """, params);
    }

    /** The entry stops being current knowledge at {@code recordedAt}; its versions stay for "as known at". */
    private void close(String streamId, String key, Instant recordedAt) {
        jdbc.update("""
                UPDATE read_model.timeline_entry SET recorded_to = :at
                WHERE stream_id = :stream AND entry_key = :key AND recorded_to IS NULL
                """, new MapSqlParameterSource("stream", streamId).addValue("key", key)
                .addValue("at", Timestamp.from(recordedAt)));
    }
}
