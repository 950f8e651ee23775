package io.warnews.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An editor's writes while 16 threads guess passwords as fast as they can, against the same
 * editor's writes in quiet, in the same run: with the shipped sign-in limits, and (as the baseline)
 * with the limits and the memory of failures turned off, where every guess costs a bcrypt. Run
 * with {@code mvn -Pbench verify}; figures are printed, nothing is asserted.
 */
class SignInFloodBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String EDITOR = "Basic " + Base64.getEncoder().encodeToString(
            "editor:editor-dev-password".getBytes());
    private static final int THREADS = Integer.getInteger("bench.flood-threads", 16);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int WARM_UP = Integer.getInteger("bench.warm-up", 10);

    @Test
    void anEditorsWritesUnderAPasswordGuessingFlood() throws Exception {
        Path logs = Files.createTempDirectory("bench-logs");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            LocalDatabase.prepare(postgres.getPostgresDatabase(), "flood");
            String jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/flood";
            Result shipped = run(logs, jdbcUrl, "shipped", List.of());
            Result unlimited = run(logs, jdbcUrl, "unlimited", List.of(
                    "--warnews.security.sign-in.max-failures-per-user=0",
                    "--warnews.security.sign-in.max-failures-per-address=0",
                    "--warnews.security.sign-in.remember-failure=0s"));
            System.out.printf("%nSIGN-IN FLOOD BENCHMARK (%d threads of wrong passwords, %d s measured after %d s"
                    + " of warm-up; an editor's single-report write, ms)%n", THREADS, SECONDS, WARM_UP);
            for (Result result : List.of(shipped, unlimited)) {
                System.out.printf("%-10s quiet p50 %6.1f p99 %6.1f | flood p50 %6.1f p99 %6.1f | ratio p50 %.2f"
                                + " p99 %.2f | flood answers %s%n", result.name, result.quiet.percentile(50),
                        result.quiet.percentile(99), result.flood.percentile(50), result.flood.percentile(99),
                        result.flood.percentile(50) / result.quiet.percentile(50),
                        result.flood.percentile(99) / result.quiet.percentile(99), result.floodAnswers);
            }
        }
    }

    private record Result(String name, Latencies quiet, Latencies flood, Map<Integer, Integer> floodAnswers) {
    }

    private static Result run(Path logs, String jdbcUrl, String name, List<String> settings) throws Exception {
        ServiceProcess command = ServiceProcess.start(Path.of("../command-service/target/command-service-exec.jar"),
                "command-service-" + name, logs, ServiceProcess.freePort(), jdbcUrl, LocalDatabase.COMMAND_ROLE,
                settings).awaitHealthy(Duration.ofMinutes(5));
        try {
            String conflict = "flood-" + name;
            post(command.url() + "/api/conflicts", EDITOR, """
                    {"conflictId":"%s","name":"Flood","startDate":"2000-01-01",
                     "parties":[{"code":"RU","name":"Russia"},{"code":"UA","name":"Ukraine"}]}""".formatted(conflict));
            AtomicInteger reports = new AtomicInteger();
            writes(command, conflict, reports, WARM_UP);
            Latencies quiet = writes(command, conflict, reports, SECONDS);
            Map<Integer, Integer> answers = new ConcurrentHashMap<>();
            AtomicBoolean flooding = new AtomicBoolean(true);
            List<Thread> flood = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Thread guesser = new Thread(() -> {
                    for (int i = 0; flooding.get(); i++) {
                        String user = i % 2 == 0 ? "editor" : "guest" + thread;
                        String auth = "Basic " + Base64.getEncoder().encodeToString(
                                (user + ":guess-" + thread + "-" + i).getBytes());
                        try {
                            answers.merge(post(command.url() + "/api/conflicts/" + conflict + "/loss-reports", auth,
                                    "{}").statusCode(), 1, Integer::sum);
                        } catch (Exception e) {
                            answers.merge(0, 1, Integer::sum);
                        }
                    }
                });
                guesser.start();
                flood.add(guesser);
            }
            writes(command, conflict, reports, WARM_UP);
            Latencies flooded = writes(command, conflict, reports, SECONDS);
            flooding.set(false);
            for (Thread thread : flood) {
                thread.join();
            }
            return new Result(name, quiet, flooded, new java.util.TreeMap<>(answers));
        } finally {
            command.stop();
        }
    }

    private static Latencies writes(ServiceProcess command, String conflict, AtomicInteger reports, int seconds)
            throws Exception {
        Latencies latencies = new Latencies();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < end) {
            int n = reports.incrementAndGet();
            long started = System.nanoTime();
            HttpResponse<String> response = post(command.url() + "/api/conflicts/" + conflict + "/loss-reports",
                    EDITOR, """
                    {"reportId":"r%d","side":"RU","claimant":"Flood","asOf":"%s",
                     "figures":[{"category":"PERSONNEL","value":%d}],
                     "source":{"outlet":"test","url":"https://example.org","publishedAt":"2025-01-01T00:00:00Z"}}"""
                            .formatted(n, LocalDate.of(2000, 1, 2).plusDays(n), n));
            if (response.statusCode() != 201) {
                throw new IllegalStateException("the editor's write answered " + response.statusCode() + ": "
                        + response.body());
            }
            latencies.add((System.nanoTime() - started) / 1e6);
            Thread.sleep(20);
        }
        return latencies;
    }

    private static HttpResponse<String> post(String url, String auth, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                        .header("Authorization", auth).timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static final class Latencies {
        private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

        void add(double value) {
            millis.add(value);
        }

        double percentile(int p) {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }
    }
}
