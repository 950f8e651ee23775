package io.warnews.command.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warnews.events.EventJson;
import io.warnews.events.axon.AxonEventStore;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * The event store on PostgreSQL: Axon's JDBC engine over the tables of
 * {@code db/event-store/V1__event_store.sql}, as the contract's {@link AxonEventStore} describes
 * them (JSON text payloads with their version, upcasters for older forms). In the
 * {@code axonserver} profile Axon Server stores the events instead and this engine is not created.
 */
@Configuration
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
     * Snapshots hold an aggregate's private state, not a published contract: they are written
     * field by field, and a snapshot that no longer reads is simply ignored and rebuilt from events.
     */
    static Serializer snapshotSerializer() {
        ObjectMapper mapper = EventJson.objectMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    /**
     * Events stored in an older revision are brought up to date as they are read (aggregates,
     * processors); a bean, so that Axon Server's event store in the axonserver profile uses it too.
     */
    @Bean
    EventUpcaster contractUpcasters() {
        return AxonEventStore.upcasters();
    }

    @Bean
    @Profile("!axonserver")
    EventStorageEngine eventStorageEngine(ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager) {
        return AxonEventStore.jdbcEngine(connectionProvider, transactionManager)
                .snapshotSerializer(snapshotSerializer())
                .build();
    }
}
