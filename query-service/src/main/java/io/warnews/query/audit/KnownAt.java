package io.warnews.query.audit;

import io.warnews.events.LossReportCorrected;
import io.warnews.events.LossReportRetracted;
import io.warnews.events.LossesReported;
import io.warnews.query.conflicts.Conflict;
import io.warnews.query.conflicts.Conflicts;
import io.warnews.query.losses.LossReadModel;
import io.warnews.query.processing.StreamPositions;
import io.warnews.query.talks.TalksReadModel;
import io.warnews.query.web.NotFound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * State as it was known at a recorded instant: the events stored at or before it (by their
 * stored timestamp, {@code storedAt} in the history) are replayed, upcast like any read, through
 * the read model's own projection into temporary copies of its tables, and the read model's own
 * queries answer from them. With {@code knownAt} = now the answer is the live one, field for field.
 */
@Component
class KnownAt {

    private static final List<String> LEDGER_EVENTS = List.of(LossesReported.class.getName(),
            LossReportCorrected.class.getName(), LossReportRetracted.class.getName());

    private final EventStore eventStore;
    private final NamedParameterJdbcTemplate jdbc;
    private final Conflicts conflicts;
    private final TemporaryReadModel temporary;

    KnownAt(EventStore eventStore, NamedParameterJdbcTemplate jdbc, Conflicts conflicts, TemporaryReadModel temporary) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.conflicts = conflicts;
        this.temporary = temporary;
    }

    /** The running totals of {@code GET /api/conflicts/{id}/losses} as known at {@code knownAt}. */
    Object losses(String conflictId, Instant knownAt, String side, String asOf) {
        if (storedUpTo(conflictId, knownAt).isEmpty()) {
            throw new NotFound("conflict", conflictId + "' as known at '" + knownAt);
        }
        Conflict conflict = conflicts.require(conflictId);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (String ledger : ledgersOf(conflictId)) {
            events.addAll(storedUpTo(ledger, knownAt));
        }
        events.sort(Comparator.comparing(event -> event.getTimestamp()));
        return replay(LossReadModel.TABLES, LossReadModel::projection, events,
                copies -> LossReadModel.losses(copies, conflict, side, asOf));
    }

    /**
     * The talks' status view of {@code GET /api/talks/{id}} as known at {@code knownAt}, by replaying
     * the stream. The API answers from the talks' recorded versions instead ({@code TalksKnownAt});
     * this replay stays as the reference a test checks those against, and the benchmark's baseline.
     */
    Object talks(String talksId, Instant knownAt) {
        List<DomainEventMessage<?>> events = storedUpTo(talksId, knownAt);
        return replay(TalksReadModel.TABLES, TalksReadModel::projection, events,
                copies -> TalksReadModel.talks(copies, talksId))
                .orElseThrow(() -> new NotFound("talks", talksId + "' as known at '" + knownAt));
    }

    private <T> T replay(List<String> tables,
                         BiFunction<NamedParameterJdbcTemplate, StreamPositions, Object> projection,
                         List<DomainEventMessage<?>> events, Function<NamedParameterJdbcTemplate, T> read) {
        return temporary.withCopiesOf(tables, copies -> {
            AnnotationEventHandlerAdapter handlers =
                    new AnnotationEventHandlerAdapter(projection.apply(copies, new StreamPositions(copies)));
            for (DomainEventMessage<?> event : events) {
                try {
                    handlers.handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot replay event " + event.getIdentifier(), e);
                }
            }
            return read.apply(copies);
        });
    }

    /** The stream's events stored at or before {@code knownAt}, upcast, in version order. */
    private List<DomainEventMessage<?>> storedUpTo(String streamId, Instant knownAt) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(streamId, 0L).asStream()
                .filter(event -> !event.getTimestamp().isAfter(knownAt))
                .forEach(events::add);
        return events;
    }

    private List<String> ledgersOf(String conflictId) {
        return jdbc.queryForList("""
                SELECT DISTINCT aggregate_identifier FROM event_store.domain_event_entry
                WHERE payload_type IN (:types) AND payload::jsonb ->> 'conflictId' = :conflict
                ORDER BY aggregate_identifier
                """, Map.of("types", LEDGER_EVENTS, "conflict", conflictId), String.class);
    }
}
