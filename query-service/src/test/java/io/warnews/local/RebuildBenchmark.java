package io.warnews.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

/**
 * How long an auditor's rebuild of the losses read model takes, from the first event, with the
 * processor's batch size as shipped (100) and, as the baseline in the same run, Axon's default (1).
 * Run with {@code mvn -Pbench verify}; prints its figures, asserts nothing.
 */
class RebuildBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int LEDGERS = Integer.getInteger("bench.ledgers", 20);
    private static final int REPORTS_PER_LEDGER = Integer.getInteger("bench.reports", 1000);

    @Test
    void rebuildOfTheLossesReadModel() throws Exception {
        Path logs = Files.createTempDirectory("rebuild-bench");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start()) {
            LocalDatabase.prepare(postgres.getPostgresDatabase(), "rebuild");
            String jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/rebuild";
            ServiceProcess command = ServiceProcess.start(Path.of("../command-service/target/command-service-exec.jar"),
                    "command-service", logs, ServiceProcess.freePort(), jdbcUrl, LocalDatabase.COMMAND_ROLE, List.of())
                    .awaitHealthy(Duration.ofMinutes(2));
            long events;
            try {
                events = record(command.url());
            } finally {
                command.stop();
            }
            double shipped = rebuild(jdbcUrl, logs, "100");
            double baseline = rebuild(jdbcUrl, logs, "1");
            System.out.printf("%nREBUILD BENCHMARK (losses read model, %,d events, fsync on)%n", events);
            System.out.printf("batch size 100 (shipped):  %6.1f s  %,8.0f events/s%n", shipped, events / shipped);
            System.out.printf("batch size 1 (Axon default): %6.1f s  %,8.0f events/s%n", baseline, events / baseline);
            System.out.printf("ratio shipped/baseline (time): %.3f%n", shipped / baseline);
        }
    }

    private static long record(String url) throws Exception {
        post(url + "/api/conflicts", JSON.readTree("""
                {"conflictId":"bench","name":"Benchmark","startDate":"2015-01-01",
                 "parties":[{"code":"RU","name":"Russia"},{"code":"UA","name":"Ukraine"}]}"""));
        long events = 1;
        for (int ledger = 0; ledger < LEDGERS; ledger++) {
            ObjectNode batch = JSON.createObjectNode().put("side", "RU").put("claimant", "Claimant " + ledger);
            ArrayNode reports = batch.putArray("reports");
            for (int day = 0; day < REPORTS_PER_LEDGER; day++) {
                ObjectNode report = reports.addObject().put("reportId", "c" + ledger + "-d" + day)
                        .put("asOf", LocalDate.of(2016, 1, 1).plusDays(day).toString());
                ArrayNode figures = report.putArray("figures");
                for (String category : List.of("PERSONNEL", "TANKS", "ARTILLERY", "UAVS")) {
                    figures.addObject().put("category", category).put("value", 1000L * ledger + day);
                }
                report.putObject("source").put("outlet", "bench").put("url", "https://example.org")
                        .put("publishedAt", "2025-01-01T00:00:00Z");
            }
            post(url + "/api/conflicts/bench/loss-reports/batch", batch);
            events += REPORTS_PER_LEDGER;
        }
        return events;
    }

    /** Starts a query-service with that batch size, lets it catch up, rebuilds, and answers the rebuild's seconds. */
    private static double rebuild(String jdbcUrl, Path logs, String batchSize) throws Exception {
        ServiceProcess query = ServiceProcess.start(Path.of("target/query-service.jar"), "query-" + batchSize, logs,
                ServiceProcess.freePort(), jdbcUrl, LocalDatabase.QUERY_ROLE, List.of("--axon.eventhandling.processors.losses"
                        + ".batch-size=" + batchSize)).awaitHealthy(Duration.ofMinutes(2));
        try {
            String projection = query.url() + "/api/audit/projections/losses";
            awaitState(projection, null, Duration.ofMinutes(30));
            HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(projection + "/rebuild"))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            if (started.statusCode() != 202) {
                throw new IllegalStateException(started.statusCode() + " " + started.body());
            }
            JsonNode rebuild = awaitState(projection, "VERIFIED", Duration.ofMinutes(30));
            return Duration.between(Instant.parse(rebuild.path("startedAt").asText()),
                    Instant.parse(rebuild.path("finishedAt").asText())).toMillis() / 1000.0;
        } finally {
            query.stop();
        }
    }

    /** Waits until the read model has caught up (no state) or its last rebuild reached the state. */
    private static JsonNode awaitState(String projection, String state, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = JSON.readTree(send(HttpRequest.newBuilder(URI.create(projection)).GET()).body());
            if (state == null && status.path("head").asLong() > 0
                    && status.path("position").asLong() >= status.path("head").asLong()) {
                return status;
            }
            if (state != null && state.equals(status.at("/lastRebuild/state").asText())) {
                return status.path("lastRebuild");
            }
            if (state != null && "FAILED".equals(status.at("/lastRebuild/state").asText())) {
                throw new IllegalStateException("rebuild failed: " + status);
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(projection + " did not reach " + state);
    }

    private static void post(String url, JsonNode body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "editor:editor-dev-password".getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException(url + " " + response.statusCode() + " " + response.body());
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                "auditor:auditor-dev-password".getBytes())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
