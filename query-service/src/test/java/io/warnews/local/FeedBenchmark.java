package io.warnews.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The feed with 1,000 subscribers: the command-service and the query-service as processes of their
 * own over one PostgreSQL, a writer at a steady rate, public reads throughout. Three phases in the
 * same run: quiet (no subscriber: the baseline), 1,000 live subscribers, then part of them
 * reconnecting from position 0 and catching up over the whole store while the others stay live.
 * Prints the write-to-subscriber delay (acknowledged write to event received, every subscriber)
 * and public read latency p50/p99 in each phase with its ratio to quiet. Nothing is asserted (a
 * busy machine cannot fail a build). Run with {@code mvn -Pbench verify}; sizes by system property:
 * bench.subscribers (1000), bench.catch-up (200), bench.events (3000), bench.seconds (20),
 * bench.catch-up-rate (the feed's catch-up-rate, 20000; 0: not paced).
 */
class FeedBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
            "editor:editor-dev-password".getBytes());
    private static final int SUBSCRIBERS = Integer.getInteger("bench.subscribers", 1000);
    private static final int CATCHING_UP = Integer.getInteger("bench.catch-up", 200);
    private static final int STORED = Integer.getInteger("bench.events", 3000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    /** The feed's catch-up rate (events a second, all clients catching up together; 0: not paced). */
    private static final int CATCH_UP_RATE = Integer.getInteger("bench.catch-up-rate", 20_000);
    private static final int WRITES_PER_SECOND = 10;
    private static final Pattern REPORT = Pattern.compile("\"reportId\":\"live-(\\d+)\"");

    private final Map<Integer, Long> acknowledged = new ConcurrentHashMap<>();
    private final List<Double> delays = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean measuring = new AtomicBoolean();

    @Test
    void thousandSubscribers() throws Exception {
        Path logs = Files.createTempDirectory("bench-logs");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            LocalDatabase.prepare(postgres.getPostgresDatabase(), "feedbench");
            String jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/feedbench";
            ServiceProcess command = ServiceProcess.start(Path.of("../command-service/target/command-service-exec.jar"),
                    "command-service", logs, ServiceProcess.freePort(), jdbcUrl, LocalDatabase.COMMAND_ROLE, List.of())
                    .awaitHealthy(Duration.ofMinutes(5));
            ServiceProcess query = ServiceProcess.start(Path.of("target/query-service.jar"), "query-service", logs,
                    ServiceProcess.freePort(), jdbcUrl, LocalDatabase.QUERY_ROLE,
                    List.of("--warnews.feed.max-clients-per-address=" + (SUBSCRIBERS + CATCHING_UP),
                            "--warnews.feed.catch-up-rate=" + CATCH_UP_RATE))
                    .awaitHealthy(Duration.ofMinutes(5));
            try {
                post(command.url() + "/api/conflicts", """
                        {"conflictId":"bench","name":"Benchmark","startDate":"2000-01-01",
                         "parties":[{"code":"RU","name":"Russia"},{"code":"UA","name":"Ukraine"}]}""");
                seed(command);
                String read = query.url() + "/api/conflicts/bench/losses";
                awaitVisible(query, read);

                Writer writer = new Writer(command);
                writer.start();
                List<Double> quiet = reads(read, SECONDS);

                List<Subscriber> live = new ArrayList<>();
                for (int i = 0; i < SUBSCRIBERS; i++) {
                    // from now: live from the start, so that every delay counted is a live delivery's
                    // (with after=<head> they would first receive the writes made since, seconds old)
                    live.add(Subscriber.open(query.url() + "/api/feed?from=now", this));
                }
                awaitOpen(live);
                measuring.set(true);
                List<Double> withLive = reads(read, SECONDS);
                measuring.set(false);
                List<Double> liveDelays = new ArrayList<>(delays);

                delays.clear();
                for (int i = 0; i < CATCHING_UP; i++) {
                    live.get(i).close();
                }
                List<Subscriber> fromZero = new ArrayList<>();
                long catchUpStart = System.nanoTime();
                for (int i = 0; i < CATCHING_UP; i++) {
                    // not timed: their deliveries of old events are catch-up, not write-to-subscriber delays
                    fromZero.add(Subscriber.open(query.url() + "/api/feed", null));
                }
                measuring.set(true);
                List<Double> withCatchUp = new ArrayList<>();
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                long caughtUpAfter = -1;
                while (System.nanoTime() < deadline) {
                    withCatchUp.addAll(reads(read, 1));
                    if (fromZero.stream().allMatch(s -> s.received.get() >= STORED)) {
                        caughtUpAfter = (System.nanoTime() - catchUpStart) / 1_000_000;
                        break;
                    }
                }
                measuring.set(false);
                writer.stop();
                List<Double> catchUpDelays = new ArrayList<>(delays);
                live.forEach(Subscriber::close);
                fromZero.forEach(Subscriber::close);

                System.out.printf("%nFEED BENCHMARK (%d subscribers, %d writes/s, %d events stored before;"
                                + " %d of them reconnect from position 0; catch-up rate %s)%n", SUBSCRIBERS,
                        WRITES_PER_SECOND, STORED, CATCHING_UP,
                        CATCH_UP_RATE == 0 ? "not limited" : CATCH_UP_RATE + " events/s");
                System.out.printf("public reads, quiet:                  p50 %6.1f ms  p99 %6.1f ms  (%d reads)%n",
                        p(quiet, 50), p(quiet, 99), quiet.size());
                System.out.printf("public reads, %4d live subscribers:   p50 %6.1f ms  p99 %6.1f ms  (%d reads)"
                                + "  ratio to quiet p50 %.2f  p99 %.2f%n", SUBSCRIBERS, p(withLive, 50),
                        p(withLive, 99), withLive.size(), p(withLive, 50) / p(quiet, 50),
                        p(withLive, 99) / p(quiet, 99));
                System.out.printf("public reads, %4d catching up from 0: p50 %6.1f ms  p99 %6.1f ms  (%d reads)"
                                + "  ratio to quiet p50 %.2f  p99 %.2f%n", CATCHING_UP, p(withCatchUp, 50),
                        p(withCatchUp, 99), withCatchUp.size(), p(withCatchUp, 50) / p(quiet, 50),
                        p(withCatchUp, 99) / p(quiet, 99));
                System.out.printf("write-to-subscriber delay, live:          p50 %6.1f ms  p99 %6.1f ms  (%d deliveries)%n",
                        p(liveDelays, 50), p(liveDelays, 99), liveDelays.size());
                System.out.printf("write-to-subscriber delay, live, during catch-up: p50 %6.1f ms  p99 %6.1f ms  (%d deliveries)%n",
                        p(catchUpDelays, 50), p(catchUpDelays, 99), catchUpDelays.size());
                long caughtUp = fromZero.stream().filter(z -> z.received.get() >= STORED).count();
                long failed = fromZero.stream().filter(z -> z.failure != null).count();
                System.out.printf("catch-up of %d subscribers over %d events: %s (%d caught up, %d connections failed%s)%n",
                        CATCHING_UP, STORED, caughtUpAfter < 0 ? "not within 5 min" : caughtUpAfter + " ms", caughtUp,
                        failed, failed == 0 ? "" : ": " + fromZero.stream().filter(z -> z.failure != null)
                                .map(z -> z.failure.toString()).distinct().limit(3).toList());
                System.out.printf("query-service resident memory at the end: %s%n", MemoryUse.describe(Path.of("/nonexistent"), List.of(query.process())));
            } finally {
                query.stop();
                command.stop();
            }
        }
    }

    private static void seed(ServiceProcess command) throws Exception {
        LocalDate first = LocalDate.of(2000, 1, 2);
        for (int done = 0; done < STORED; ) {
            int size = Math.min(1000, STORED - done);
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < size; i++) {
                int n = done + i;
                items.append(i == 0 ? "" : ",").append("""
                        {"reportId":"seed-%d","asOf":"%s","figures":[{"category":"PERSONNEL","value":%d}],
                         "source":{"outlet":"bench","url":"https://example.org","publishedAt":"2025-01-01T00:00:00Z"}}"""
                        .formatted(n, first.plusDays(n), 1000 + n));
            }
            HttpResponse<String> response = post(command.url() + "/api/conflicts/bench/loss-reports/batch", """
                    {"side":"RU","claimant":"Seed","basis":"CUMULATIVE","reports":[%s]}""".formatted(items));
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("seeding failed: " + response.statusCode() + " " + response.body());
            }
            done += size;
        }
    }

    /** Waits until the seed is projected; answers the event store's head for the live subscribers. */
    private static long awaitVisible(ServiceProcess query, String read) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        Subscriber probe = Subscriber.open(query.url() + "/api/feed", null);
        while (probe.received.get() < STORED + 1 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long head = probe.last;
        probe.close();
        get(read, null);
        return head;
    }

    /** Public reads for that many seconds, one after the other from two clients: their latencies in ms. */
    private static List<Double> reads(String url, int seconds) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        for (int c = 0; c < 2; c++) {
            clients.submit(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    get(url, null);
                    latencies.add((System.nanoTime() - start) / 1e6);
                    Thread.sleep(20);
                }
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return new ArrayList<>(latencies);
    }

    private static void awaitOpen(List<Subscriber> subscribers) throws InterruptedException {
        for (Subscriber subscriber : subscribers) {
            subscriber.opened.await(60, TimeUnit.SECONDS);
        }
    }

    static double p(List<Double> values, int percentile) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN
                : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private void received(String data) {
        Matcher report = REPORT.matcher(data);
        if (measuring.get() && report.find()) {
            Long ack = acknowledged.get(Integer.parseInt(report.group(1)));
            if (ack != null) {
                delays.add(Math.max(0, System.nanoTime() - ack) / 1e6);
            }
        }
    }

    /** One SSE client, reading lines as they come without a thread of its own. */
    private static final class Subscriber implements Flow.Subscriber<String> {
        final CountDownLatch opened = new CountDownLatch(1);
        final AtomicInteger received = new AtomicInteger();
        /** Whether the connection failed or was refused (then it receives nothing more). */
        volatile Throwable failure;
        final FeedBenchmark bench;
        volatile long last;
        private volatile Flow.Subscription subscription;

        private Subscriber(FeedBenchmark bench) {
            this.bench = bench;
        }

        static Subscriber open(String url, FeedBenchmark bench) {
            Subscriber subscriber = new Subscriber(bench);
            HTTP.sendAsync(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.fromLineSubscriber(subscriber));
            return subscriber;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            opened.countDown();
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("id:")) {
                last = Long.parseLong(line.substring(3).trim());
            } else if (line.startsWith("data:")) {
                received.incrementAndGet();
                if (bench != null) {
                    bench.received(line);
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            failure = throwable;
            opened.countDown();
        }

        @Override
        public void onComplete() {
        }

        void close() {
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }

    /** Loss reports at a steady rate on a ledger of their own, each acknowledgement's time kept. */
    private final class Writer {
        private final ServiceProcess command;
        private final java.util.concurrent.ScheduledExecutorService pace =
                Executors.newSingleThreadScheduledExecutor();
        private final AtomicInteger next = new AtomicInteger();

        Writer(ServiceProcess command) {
            this.command = command;
        }

        void start() {
            LocalDate first = LocalDate.of(2000, 1, 2);
            pace.scheduleAtFixedRate(() -> {
                int n = next.getAndIncrement();
                try {
                    HttpResponse<String> response = post(command.url() + "/api/conflicts/bench/loss-reports", """
                            {"reportId":"live-%d","side":"RU","claimant":"Live","asOf":"%s",
                             "figures":[{"category":"PERSONNEL","value":%d}],
                             "source":{"outlet":"bench","url":"https://example.org","publishedAt":"2025-01-01T00:00:00Z"}}"""
                            .formatted(n, first.plusDays(n), 1000 + n));
                    if (response.statusCode() == 201) {
                        acknowledged.put(n, System.nanoTime());
                    }
                } catch (Exception e) {
                    // counted as not acknowledged
                }
            }, 0, 1000 / WRITES_PER_SECOND, TimeUnit.MILLISECONDS);
        }

        void stop() throws InterruptedException {
            pace.shutdown();
            pace.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", AUTH).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String get(String url, String unused) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
