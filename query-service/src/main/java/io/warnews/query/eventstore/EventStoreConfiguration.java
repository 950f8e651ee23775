package io.warnews.query.eventstore;

import io.warnews.events.axon.AxonEventStore;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * Reads the event store the command-service writes: Axon's JDBC engine over the same tables, with
 * the contract's Jackson configuration. The query-service only streams from it; nothing here
 * appends. The processors' poller is woken as soon as another process has appended (PostgreSQL
 * notifies, {@link AppendListener}); the short fetch delay bounds how late a write is seen when
 * that notice does not come. The processors' reads take the processing pool's
 * connections, an HTTP request's (an audit read of a stream) the requests pool's
 * ({@code io.warnews.query.database.PoolPerPurpose}). In the {@code axonserver} profile Axon Server is the
 * event store and neither bean is created.
 */
@Configuration
@EnableConfigurationProperties(EventStoreProperties.class)
class EventStoreConfiguration {

    @Bean
    @Primary
    Serializer serializer() {
        return AxonEventStore.serializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return AxonEventStore.serializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return AxonEventStore.serializer();
    }

    /**
     * Events stored in an older revision are brought up to date as they are read (aggregates,
     * processors); a bean, so that Axon Server's event store in the axonserver profile uses it too.
     */
    @Bean
    EventUpcaster contractUpcasters() {
        return AxonEventStore.upcasters();
    }

    /** Events read ahead at a time for the processors, and kept for them (Axon's default cache). */
    static final int READ_AHEAD_CHUNK = 10_000;

    /**
     * Events fetched a query (Axon's default is 100): a catch-up or a rebuild's replay of a million
     * events made ten thousand queries, each a round trip the reader waited for.
     */
    static final int FETCH_BATCH = 1_000;

    @Bean
    @Profile("!axonserver")
    EventStorageEngine eventStorageEngine(ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager) {
        return new ChunkedReadAheadEngine(AxonEventStore.jdbcEngine(connectionProvider, transactionManager)
                .batchSize(FETCH_BATCH), READ_AHEAD_CHUNK);
    }

    @Bean(destroyMethod = "shutDown")
    @Profile("!axonserver")
    AppendedEventStore eventStore(EventStorageEngine storageEngine, EventStoreProperties properties) {
        // Axon reads ahead for all processors into one list of events (the last READ_AHEAD_CHUNK
        // kept); a processor busy with a batch keeps every event read since its position reachable
        // until it is found behind. Axon looks every 10 s by default: the read-ahead reads a backlog
        // far faster than the processors that write rows apply it, and filled the heap meanwhile.
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .fetchDelay(properties.fetchDelay().toMillis())
                .cachedEvents(READ_AHEAD_CHUNK)
                .cleanupDelay(properties.laggingReaderCheck().toMillis());
        return new AppendedEventStore(builder);
    }
}
