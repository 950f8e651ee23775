package io.warnews.query.talks;

import static io.warnews.query.processing.JsonColumns.jsonb;

import io.warnews.events.AgreementSigned;
import io.warnews.events.PrisonersExchanged;
import io.warnews.events.RoundHeld;
import io.warnews.events.TalksCollapsed;
import io.warnews.events.TalksEvent;
import io.warnews.events.TalksOpened;
import io.warnews.events.TalksResumed;
import io.warnews.events.TalksSuspended;
import io.warnews.events.Term;
import io.warnews.events.TermsAccepted;
import io.warnews.events.TermsProposed;
import io.warnews.events.TermsRejected;
import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.processing.Projection;
import io.warnews.query.processing.Statements;
import io.warnews.query.processing.StreamPositions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * The state of peace talks: status, rounds, proposals with their terms and every party's responses.
 * In the read models' shape ({@link Projection}): a batch's moves are written in their order when the
 * batch commits ({@link Statements}), each followed by the talks' view after it, read back from the
 * rows (talk moves are few: one statement after another costs nothing that matters).
 */
@Component
@ProcessingGroup(ProcessingGroups.TALKS)
class TalksProjection extends Projection<Statements> {

    private final TalksQueries queries;

    TalksProjection(NamedParameterJdbcTemplate jdbc, StreamPositions positions) {
        super(TalksReadModel.MODEL, jdbc, positions);
        this.queries = new TalksQueries(jdbc);
    }

    @Override
    protected Statements newBatch() {
        return new Statements(jdbc);
    }

    @EventHandler
    void on(TalksOpened event, @SourceId String streamId, @SequenceNumber long version,
            @Timestamp Instant recordedAt) {
        move(event, streamId, version, recordedAt, e -> jdbc.update("""
                INSERT INTO read_model.talks (talks_id, conflict_id, title, parties, mediators, venue, opened_on,
                    status, last_activity, source)
                VALUES (:talks, :conflict, :title, :parties, :mediators, :venue, :date, 'OPEN', :date, :source)
                ON CONFLICT (talks_id) DO NOTHING
                """, params(e)
                .addValue("conflict", e.conflictId())
                .addValue("title", e.title())
                .addValue("parties", jsonb(e.parties()))
                .addValue("mediators", jsonb(e.mediators()))
                .addValue("venue", e.venue())));
    }

    @EventHandler
    void on(RoundHeld event, @SourceId String streamId, @SequenceNumber long version,
            @Timestamp Instant recordedAt) {
        move(event, streamId, version, recordedAt, e -> jdbc.update("""
                INSERT INTO read_model.talks_round (talks_id, round, date, venue, summary, source)
                VALUES (:talks, :round, :date, :venue, :summary, :source)
                ON CONFLICT (talks_id, round) DO UPDATE
                SET date = EXCLUDED.date, venue = EXCLUDED.venue, summary = EXCLUDED.summary, source = EXCLUDED.source
                """, params(e).addValue("round", e.round()).addValue("venue", e.venue())
                .addValue("summary", e.summary())));
    }

    @EventHandler
    void on(TermsProposed event, @SourceId String streamId, @SequenceNumber long version,
            @Timestamp Instant recordedAt) {
        move(event, streamId, version, recordedAt, e -> {
            jdbc.update("""
                    INSERT INTO read_model.talks_proposal (talks_id, proposal_id, proposer, date, version, source)
                    VALUES (:talks, :proposal, :proposer, :date, :version, :source)
                    ON CONFLICT (talks_id, proposal_id) DO NOTHING
                    """, params(e).addValue("proposal", e.proposalId()).addValue("proposer", e.proposer())
                    .addValue("version", version));
            List<Term> terms = e.terms();
            SqlParameterSource[] rows = new SqlParameterSource[terms.size()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = params(e).addValue("proposal", e.proposalId())
                        .addValue("term", terms.get(i).termId())
                        .addValue("position", i)
                        .addValue("type", terms.get(i).type().name())
                        .addValue("text", terms.get(i).text())
                        .addValue("parameters", jsonb(terms.get(i).parameters()));
            }
            jdbc.batchUpdate("""
                    INSERT INTO read_model.talks_term (talks_id, proposal_id, term_id, position, type, text, parameters)
                    VALUES (:talks, :proposal, :term, :position, :type, :text, :parameters)
                    ON CONFLICT (talks_id, proposal_id, term_id) DO NOTHING
                    """, rows);
        });
    }

    @EventHandler
    void on(TermsAccepted event, @SourceId String streamId, @SequenceNumber long version,
            @Timestamp Instant recordedAt) {
        move(event, streamId, version, recordedAt,
                e -> respond(e, e.proposalId(), e.party(), e.termIds(), "ACCEPTED", null));
    }

    @EventHandler
    void on(TermsRejected event, @SourceId String streamId, @SequenceNumber long version,
            @Timestamp Instant recordedAt) {
        move(event, streamId, version, recordedAt,
                e -> respond(e, e.proposalId(), e.party(), e.termIds(), "REJECTED", e.reason()));
    }

    @EventHandler
    void on(PrisonersExchanged event, @SourceId String streamId, @SequenceNumber long version,
            @Timestamp Instant recordedAt) {
        move(event, streamId, version, recordedAt, e -> jdbc.update("""
                INSERT INTO read_model.talks_exchange (talks_id, version, date, prisoners_released, bodies_returned,
                    description, source)
                VALUES (:talks, :version, :date, :prisoners, :bodies, :description, :source)
                ON CONFLICT (talks_id, version) DO NOTHING
                """, params(e).addValue("version", version)
                .addValue("prisoners", jsonb(e.prisonersReleased()))
                .addValue("bodies", jsonb(e.bodiesReturned()))
                .addValue("description", e.description())
                .addValue("source", jsonb(e.source()))));
    }

    @EventHandler
    void on(TalksSuspended event, @SourceId String streamId, @SequenceNumber long version,
            @Timestamp Instant recordedAt) {
        move(event, streamId, version, recordedAt, e -> status(e, TalksStatus.SUSPENDED));
    }

    @EventHandler
    void on(TalksResumed event, @SourceId String streamId, @SequenceNumber long version,
            @Timestamp Instant recordedAt) {
        move(event, streamId, version, recordedAt, e -> status(e, TalksStatus.OPEN));
    }

    @EventHandler
    void on(AgreementSigned event, @SourceId String streamId, @SequenceNumber long version,
            @Timestamp Instant recordedAt) {
        move(event, streamId, version, recordedAt, e -> status(e, TalksStatus.CONCLUDED));
    }

    @EventHandler
    void on(TalksCollapsed event, @SourceId String streamId, @SequenceNumber long version,
            @Timestamp Instant recordedAt) {
        move(event, streamId, version, recordedAt, e -> status(e, TalksStatus.COLLAPSED));
    }

    /** Applies a move once, and notes its day as the talks' last activity. */
    private <E extends TalksEvent> void move(E event, String streamId, long version, Instant recordedAt,
                                              Consumer<E> change) {
        apply(streamId, version, rows -> rows.then(() -> {
            change.accept(event);
            jdbc.update("""
                    UPDATE read_model.talks SET last_activity = GREATEST(last_activity, :date) WHERE talks_id = :talks
                    """, params(event));
            remember(event, version, recordedAt);
        }));
    }

    /**
     * Keeps the talks' whole view after this move as a version of its own, current from
     * {@code recordedAt} until the next move is recorded: "as known at" reads it back in one query.
     */
    private void remember(TalksEvent event, long version, Instant recordedAt) {
        queries.find(event.talksId()).ifPresent(view -> {
            MapSqlParameterSource params = params(event)
                    .addValue("version", version)
                    .addValue("conflict", event.conflictId())
                    .addValue("view", jsonb(view))
                    .addValue("at", java.sql.Timestamp.from(recordedAt));
            jdbc.update("""
                    INSERT INTO read_model.talks_version (talks_id, version, conflict_id, view, recorded_from)
                    VALUES (:talks, :version, :conflict, :view, :at)
                    ON CONFLICT (talks_id, version) DO NOTHING
                    """, params);
            jdbc.update("""
                    UPDATE read_model.talks_version SET recorded_to = :at
                    WHERE talks_id = :talks AND recorded_to IS NULL AND version < :version
                    """, params);
        });
    }

    private void respond(TalksEvent event, String proposalId, String party, List<String> termIds, String response,
                         String reason) {
        jdbc.batchUpdate("""
                INSERT INTO read_model.talks_response (talks_id, proposal_id, term_id, party, response, date, reason,
                    source)
                VALUES (:talks, :proposal, :term, :party, :response, :date, :reason, :source)
                ON CONFLICT (talks_id, proposal_id, term_id, party) DO UPDATE
                SET response = EXCLUDED.response, date = EXCLUDED.date, reason = EXCLUDED.reason,
                    source = EXCLUDED.source
                """, termIds.stream().map(termId -> (SqlParameterSource) params(event)
                .addValue("proposal", proposalId)
                .addValue("term", termId)
                .addValue("party", party)
                .addValue("response", response)
                .addValue("reason", reason)).toArray(SqlParameterSource[]::new));
    }

    private void status(TalksEvent event, TalksStatus status) {
        jdbc.update("UPDATE read_model.talks SET status = :status WHERE talks_id = :talks",
                params(event).addValue("status", status.name()));
    }

    private static MapSqlParameterSource params(TalksEvent event) {
        LocalDate date = event.date();
        return new MapSqlParameterSource("talks", event.talksId()).addValue("date", date)
                .addValue("source", jsonb(event.source()));
    }
}
