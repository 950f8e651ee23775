package io.warnews.query.feed;

import io.warnews.events.axon.AxonEventStore;
import static io.warnews.query.feed.Events.conflict;
import static io.warnews.query.feed.Events.ledger;
import static io.warnews.query.feed.Events.losses;
import static org.assertj.core.api.Assertions.assertThat;

import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.LossesReported;
import io.warnews.events.Qualifier;
import io.warnews.events.WarEvent;
import io.warnews.query.EventStoreWriter;
import io.warnews.query.QueryServiceTest;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Another Axon application, built here with the plain Axon configuration API and nothing of this
 * service but the shared-events jar, subscribes to the same PostgreSQL event tables with a
 * processing group of its own and receives every event from the first one, in order, including
 * one stored in an older revision. This is the README's "Subscribing from another Axon application".
 */
@QueryServiceTest
class DownstreamConsumerTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Environment environment;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aProcessingGroupOfAnotherApplicationReceivesEveryEventFromTheFirstOneInOrder() throws Exception {
        String c = "downstream-" + System.nanoTime();
        new EventStoreWriter(context).append(c, conflict(c));
        DataSource database = StoredRows.dataSource(environment.getProperty("spring.datasource.url"));
        try (Connection connection = database.getConnection()) {
            StoredRows.insert(connection, ledger(c), 0, LossesReported.class.getName(), "1", """
                    {"ledgerId":"%s","reportId":"r1","conflictId":"%s","side":"RU",
                     "claimant":"Ministry of Defence of Ukraine","asOf":"2025-06-12","basis":"CUMULATIVE",
                     "figures":{"PERSONNEL":{"value":1000340,"qualifier":"ABOUT"}}}""".formatted(ledger(c), c));
        }
        new EventStoreWriter(context).append(ledger(c), losses(c, "r2", "2025-06-13", 1_001_000));
        List<String> stored = jdbc.query("SELECT global_index, payload_type FROM event_store.domain_event_entry "
                + "ORDER BY global_index", (rs, i) -> rs.getLong(1) + " " + simple(rs.getString(2)));

        AuditLog auditLog = new AuditLog();
        Configuration downstream = downstream(database, auditLog);
        downstream.start();
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (auditLog.received.size() < stored.size() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(auditLog.received).containsExactlyElementsOf(stored);
            assertThat(auditLog.reports).contains(new LossFigure(LossCategory.PERSONNEL, 1_000_340, Qualifier.ABOUT),
                    new LossFigure(LossCategory.PERSONNEL, 1_001_000, Qualifier.ABOUT));
        } finally {
            downstream.shutdown();
        }
    }

    /** The downstream application's configuration: its own event processor over the shared tables. */
    private static Configuration downstream(DataSource database, Object handler) {
        Serializer serializer = AxonEventStore.serializer();
        return DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> AxonEventStore.jdbcEngine(
                        new DataSourceConnectionProvider(database), NoTransactionManager.INSTANCE).build())
                .eventProcessing(processing -> processing
                        .registerTrackingEventProcessor("downstream-audit-log")
                        .registerTokenStore("downstream-audit-log", c -> new InMemoryTokenStore())
                        .registerEventHandler(c -> handler))
                .buildConfiguration();
    }

    @ProcessingGroup("downstream-audit-log")
    static class AuditLog {

        final List<String> received = new CopyOnWriteArrayList<>();
        final List<LossFigure> reports = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(WarEvent event, TrackingToken token) {
            received.add(token.position().orElseThrow() + " " + event.getClass().getSimpleName());
            if (event instanceof LossesReported report) {
                reports.addAll(report.figures());
            }
        }
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
