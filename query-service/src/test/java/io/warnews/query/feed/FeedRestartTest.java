package io.warnews.query.feed;

import static io.warnews.query.feed.Events.conflict;
import static io.warnews.query.feed.Events.ledger;
import static io.warnews.query.feed.Events.losses;
import static org.assertj.core.api.Assertions.assertThat;

import io.warnews.query.QueryServiceApplication;
import io.warnews.query.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A consumer outlives a restart of the query-service and misses nothing, receiving nothing twice. */
class FeedRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aConsumerThatOutlivesARestartResumesFromItsLastIdWithNoGapAndNoDuplicate() throws Exception {
        String c = "restart";
        List<Long> received = new ArrayList<>();
        String lastEventId;
        String databaseUrl;

        try (ConfigurableApplicationContext first = start(new SpringApplicationBuilder(QueryServiceApplication.class)
                .initializers(new TestDatabase()))) {
            databaseUrl = first.getEnvironment().getProperty("spring.datasource.url");
            DataSource database = StoredRows.dataSource(databaseUrl);
            StoredRows.append(database, c, 0, conflict(c));
            StoredRows.append(database, ledger(c), 0, losses(c, "r1", "2025-06-01", 1), losses(c, "r2", "2025-06-02", 2),
                    losses(c, "r3", "2025-06-03", 3));
            SseClient feed = SseClient.open(port(first), "/api/feed", null);
            assertThat(feed.status()).isEqualTo(200);
            feed.nextEvents(3, WAIT).forEach(event -> received.add(event.position()));
            lastEventId = feed.lastEventId();

            first.close();
            feed.untilEnd(WAIT).forEach(event -> received.add(event.position()));
            assertThat(feed.ended()).as("the stream ends when the service stops").isTrue();
            lastEventId = feed.lastEventId() == null ? lastEventId : feed.lastEventId();
        }

        DataSource database = StoredRows.dataSource(databaseUrl);
        StoredRows.append(database, ledger(c), 3, losses(c, "r4", "2025-06-04", 4), losses(c, "r5", "2025-06-05", 5));
        try (ConfigurableApplicationContext second = start(new SpringApplicationBuilder(QueryServiceApplication.class),
                "--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres");
             SseClient feed = SseClient.open(port(second), "/api/feed", lastEventId)) {
            StoredRows.append(database, ledger(c), 5, losses(c, "r6", "2025-06-06", 6));
            List<Long> stored = StoredRows.positionsAfter(database, 0);
            feed.nextEvents(stored.size() - received.size(), WAIT).forEach(event -> received.add(event.position()));

            assertThat(received).containsExactlyElementsOf(stored).hasSize(7);
        }
    }

    private static ConfigurableApplicationContext start(SpringApplicationBuilder application, String... database) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--warnews.feed.heartbeat=300ms"));
        args.addAll(List.of(database));
        return application.profiles("test").run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
