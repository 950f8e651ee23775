package io.warnews.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How long after a write is acknowledged a plain read of the other process shows it, under a steady
 * 50 writes per second: the command-service and the query-service as processes of their own over
 * one durable PostgreSQL (fsync on). Run with {@code mvn -Pbench verify} (see README, "Benchmarks").
 *
 * <p>Two runs in the same session: the shipped settings (event store fetch delay 25 ms) and, as the
 * baseline, Axon's default fetch delay of 1 s. The figures are printed; nothing is asserted, so a
 * busy machine cannot fail a build: compare the ratio, not the milliseconds.
 */
class ReadYourWritesBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
            "editor:editor-dev-password".getBytes());
    private static final int WRITES_PER_SECOND = Integer.getInteger("bench.rate", 50);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);

    @Test
    void visibilityOfAWriteInTheOtherProcess() throws Exception {
        Path logs = Files.createTempDirectory("bench-logs");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start()) {
            LocalDatabase.prepare(postgres.getPostgresDatabase(), "bench");
            String jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/bench";
            ServiceProcess command = ServiceProcess.start(Path.of("../command-service/target/command-service-exec.jar"),
                    "command-service", logs, freePort(), jdbcUrl, LocalDatabase.COMMAND_ROLE, List.of())
                    .awaitHealthy(Duration.ofMinutes(2));
            try {
                post(command.url() + "/api/conflicts", """
                        {"conflictId":"bench","name":"Benchmark","startDate":"2015-01-01",
                         "parties":[{"code":"RU","name":"Russia"},{"code":"UA","name":"Ukraine"}]}""");
                run("warm-up", command, jdbcUrl, logs, "warmup", List.of(), 10);
                Result shipped = run("shipped settings (fetch delay 25 ms)", command, jdbcUrl, logs, "shipped",
                        List.of(), SECONDS);
                Result baseline = run("Axon's default fetch delay (1 s)", command, jdbcUrl, logs, "baseline",
                        List.of("--warnews.event-store.fetch-delay=1s"), SECONDS);
                System.out.printf("%nREAD-YOUR-WRITES BENCHMARK (%d writes/s for %d s each, 2 processes, fsync on)%n",
                        WRITES_PER_SECOND, SECONDS);
                System.out.println(shipped);
                System.out.println(baseline);
                System.out.printf("ratio shipped/baseline: p50 %.3f, p99 %.3f%n",
                        shipped.percentile(50) / baseline.percentile(50),
                        shipped.percentile(99) / baseline.percentile(99));
            } finally {
                command.stop();
            }
        }
    }

    private Result run(String label, ServiceProcess command, String jdbcUrl, Path logs, String ledger,
                       List<String> settings, int seconds) throws Exception {
        ServiceProcess query = ServiceProcess.start(Path.of("target/query-service.jar"), "query-service-" + ledger,
                logs, freePort(), jdbcUrl, LocalDatabase.QUERY_ROLE, settings).awaitHealthy(Duration.ofMinutes(2));
        try {
            String claimant = "Benchmark " + ledger;
            String slug = "benchmark-" + ledger;
            int writes = WRITES_PER_SECOND * seconds;
            List<Double> visibleAfterMs = Collections.synchronizedList(new ArrayList<>());
            List<Double> writeMs = Collections.synchronizedList(new ArrayList<>());
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
            ExecutorService workers = Executors.newFixedThreadPool(16);
            LocalDate first = LocalDate.of(2015, 1, 2);
            long periodMicros = 1_000_000L / WRITES_PER_SECOND;
            for (int i = 0; i < writes; i++) {
                int n = i;
                pace.schedule(() -> workers.submit(() -> {
                    try {
                        long start = System.nanoTime();
                        String reportId = ledger + "-" + n;
                        var response = post(command.url() + "/api/conflicts/bench/loss-reports", """
                                {"reportId":"%s","side":"RU","claimant":"%s","asOf":"%s",
                                 "figures":[{"category":"PERSONNEL","value":%d}],
                                 "source":{"outlet":"bench","url":"https://example.org","publishedAt":"2025-01-01T00:00:00Z"}}"""
                                .formatted(reportId, claimant, first.plusDays(n), 1000 + n));
                        long acknowledged = System.nanoTime();
                        if (response.statusCode() != 201) {
                            failures.add(response.statusCode() + " " + response.body());
                            return;
                        }
                        writeMs.add((acknowledged - start) / 1e6);
                        String series = query.url() + "/api/conflicts/bench/losses/RU/PERSONNEL/series?claimant="
                                + claimant.replace(" ", "%20") + "&from=" + first.plusDays(n);
                        while (System.nanoTime() - acknowledged < TimeUnit.SECONDS.toNanos(10)) {
                            JsonNode points = JSON.readTree(get(series)).path("points");
                            if (points.size() > 0 && points.get(0).path("reportId").asText().equals(reportId)) {
                                visibleAfterMs.add((System.nanoTime() - acknowledged) / 1e6);
                                return;
                            }
                            Thread.sleep(5);
                        }
                        failures.add(reportId + " not visible after 10 s (" + slug + ")");
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }), n * periodMicros, TimeUnit.MICROSECONDS);
            }
            pace.shutdown();
            pace.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
            workers.shutdown();
            workers.awaitTermination(120, TimeUnit.SECONDS);
            return new Result(label, new ArrayList<>(visibleAfterMs), new ArrayList<>(writeMs), failures.size(),
                    failures.stream().limit(3).toList());
        } finally {
            query.stop();
        }
    }

    private record Result(String label, List<Double> visibleMs, List<Double> writeMs, int failed,
                          List<String> someFailures) {

        double percentile(int p) {
            return percentile(visibleMs, p);
        }

        static double percentile(List<Double> values, int p) {
            List<Double> sorted = values.stream().sorted().toList();
            return sorted.isEmpty() ? Double.NaN
                    : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }

        @Override
        public String toString() {
            return String.format("%-38s visible after write: p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms"
                            + " | write p50 %5.1f ms p99 %5.1f ms | %d writes, %d failed %s",
                    label, percentile(50), percentile(90), percentile(99), percentile(100),
                    percentile(writeMs, 50), percentile(writeMs, 99), visibleMs.size(), failed, someFailures);
        }
    }

    private static HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", AUTH).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
