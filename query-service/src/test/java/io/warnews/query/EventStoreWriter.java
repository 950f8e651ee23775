package io.warnews.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.warnews.events.axon.AxonEventStore;
import io.warnews.query.consistency.AppliedVersions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.springframework.context.ApplicationContext;

/**
 * Appends events the way the command-service does: Axon's JDBC engine over the
 * {@code event_store} tables, JSON text payloads from the contract's mapper, and the metadata the
 * command-service puts on every event. Answers {@code <streamId>@<version>} for {@code waitFor}.
 */
public final class EventStoreWriter {

    private final JdbcEventStorageEngine engine;
    private final ApplicationContext context;

    public EventStoreWriter(ApplicationContext context) {
        this.context = context;
        this.engine = AxonEventStore.jdbcEngine(context.getBean(ConnectionProvider.class),
                context.getBean(TransactionManager.class)).build();
    }

    /** Appends the events to the stream, after what it holds; answers the stream's new version. */
    public String append(String streamId, Object... payloads) {
        long next = engine.lastSequenceNumberFor(streamId).map(last -> last + 1).orElse(0L);
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            messages.add(new GenericDomainEventMessage<>(payload.getClass().getSimpleName(), streamId, next++,
                    payload, MetaData.from(Map.of(
                    "editor", "editor-in-test",
                    "recordedAt", Instant.now().toString(),
                    "correlationId", UUID.randomUUID().toString()))));
        }
        engine.appendEvents(messages);
        return streamId + "@" + (next - 1);
    }

    /**
     * Waits until the processing groups have applied {@code streamId@version}, by the check a read's
     * {@code waitFor} makes; fails after 30 s.
     */
    public void awaitApplied(String streamId, long version, List<String> groups) throws InterruptedException {
        AppliedVersions.Wait wait = context.getBean(AppliedVersions.class).waitFor(streamId, version);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!wait.behind(groups).isEmpty()) {
            assertThat(System.nanoTime()).as("read models still behind '%s@%d' after 30 s", streamId, version)
                    .isLessThan(deadline);
            Thread.sleep(1);
        }
    }
}
