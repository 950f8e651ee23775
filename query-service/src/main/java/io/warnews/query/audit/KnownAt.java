package io.warnews.query.audit;

import io.warnews.query.conflicts.Conflict;
import io.warnews.query.conflicts.Conflicts;
import io.warnews.query.losses.LossReadModel;
import io.warnews.query.processing.ReadModel;
import io.warnews.query.processing.StreamPositions;
import io.warnews.query.talks.TalksReadModel;
import io.warnews.query.web.NotFound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * State as it was known at a recorded instant, counting the events stored at or before it (by
 * their stored timestamp, {@code storedAt} in the history). Losses are read from the bitemporal
 * loss tables with a condition on each version's recorded interval: one indexed query, no replay.
 * Talks are replayed: the events stored up to the instant, upcast like any read, go through the
 * read model's own projection into temporary copies of its tables, and its own queries answer from
 * them. With {@code knownAt} = now the answer is the live one, field for field.
 */
@Component
class KnownAt {

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
        return LossReadModel.losses(jdbc, knownConflict(conflictId, knownAt), side, asOf, Optional.of(knownAt));
    }

    /** {@code GET /api/conflicts/{id}/losses/{side}/{category}/series} as known at {@code knownAt}. */
    Object series(String conflictId, Instant knownAt, String side, String category, String claimant, String from,
                  String to) {
        return LossReadModel.series(jdbc, knownConflict(conflictId, knownAt), side, category, claimant, from, to,
                Optional.of(knownAt));
    }

    /** {@code GET /api/conflicts/{id}/milestones} as known at {@code knownAt}: from the series as known then. */
    Object milestones(String conflictId, Instant knownAt, String side, String category) {
        return LossReadModel.milestones(jdbc, knownConflict(conflictId, knownAt), side, category, Optional.of(knownAt));
    }

    /** {@code GET /api/conflicts/{id}/loss-anomalies} as known at {@code knownAt}: open and resolved as they were then. */
    Object lossAnomalies(String conflictId, Instant knownAt, String side, String claimant, String category,
                         String status) {
        return LossReadModel.anomalies(jdbc, knownConflict(conflictId, knownAt), side, claimant, category, status,
                Optional.of(knownAt));
    }

    /** The conflict, when it had been registered by {@code knownAt}; 404 otherwise. */
    private Conflict knownConflict(String conflictId, Instant knownAt) {
        List<String> registered = jdbc.queryForList("""
                SELECT time_stamp FROM event_store.domain_event_entry
                WHERE aggregate_identifier = :conflict AND sequence_number = 0
                """, Map.of("conflict", conflictId), String.class);
        if (registered.isEmpty() || Instant.parse(registered.get(0)).isAfter(knownAt)) {
            throw new NotFound("conflict", conflictId + "' as known at '" + knownAt);
        }
        return conflicts.require(conflictId);
    }

    /**
     * The talks' status view of {@code GET /api/talks/{id}} as known at {@code knownAt}, by replaying
     * the stream. The API answers from the talks' recorded versions instead ({@code TalksKnownAt});
     * this replay stays as the reference a test checks those against, and the benchmark's baseline.
     */
    Object talks(String talksId, Instant knownAt) {
        List<DomainEventMessage<?>> events = storedUpTo(talksId, knownAt);
        return replay(TalksReadModel.MODEL, events,
                copies -> TalksReadModel.talks(copies, talksId))
                .orElseThrow(() -> new NotFound("talks", talksId + "' as known at '" + knownAt));
    }

    private <T> T replay(ReadModel model, List<DomainEventMessage<?>> events,
                         Function<NamedParameterJdbcTemplate, T> read) {
        return temporary.withCopiesOf(model, copies -> {
            AnnotationEventHandlerAdapter handlers =
                    new AnnotationEventHandlerAdapter(model.projection().create(copies, new StreamPositions(copies)));
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
}
