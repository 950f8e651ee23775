package io.warnews.command.eventstore;

import io.warnews.command.CommandServiceApplication;
import io.warnews.command.support.TestDatabase;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wiring of the {@code axonserver} profile (docker-compose's), checked without an Axon Server:
 * events, commands and queries go to Axon Server, and no JDBC event store is created.
 */
class AxonServerProfileTest {

    @Test
    void theAxonServerProfileSendsEventsCommandsAndQueriesThroughAxonServer() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandServiceApplication.class)
                .profiles("test", "axonserver")
                .run("--server.port=0", "--spring.datasource.url=" + TestDatabase.newDatabase(),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                        "--axon.axonserver.servers=localhost:1")) {
            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            assertThat(context.getBeansOfType(EventStorageEngine.class)).isEmpty();
            assertThat(context.getBean("eventSerializer")).isInstanceOf(JacksonSerializer.class);
        }
    }

    @Test
    void withoutTheProfileEventsAreStoredInPostgresql() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandServiceApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + TestDatabase.newDatabase(),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres")) {
            assertThat(context.getBean(EventStorageEngine.class).getClass().getSimpleName())
                    .isEqualTo("JdbcEventStorageEngine");
            assertThat(context.getBean(CommandBus.class)).isNotInstanceOf(AxonServerCommandBus.class);
        }
    }
}
