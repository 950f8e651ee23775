package io.warnews.query.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warnews.events.axon.AxonEventStore;
import io.warnews.query.EventStoreWriter;
import io.warnews.query.Feed;
import io.warnews.query.QueryServiceTest;
import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The read that Axon's shared read-ahead makes (a following read) ends after a chunk of events,
 * so that the read-ahead never holds a whole backlog; a processor's own catch-up read is not cut.
 */
@QueryServiceTest
class ChunkedReadAheadEngineTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    EventStorageEngine engine;

    @Test
    void aFollowingReadEndsAfterAChunkAndGoesOnFromWhereItEnded() {
        EventStoreWriter writer = new EventStoreWriter(context);
        TrackingToken start = engine.createHeadToken();
        for (int i = 0; i < 25; i++) {
            writer.append("chunked-" + i, Feed.warBetweenRussiaAndUkraine("chunked-" + i));
        }
        ChunkedReadAheadEngine chunked = new ChunkedReadAheadEngine(AxonEventStore.jdbcEngine(
                context.getBean(ConnectionProvider.class), context.getBean(TransactionManager.class)), 10);

        List<? extends TrackedEventMessage<?>> first = chunked.readEvents(start, true).toList();
        assertThat(first).hasSize(10);
        assertThat(first.get(0).getPayload()).hasFieldOrPropertyWithValue("conflictId", "chunked-0");
        List<? extends TrackedEventMessage<?>> second =
                chunked.readEvents(first.get(9).trackingToken(), true).toList();
        assertThat(second).hasSize(10);
        assertThat(second.get(0).getPayload()).hasFieldOrPropertyWithValue("conflictId", "chunked-10");

        assertThat(chunked.readEvents(start, false).toList()).as("a catch-up read").hasSize(25);
        assertThat(engine).as("the service's engine").isInstanceOf(ChunkedReadAheadEngine.class);
        assertThatThrownBy(() -> new ChunkedReadAheadEngine(AxonEventStore.jdbcEngine(
                context.getBean(ConnectionProvider.class), context.getBean(TransactionManager.class)), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
