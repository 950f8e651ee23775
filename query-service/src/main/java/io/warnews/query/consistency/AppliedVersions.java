package io.warnews.query.consistency;

import io.warnews.query.processing.StreamPositions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the processing groups behind a read have applied a stream's version. A group handles
 * only some kinds of event and passes over the others without writing anything (no transaction,
 * no position), so a group has applied {@code stream@version} when
 * <ul>
 *   <li>its position of the stream ({@link StreamPositions}, committed with the rows of the events
 *       it handled) has reached the version, or</li>
 *   <li>its processor has passed the event's place in the event store, and the stream is not held
 *       in the group's dead-letter queue: the processor's token, as it is in memory for the
 *       segment this instance processes (it moves once a batch has committed, and at once over
 *       events the group passes over), or as stored in the token store by the instance that
 *       processes it.</li>
 * </ul>
 * A version the store does not hold yet is applied by no group; nor is one whose stream has an
 * event up to that version in the group's dead-letter queue.
 */
@Component
public class AppliedVersions {

    private final StreamPositions positions;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final Serializer serializer;
    private final NamedParameterJdbcTemplate jdbc;
    private final boolean jdbcEventStore;

    AppliedVersions(StreamPositions positions, EventStore eventStore, EventProcessingConfiguration processing,
                    Serializer serializer, NamedParameterJdbcTemplate jdbc, Environment environment) {
        this.positions = positions;
        this.eventStore = eventStore;
        this.processing = processing;
        this.serializer = serializer;
        this.jdbc = jdbc;
        this.jdbcEventStore = !environment.matchesProfiles("axonserver");
    }

    /** A wait for {@code streamId@version}: its place in the store is looked up once it is there. */
    public Wait waitFor(String streamId, long version) {
        return new Wait(streamId, version);
    }

    public final class Wait {

        private final String streamId;
        private final long version;
        private Place place;

        private Wait(String streamId, long version) {
            this.streamId = streamId;
            this.version = version;
        }

        /** The groups among {@code groups} that have not applied the version yet. */
        public List<String> behind(Collection<String> groups) {
            List<String> behind = positions.behind(groups, streamId, version);
            if (behind.isEmpty()) {
                return behind;
            }
            if (place == null) {
                place = placeOf(streamId, version);
                if (place == null) {
                    return behind;
                }
            }
            // The tokens first, then the dead letters: a letter commits with the token that passes its
            // event, so a token read before the letters cannot hide a letter committed after them.
            List<String> still = new ArrayList<>();
            List<String> passedBy = new ArrayList<>();
            for (String group : behind) {
                (passed(group, streamId, place) ? passedBy : still).add(group);
            }
            if (!passedBy.isEmpty()) {
                Set<String> lettered = deadLettered(passedBy, streamId, version);
                passedBy.stream().filter(lettered::contains).forEach(still::add);
            }
            return still;
        }
    }

    /** Where an event lies in the stream of all events, as a processor's token can tell it has passed. */
    private interface Place {

        boolean passedBy(TrackingToken token);
    }

    /**
     * The event's place; null while the store does not hold the version. In PostgreSQL, its global
     * index: a token has passed it when it is at or beyond it and does not list it as a gap (an
     * index not yet committed when the processor read past it). In Axon Server, whose positions
     * have no gaps, the head of the store once the event is in it.
     */
    private Place placeOf(String streamId, long version) {
        if (jdbcEventStore) {
            List<Long> index = jdbc.queryForList("""
                    SELECT global_index FROM event_store.domain_event_entry
                    WHERE aggregate_identifier = :stream AND sequence_number = :version
                    """, Map.of("stream", streamId, "version", version), Long.class);
            if (index.isEmpty()) {
                return null;
            }
            long globalIndex = index.get(0);
            return token -> token instanceof GapAwareTrackingToken gapAware
                    && gapAware.getIndex() >= globalIndex && !gapAware.getGaps().contains(globalIndex);
        }
        Optional<Long> last;
        TrackingToken head;
        try {
            last = eventStore.lastSequenceNumberFor(streamId);
            if (last.isEmpty() || last.get() < version) {
                return null;
            }
            head = eventStore.createHeadToken();
        } catch (RuntimeException unavailable) {
            // Axon Server away or slow: the version is not known to be stored yet, so the read waits
            // (and answers 503 at the end of its wait), as it does while PostgreSQL is away.
            return null;
        }
        return token -> head == null || token.covers(head);
    }

    /** The groups holding an event of the stream up to {@code version} in their dead-letter queue. */
    private Set<String> deadLettered(Collection<String> groups, String streamId, long version) {
        return new HashSet<>(jdbc.queryForList("""
                SELECT DISTINCT processing_group FROM read_model.dead_letter_entry
                WHERE sequence_identifier = :stream AND processing_group IN (:groups)
                  AND (sequence_number IS NULL OR sequence_number <= :version)
                """, Map.of("stream", streamId, "groups", groups, "version", version), String.class));
    }

    /** Whether the group's processor has passed the place, for the segment that holds the stream. */
    private boolean passed(String group, String streamId, Place place) {
        Optional<StreamingEventProcessor> processor = processing.eventProcessor(group, StreamingEventProcessor.class);
        if (processor.isPresent()) {
            for (EventTrackerStatus status : processor.get().processingStatus().values()) {
                if (status.getSegment().matches(streamId)) {
                    return covers(status.getTrackingToken(), place);
                }
            }
        }
        List<Map<String, Object>> stored = jdbc.queryForList("""
                SELECT segment, token, token_type FROM read_model.token_entry WHERE processor_name = :group
                """, Map.of("group", group));
        int[] segments = stored.stream().mapToInt(row -> ((Number) row.get("segment")).intValue()).toArray();
        for (Map<String, Object> row : stored) {
            Segment segment = Segment.computeSegment(((Number) row.get("segment")).intValue(), segments);
            if (segment.matches(streamId)) {
                Object token = row.get("token");
                Object type = row.get("token_type");
                return token != null && type != null && covers(serializer.deserialize(
                        new SimpleSerializedObject<>(token.toString(), String.class, type.toString(), null)), place);
            }
        }
        return false;
    }

    /** Whether a token, as a processor holds or stores it, has passed the place. */
    private static boolean covers(Object token, Place place) {
        if (!(token instanceof TrackingToken tracking)) {
            return false;
        }
        TrackingToken processed = WrappedToken.unwrapLowerBound(tracking);
        return processed != null && place.passedBy(processed);
    }
}
