package io.warnews.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
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
 * <p>Three runs in the same session: the shipped settings (tracking processors, event store fetch
 * delay 25 ms); as the baseline, Axon's default fetch delay of 1 s; and the losses read model on a
 * pooled streaming processor instead. The figures are printed; nothing is asserted, so a
 * busy machine cannot fail a build: compare the ratio, not the milliseconds.
 */
class ReadYourWritesBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
            "editor:editor-dev-password".getBytes());
    private static final int WRITES_PER_SECOND = Integer.getInteger("bench.rate", 50);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    private static final int WARM_UP = Integer.getInteger("bench.warm-up", 15);

    @Test
    void visibilityOfAWriteInTheOtherProcess() throws Exception {
        Path logs = Files.createTempDirectory("bench-logs");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start()) {
            LocalDatabase.prepare(postgres.getPostgresDatabase(), "bench");
            String jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/bench";
            ServiceProcess command = ServiceProcess.start(Path.of("../command-service/target/command-service-exec.jar"),
                    "command-service", logs, ServiceProcess.freePort(), jdbcUrl, LocalDatabase.COMMAND_ROLE, List.of())
                    .awaitHealthy(Duration.ofMinutes(2));
            try {
                post(command.url() + "/api/conflicts", """
                        {"conflictId":"bench","name":"Benchmark","startDate":"2015-01-01",
                         "parties":[{"code":"RU","name":"Russia"},{"code":"UA","name":"Ukraine"}]}""");
                Result shipped = run("shipped settings (fetch delay 25 ms)", command, jdbcUrl, logs, "shipped",
                        List.of(), SECONDS);
                Result baseline = run("Axon's default fetch delay (1 s)", command, jdbcUrl, logs, "baseline",
                        List.of("--warnews.event-store.fetch-delay=1s"), SECONDS);
                Result pooled = run("pooled streaming processor (25 ms)", command, jdbcUrl, logs, "pooled",
                        List.of("--axon.eventhandling.processors.losses.mode=pooled"), SECONDS);
                System.out.printf("%nREAD-YOUR-WRITES BENCHMARK (%d writes/s, %d s counted after %d s of warm-up,"
                        + " 2 processes, fsync on)%n", WRITES_PER_SECOND, SECONDS, WARM_UP);
                System.out.println(shipped);
                System.out.println(baseline);
                System.out.println(pooled);
                System.out.printf("ratio shipped/baseline: p50 %.3f, p99 %.3f%n",
                        shipped.percentile(50) / baseline.percentile(50),
                        shipped.percentile(99) / baseline.percentile(99));
                System.out.printf("ratio shipped/pooled:   p50 %.3f, p99 %.3f%n",
                        shipped.percentile(50) / pooled.percentile(50),
                        shipped.percentile(99) / pooled.percentile(99));
            } finally {
                command.stop();
            }
        }
    }

    private Result run(String label, ServiceProcess command, String jdbcUrl, Path logs, String ledger,
                       List<String> settings, int seconds) throws Exception {
        ServiceProcess query = ServiceProcess.start(Path.of("target/query-service.jar"), "query-service-" + ledger,
                logs, ServiceProcess.freePort(), jdbcUrl, LocalDatabase.QUERY_ROLE, settings).awaitHealthy(Duration.ofMinutes(2));
        try {
            String claimant = "Benchmark " + ledger;
            // the first WARM_UP seconds warm both services up (JIT) and are not counted
            int warmUp = WRITES_PER_SECOND * WARM_UP;
            int writes = WRITES_PER_SECOND * (WARM_UP + seconds);
            long[] acknowledged = new long[writes];
            long[] visible = new long[writes];
            List<Double> writeMs = Collections.synchronizedList(new ArrayList<>());
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
            ExecutorService workers = Executors.newFixedThreadPool(8);
            LocalDate first = LocalDate.of(2015, 1, 2);
            long periodMicros = 1_000_000L / WRITES_PER_SECOND;
            for (int i = 0; i < writes; i++) {
                int n = i;
                pace.schedule(() -> workers.submit(() -> {
                    try {
                        long start = System.nanoTime();
                        var response = post(command.url() + "/api/conflicts/bench/loss-reports", """
                                {"reportId":"%s-%d","side":"RU","claimant":"%s","asOf":"%s",
                                 "figures":[{"category":"PERSONNEL","value":%d}],
                                 "source":{"outlet":"bench","url":"https://example.org","publishedAt":"2025-01-01T00:00:00Z"}}"""
                                .formatted(ledger, n, claimant, first.plusDays(n), 1000 + n));
                        long now = System.nanoTime();
                        if (response.statusCode() != 201) {
                            failures.add(response.statusCode() + " " + response.body());
                            return;
                        }
                        if (n >= warmUp) {
                            writeMs.add((now - start) / 1e6);
                        }
                        synchronized (acknowledged) {
                            acknowledged[n] = now;
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }), n * periodMicros, TimeUnit.MICROSECONDS);
            }
            // One reader, as a client would read: the newest point of the series tells which writes
            // are visible (the projection applies a stream's events in order).
            int seen = -1;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARM_UP + seconds + 30L);
            String series = query.url() + "/api/conflicts/bench/losses/RU/PERSONNEL/series?claimant="
                    + claimant.replace(" ", "%20");
            while (seen < writes - 1 && System.nanoTime() < deadline) {
                JsonNode points = JSON.readTree(get(series + "&from=" + first.plusDays(Math.max(seen, 0))))
                        .path("points");
                long now = System.nanoTime();
                for (JsonNode point : points) {
                    String id = point.path("reportId").asText();
                    seen = Math.max(seen, Integer.parseInt(id.substring(id.lastIndexOf('-') + 1)));
                }
                synchronized (acknowledged) {
                    for (int n = 0; n <= seen; n++) {
                        if (visible[n] == 0) {
                            visible[n] = now;
                        }
                    }
                }
                Thread.sleep(10);
            }
            pace.shutdown();
            pace.awaitTermination(60, TimeUnit.SECONDS);
            workers.shutdown();
            workers.awaitTermination(120, TimeUnit.SECONDS);
            List<Double> visibleAfterMs = new ArrayList<>();
            for (int n = warmUp; n < writes; n++) {
                if (acknowledged[n] != 0 && visible[n] != 0) {
                    visibleAfterMs.add(Math.max(0, visible[n] - acknowledged[n]) / 1e6);
                } else if (acknowledged[n] != 0) {
                    failures.add("write " + n + " not visible within the run");
                }
            }
            return new Result(label, visibleAfterMs, new ArrayList<>(writeMs), failures.size(),
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
}
