package io.warnews.command;

import io.warnews.command.support.Api;
import io.warnews.command.support.CommandServiceTest;
import io.warnews.command.support.EventStoreRows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.warnews.command.support.Requests.conflict;
import static io.warnews.command.support.Requests.lossReport;
import static org.assertj.core.api.Assertions.assertThat;

/** Two writers, one stream: one wins, the other is told so with a 409, never a 500. */
@CommandServiceTest
class ConcurrentWritesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    Environment environment;

    @Test
    void aWriteThatLosesTheRaceForItsStreamVersionIsA409AndLeavesOnlyTheWinnersEvent() throws Exception {
        Api api = new Api(port);
        String conflictId = "race-" + System.nanoTime();
        String reports = "/api/conflicts/" + conflictId + "/loss-reports";
        String ledger = conflictId + "/losses/RU/ministry-of-defence-of-ukraine";
        api.post("/api/conflicts", conflict(conflictId));
        api.post(reports, lossReport("r0", "2025-06-10", 100));

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement claim = other.prepareStatement("""
                    INSERT INTO event_store.domain_event_entry (event_identifier, aggregate_identifier,
                        sequence_number, type, time_stamp, payload_type, payload, meta_data)
                    SELECT gen_random_uuid()::text, aggregate_identifier, 1, type, time_stamp, payload_type,
                        payload, meta_data
                    FROM event_store.domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0""")) {
                claim.setString(1, ledger);
                assertThat(claim.executeUpdate()).isEqualTo(1);
            }
            var loser = CompletableFuture.supplyAsync(() -> api.post(reports, lossReport("r1", "2025-06-11", 200)));
            Thread.sleep(500);
            assertThat(loser).as("the service's append waits for the other writer").isNotDone();
            other.commit();

            Api.Response response = loser.get(10, TimeUnit.SECONDS);
            assertThat(response.status()).as(response.body()).isEqualTo(409);
            assertThat(response.json().path("title").asText()).isEqualTo("Concurrent write");
        }
        assertThat(new EventStoreRows(jdbc).stream(ledger)).hasSize(2)
                .allSatisfy(row -> assertThat(row.payload().path("reportId").asText()).isEqualTo("r0"));

        var retry = api.post(reports, lossReport("r1", "2025-06-11", 200));
        assertThat(retry.status()).as("the stream is read anew after a lost race").isEqualTo(201);
        assertThat(retry.json().path("version").asLong()).isEqualTo(2);
    }

    @Test
    void twoInstancesWritingToOneLedgerAnswerOnly201Or409AndRecordEachReportOnce() throws Exception {
        String conflictId = "two-" + System.nanoTime();
        String reports = "/api/conflicts/" + conflictId + "/loss-reports";
        String ledger = conflictId + "/losses/RU/ministry-of-defence-of-ukraine";
        new Api(port).post("/api/conflicts", conflict(conflictId));

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(CommandServiceApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres")) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            List<Api> instances = List.of(new Api(port), new Api(secondPort));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                Api instance = instances.get(i % 2);
                var report = lossReport("r" + i, "2025-06-10", 100);
                answers.add(pool.submit(() -> instance.post(reports, report)));
            }
            int created = 0;
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isIn(201, 409);
                created += response.status() == 201 ? 1 : 0;
            }
            pool.shutdown();
            var rows = new EventStoreRows(jdbc).stream(ledger);
            assertThat(rows).hasSize(created);
            assertThat(rows).extracting(row -> row.payload().path("reportId").asText()).doesNotHaveDuplicates();
        }
    }

    @Test
    void twoInstancesCreatingTheSameStreamsAtOnceAnswerOne201AndOtherwiseTheLostRace409() throws Exception {
        try (ConfigurableApplicationContext second = secondInstance()) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            List<Api> instances = List.of(new Api(port), new Api(secondPort));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            int lostRaces = 0;
            for (int round = 0; round < 8; round++) {
                String conflictId = "created-twice-" + round + "-" + System.nanoTime();
                List<Future<Api.Response>> registrations = race(pool, instances, 8,
                        instance -> instance.post("/api/conflicts", conflict(conflictId)));
                lostRaces += createdOnce(registrations, "conflict " + conflictId);
                assertThat(new EventStoreRows(jdbc).stream(conflictId)).hasSize(1);

                String reports = "/api/conflicts/" + conflictId + "/loss-reports";
                String ledger = conflictId + "/losses/RU/ministry-of-defence-of-ukraine";
                List<Future<Api.Response>> firstReports = race(pool, instances, 8,
                        instance -> instance.post(reports, lossReport("r0", "2025-06-10", 100)));
                lostRaces += createdOnce(firstReports, "ledger " + ledger);
                assertThat(new EventStoreRows(jdbc).stream(ledger)).hasSize(1);
            }
            pool.shutdown();
            assertThat(lostRaces).as("races lost on creation").isPositive();
        }
    }

    private ConfigurableApplicationContext secondInstance() {
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
    }

    /** The same request sent {@code count} times at once, alternately to each instance. */
    private static List<Future<Api.Response>> race(ExecutorService pool, List<Api> instances, int count,
                                                   java.util.function.Function<Api, Api.Response> request) {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Api instance = instances.get(i % 2);
            answers.add(pool.submit(() -> {
                start.await();
                return request.apply(instance);
            }));
        }
        start.countDown();
        return answers;
    }

    /**
     * Exactly one 201; the others either found the stream created (200, the same content) or lost the
     * race for its creation (409 problem); answers how many lost the race.
     */
    private static int createdOnce(List<Future<Api.Response>> answers, String what) throws Exception {
        int created = 0;
        int lostRaces = 0;
        for (Future<Api.Response> answer : answers) {
            Api.Response response = answer.get(60, TimeUnit.SECONDS);
            assertThat(response.status()).as(what + ": " + response.body()).isIn(200, 201, 409);
            if (response.status() == 201) {
                created++;
            } else if (response.status() == 409) {
                assertThat(response.headers().getContentType()).hasToString("application/problem+json");
                assertThat(response.json().path("title").asText()).isEqualTo("Concurrent write");
                lostRaces++;
            }
        }
        assertThat(created).as(what + " created once").isEqualTo(1);
        return lostRaces;
    }
}
