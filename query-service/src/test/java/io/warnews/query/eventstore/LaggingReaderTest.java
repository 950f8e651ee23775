package io.warnews.query.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.warnews.events.ConflictRegistered;
import io.warnews.query.EventStoreWriter;
import io.warnews.query.Feed;
import io.warnews.query.QueryServiceTest;
import io.warnews.query.processing.ProcessingGroups;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.TrackingEventStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The processors share the events Axon reads ahead for them; one that stops reading (busy with a
 * long batch) must not keep in memory every event read ahead since its position. With a backlog of
 * a million events that filled the query-service's heap: Axon looked for such a reader every 10 s,
 * the service now every 250 ms ({@code warnews.event-store.lagging-reader-check}).
 */
@QueryServiceTest
@DirtiesContext
class LaggingReaderTest {

    /** More than the events Axon keeps read ahead (10,000), so that the stalled reader falls behind them. */
    private static final int BACKLOG = 12_000;

    @Autowired
    AppendedEventStore store;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aReaderThatStopsReadingDoesNotKeepTheEventsReadAheadForTheOthers() throws Exception {
        EventStoreWriter writer = new EventStoreWriter(context);
        writer.append("lagging-0", Feed.warBetweenRussiaAndUkraine("lagging-0"));
        writer.awaitApplied("lagging-0", 0, List.of(ProcessingGroups.CONFLICTS));
        // A reader that starts where a processor is reads from the events read ahead for them all.
        TrackingToken position = processing.eventProcessor(ProcessingGroups.CONFLICTS, StreamingEventProcessor.class)
                .orElseThrow().processingStatus().get(0).getTrackingToken();
        WeakReference<TrackedEventMessage<?>> lastRead;
        try (TrackingEventStream stalled = store.openStream(position)) {
            writer.append("lagging-1", Feed.warBetweenRussiaAndUkraine("lagging-1"));
            // The processor's status may still name the position before lagging-0 (it is updated
            // after the batch commits): the reader passes over what comes before lagging-1.
            TrackedEventMessage<?> read;
            do {
                assertThat(stalled.hasNextAvailable(10, TimeUnit.SECONDS)).as("the appended event read").isTrue();
                read = stalled.nextAvailable();
            } while (!(read.getPayload() instanceof ConflictRegistered registered
                    && registered.conflictId().equals("lagging-1")));
            lastRead = new WeakReference<>(read);
            read = null;

            // A backlog the processors read (through the shared read-ahead) while this reader reads nothing.
            jdbc.update("""
                    INSERT INTO event_store.domain_event_entry (event_identifier, aggregate_identifier,
                        sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                    SELECT gen_random_uuid()::text, 'lagging-copy-' || g, 0, e.type, e.time_stamp, e.payload_type,
                           e.payload_revision, jsonb_set(e.payload::jsonb, '{conflictId}',
                               to_jsonb('lagging-copy-' || g))::text, e.meta_data
                    FROM event_store.domain_event_entry e, generate_series(1, ?) g
                    WHERE e.aggregate_identifier = 'lagging-1'
                    ORDER BY g""", BACKLOG);
            store.appended();
            writer.awaitApplied("lagging-copy-" + BACKLOG, 0, List.of(ProcessingGroups.CONFLICTS));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (lastRead.get() != null && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(50);
            }
            assertThat(lastRead.get()).as("the stalled reader's last event, %d events later", BACKLOG).isNull();
        }
    }
}
