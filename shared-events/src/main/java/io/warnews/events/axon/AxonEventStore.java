package io.warnews.events.axon;

import io.warnews.events.EventJson;
import io.warnews.events.EventVersions;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * The event store as the services keep it in PostgreSQL (schema {@code event_store}, snake_case
 * columns, JSON text payloads with their revision) and as Axon reads and writes it.
 */
public final class AxonEventStore {

    /** The tables of the command-service's migration {@code V1__event_store.sql}. */
    public static final EventSchema SCHEMA = EventSchema.builder()
            .eventTable("event_store.domain_event_entry")
            .snapshotTable("event_store.snapshot_event_entry")
            .globalIndexColumn("global_index")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    private AxonEventStore() {
    }

    /** Jackson with the contract's configuration, writing each event's version as its revision. */
    public static Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.objectMapper())
                .revisionResolver(EventVersions::revisionOf).build();
    }

    /** Every step of the contract's evolution, so that events stored in an older form read as current ones. */
    public static EventUpcaster upcasters() {
        return new EventUpcasterChain(EventVersions.upcasts().stream().map(ContractUpcaster::new).toList());
    }

    /**
     * A JDBC engine over these tables with the contract's serializer and upcasters, on the caller's
     * connections and transactions; a lost race for a stream version is Axon's ConcurrencyException.
     * A writer that snapshots aggregates sets its own snapshot serializer.
     */
    public static JdbcEventStorageEngine.Builder jdbcEngine(ConnectionProvider connections,
                                                            TransactionManager transactions) {
        Serializer serializer = serializer();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .persistenceExceptionResolver(new PostgresUniqueViolations())
                .schema(SCHEMA)
                .dataType(String.class)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(upcasters());
    }
}
