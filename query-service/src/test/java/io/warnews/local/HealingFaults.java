package io.warnews.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fault suite: {@code mvn -Pfaults verify} (about 12 minutes with the build, on 2 cores). One backend (a durable
 * PostgreSQL, the command-service, the query-service, as processes) goes through each fault in
 * turn under several writers and a public reader. After each: no acknowledged write lost, no 500
 * answered, and every read model converged by itself (no dead letter, no manual step) to exactly
 * what a rebuild from the events gives; the time it took is printed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealingFaults {

    /** Sizes, as system properties ({@code mvn -Pfaults verify -Dfaults.writers=4 ...}): writers under load. */
    private static final int WRITERS = Integer.getInteger("faults.writers", 6);
    /** How long PostgreSQL is shut down, and frozen ({@code -Dfaults.outage-seconds}). */
    private static final long OUTAGE_SECONDS = Long.getLong("faults.outage-seconds", 30);
    /** Rounds of eight requests creating the same conflict on both command-services ({@code -Dfaults.race-rounds}). */
    private static final int RACE_ROUNDS = Integer.getInteger("faults.race-rounds", 10);
    /** Claimants of 5,000 reports each recorded before the rebuild faults ({@code -Dfaults.seed-claimants}). */
    private static final int SEED_CLAIMANTS = Integer.getInteger("faults.seed-claimants", 16);
    private static FaultLab lab;
    private static boolean seeded;

    @BeforeAll
    static void start() throws Exception {
        lab = FaultLab.start(Files.createTempDirectory("faults"), true);
    }

    @AfterAll
    static void stop() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void killPostgres() throws Exception {
        lab.scenario("kill -9 PostgreSQL", WRITERS, false, () -> {
            lab.killPostgres();
            Thread.sleep(2_000);
            lab.startPostgres();
        });
    }

    @Test
    @Order(2)
    void killCommandService() throws Exception {
        lab.scenario("kill -9 command-service", WRITERS, false, () -> lab.killCommand(0));
    }

    @Test
    @Order(3)
    void killQueryService() throws Exception {
        lab.scenario("kill -9 query-service", WRITERS, false, lab::killQuery);
    }

    @Test
    @Order(4)
    void postgresShutDownFor30Seconds() throws Exception {
        lab.scenario("PostgreSQL shut down for " + OUTAGE_SECONDS + " s", WRITERS, false, () -> {
            lab.shutdownPostgres();
            Thread.sleep(OUTAGE_SECONDS * 1_000);
            lab.startPostgres();
        });
    }

    @Test
    @Order(5)
    void postgresFrozenFor30Seconds() throws Exception {
        lab.scenario("PostgreSQL frozen (SIGSTOP) for " + OUTAGE_SECONDS + " s", WRITERS, false, () -> {
            lab.freezePostgres(true);
            Thread.sleep(OUTAGE_SECONDS * 1_000);
            lab.freezePostgres(false);
        });
    }

    @Test
    @Order(6)
    void postgresShutDownDuringARebuild() throws Exception {
        duringARebuild("PostgreSQL shut down for " + OUTAGE_SECONDS + " s during a rebuild", () -> {
            lab.shutdownPostgres();
            Thread.sleep(OUTAGE_SECONDS * 1_000);
            lab.startPostgres();
        });
    }

    @Test
    @Order(7)
    void postgresFrozenDuringARebuild() throws Exception {
        duringARebuild("PostgreSQL frozen for " + OUTAGE_SECONDS + " s during a rebuild", () -> {
            lab.freezePostgres(true);
            Thread.sleep(OUTAGE_SECONDS * 1_000);
            lab.freezePostgres(false);
        });
    }

    @Test
    @Order(8)
    void queryServiceKilledDuringARebuild() throws Exception {
        seedOnce();
        String[] id = {null};
        lab.scenario("kill -9 query-service during a rebuild", WRITERS, false, true, () -> {
            id[0] = lab.startRebuild("losses");
            lab.awaitRebuild("losses", id[0], rebuild -> rebuild.path("replayedEvents").asLong() > 0,
                    Duration.ofMinutes(2));
            lab.killQuery();
        }, () -> {
            // the service started again finds the rebuild unfinished: FAILED, saying so, and its tables dropped
            JsonNode outcome = lab.awaitRebuild("losses", id[0], FaultLab.FINISHED, Duration.ofSeconds(30));
            System.out.printf("FAULT kill -9 query-service during a rebuild: the rebuild ended %s%n", outcome);
            assertThat(outcome.path("state").asText()).isEqualTo("FAILED");
            assertThat(outcome.path("failure").asText()).contains("stopped before the rebuild finished");
            assertThat(lab.rebuildSchemas()).as("the rebuild's tables").isEmpty();
        });
    }

    private void seedOnce() throws Exception {
        if (!seeded) {
            // enough events for a rebuild's replay to last several seconds
            lab.seed(SEED_CLAIMANTS, 5_000);
            seeded = true;
        }
    }

    /**
     * The fault while the losses model is being rebuilt (its replay under way): the rebuild waits for
     * the database, goes on where it was and verifies, equal, by itself once the database is back;
     * its tables are gone, and the next rebuild can start and verifies.
     */
    private void duringARebuild(String name, FaultLab.Fault outage) throws Exception {
        seedOnce();
        String[] id = {null};
        long[] ended = {0};
        lab.scenario(name, WRITERS, false, true, () -> {
            id[0] = lab.startRebuild("losses");
            JsonNode replaying = lab.awaitRebuild("losses", id[0],
                    rebuild -> rebuild.path("replayedEvents").asLong() > 0, Duration.ofMinutes(2));
            assertThat(replaying.path("state").asText()).as(replaying.toString()).isEqualTo("REPLAYING");
            outage.run();
            ended[0] = System.nanoTime();
        }, () -> {
            JsonNode outcome = lab.awaitRebuild("losses", id[0], FaultLab.FINISHED, Duration.ofMinutes(3));
            System.out.printf("FAULT %s: the rebuild ended %s %.1f s after the fault (%s)%n", name,
                    outcome.path("state").asText(), (System.nanoTime() - ended[0]) / 1e9, outcome);
            // the replay waited for the database and went on: the rebuild is done, and equal
            assertThat(outcome.path("state").asText()).as(outcome.toString()).isEqualTo("VERIFIED");
            assertThat(outcome.path("matches").asBoolean()).as(outcome.toString()).isTrue();
            assertThat(outcome.path("replayedPosition").asLong()).as(outcome.toString())
                    .isGreaterThanOrEqualTo(outcome.path("headPosition").asLong());
            assertThat(lab.rebuildSchemas()).as("the rebuild's tables").isEmpty();
        });
    }

    @Test
    @Order(9)
    void twoCommandServicesRacing() throws Exception {
        lab.addCommandInstance();
        List<Integer> creations = new ArrayList<>();
        lab.scenario("two command-services racing (creation too)", WRITERS, true, () -> {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            for (int round = 0; round < RACE_ROUNDS; round++) {
                String conflictId = "race-" + round;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String url = lab.command(i % 2).url() + "/api/conflicts";
                    answers.add(pool.submit(() -> {
                        go.await();
                        return lab.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                        .encodeToString("editor:editor-dev-password".getBytes()))
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"conflictId":"%s","name":"Race","startDate":"2000-01-01",
                                         "parties":[{"code":"RU","name":"Russia"},{"code":"UA","name":"Ukraine"}]}"""
                                        .formatted(conflictId))), "command-service");
                    }));
                }
                go.countDown();
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                    assertThat(response).isNotNull();
                    assertThat(response.statusCode()).as(response.body()).isIn(200, 201, 409);
                    creations.add(response.statusCode());
                }
            }
            pool.shutdown();
        });
        System.out.printf("FAULT race: conflict creations answered %s%n", creations.stream()
                .collect(java.util.stream.Collectors.groupingBy(status -> status, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting())));
    }
}
