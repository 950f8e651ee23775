package io.warnews.query.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

class AxonServerProfileTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(EventStoreConfiguration.class)
            .withBean(ConnectionProvider.class, () -> mock(ConnectionProvider.class))
            .withBean(TransactionManager.class, () -> mock(TransactionManager.class));

    @Test
    void withoutTheAxonServerProfileEventsAreStreamedFromPostgresql() {
        context.run(started -> {
            assertThat(started).hasSingleBean(EventStorageEngine.class).hasSingleBean(EventStore.class);
            assertThat(started.getBeansOfType(Serializer.class)).hasSize(3);
        });
    }

    @Test
    void theAxonServerProfileCreatesNoJdbcEventStore() {
        context.withInitializer(started -> started.getEnvironment().setActiveProfiles("axonserver"))
                .run(started -> assertThat(started)
                        .doesNotHaveBean(EventStorageEngine.class)
                        .doesNotHaveBean(EventStore.class)
                        .hasBean("serializer"));
    }

    @Test
    void axonServerIsOffByDefaultAndOnInItsProfile() throws IOException {
        assertThat(property("application.yml", "axon.axonserver.enabled")).isEqualTo(false);
        assertThat(property("application-axonserver.yml", "axon.axonserver.enabled")).isEqualTo(true);
    }

    private static Object property(String file, String name) throws IOException {
        return new YamlPropertySourceLoader().load(file, new ClassPathResource(file)).stream()
                .map(source -> ((PropertySource<?>) source).getProperty(name))
                .filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }
}
