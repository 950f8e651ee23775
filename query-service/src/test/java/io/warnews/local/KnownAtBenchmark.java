package io.warnews.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warnews.query.QueryServiceApplication;
import io.warnews.query.conflicts.Conflict;
import io.warnews.query.conflicts.Conflicts;
import io.warnews.query.losses.LossReadModel;
import io.warnews.query.processing.StreamPositions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * "As known at" for losses, with both shipped datasets imported and a long history of corrections
 * on top: the bitemporal read (one indexed query per call) against, as the baseline in the same
 * run, the replay it replaced (the ledgers' events stored up to the instant read from the event
 * store and projected into temporary tables, per call). Run with {@code mvn -Pbench verify};
 * prints p50 and p99 of each and their ratio, asserts nothing.
 */
class KnownAtBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path COMMAND_JAR = Path.of("../command-service/target/command-service-exec.jar");
    private static final String CONFLICT = "russia-ukraine";
    private static final String MINISTRY = "Ministry of Defence of Ukraine";
    private static final List<String> LEDGERS = List.of(CONFLICT + "/losses/RU/ministry-of-defence-of-ukraine",
            CONFLICT + "/losses/RU/ministry-of-defence-of-ukraine-orc-losses-transcription");
    private static final int CORRECTION_ROUNDS = Integer.getInteger("bench.correctionRounds", 2);
    private static final int CALLS = Integer.getInteger("bench.calls", 200);
    private static final int BASELINE_CALLS = Integer.getInteger("bench.baselineCalls", 20);

    @Test
    void knownAtForLosses() throws Exception {
        Path logs = Files.createTempDirectory("known-at-bench");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            LocalDatabase.prepare(postgres.getPostgresDatabase(), "knownat");
            String jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/knownat";
            ServiceProcess command = ServiceProcess.start(COMMAND_JAR, "command-service", logs,
                    ServiceProcess.freePort(), jdbcUrl, LocalDatabase.COMMAND_ROLE, List.of())
                    .awaitHealthy(Duration.ofMinutes(2));
            try (ConfigurableApplicationContext query = new SpringApplicationBuilder(QueryServiceApplication.class)
                    .profiles("local").run("--server.port=0", "--spring.datasource.url=" + jdbcUrl,
                            "--spring.datasource.username=" + LocalDatabase.QUERY_ROLE,
                            "--spring.datasource.password=" + LocalDatabase.QUERY_ROLE)) {
                String queryUrl = "http://localhost:" + ((WebServerApplicationContext) query).getWebServer().getPort();
                importBothDatasets(command.url());
                Instant start = Instant.now(); // known-at instants fall in the history of corrections
                String last = correctRepeatedly(command.url());
                Instant end = Instant.now();
                awaitProjected(queryUrl, last);
                long events = LEDGERS.stream().mapToLong(ledger -> query.getBean(EventStore.class)
                        .readEvents(ledger, 0L).asStream().count()).sum();

                Random random = new Random(7);
                List<Instant> instants = new ArrayList<>();
                for (int i = 0; i < CALLS; i++) {
                    instants.add(start.plusMillis((long) (random.nextDouble()
                            * Duration.between(start, end).toMillis())));
                }
                for (int i = 0; i < 20; i++) {
                    get(knownAt(queryUrl, instants.get(i)), true);
                }
                long[] bitemporal = new long[CALLS];
                for (int i = 0; i < CALLS; i++) {
                    long t0 = System.nanoTime();
                    get(knownAt(queryUrl, instants.get(i)), true);
                    bitemporal[i] = System.nanoTime() - t0;
                }

                Replay replay = new Replay(query);
                replay.losses(end);
                long[] baseline = new long[BASELINE_CALLS];
                for (int i = 0; i < BASELINE_CALLS; i++) {
                    long t0 = System.nanoTime();
                    replay.losses(instants.get(i));
                    baseline[i] = System.nanoTime() - t0;
                }

                System.out.printf("%nKNOWN-AT BENCHMARK (losses of %s, both datasets and %d rounds of corrections:"
                        + " %,d events in the two ledgers)%n", CONFLICT, CORRECTION_ROUNDS, events);
                System.out.printf("bitemporal query over HTTP (%d calls): p50 %8.1f ms  p99 %8.1f ms%n", CALLS,
                        millis(bitemporal, 0.50), millis(bitemporal, 0.99));
                System.out.printf("replay per call, in process (%d calls): p50 %8.1f ms  p99 %8.1f ms%n",
                        BASELINE_CALLS, millis(baseline, 0.50), millis(baseline, 0.99));
                System.out.printf("ratio bitemporal/replay: p50 %.4f  p99 %.4f%n",
                        millis(bitemporal, 0.50) / millis(baseline, 0.50),
                        millis(bitemporal, 0.99) / millis(baseline, 0.99));
            } finally {
                command.stop();
            }
        }
    }

    /** Waits (10 s a read, 10 minutes at most) until the losses read model has the write {@code stream@version}. */
    private static void awaitProjected(String queryUrl, String streamVersion) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (true) {
            try {
                get(queryUrl + "/api/conflicts/" + CONFLICT + "/losses?waitMillis=10000&waitFor="
                        + URLEncoder.encode(streamVersion, StandardCharsets.UTF_8), false);
                return;
            } catch (IllegalStateException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
            }
        }
    }

    private static String knownAt(String queryUrl, Instant instant) {
        return queryUrl + "/api/audit/conflicts/" + CONFLICT + "/losses?side=RU&knownAt=" + instant;
    }

    private static double millis(long[] nanos, double quantile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static void importBothDatasets(String commandUrl) throws Exception {
        String javaBinary = ProcessHandle.current().info().command().orElse("java");
        Path log = Files.createTempFile("importer", ".log");
        Process importer = new ProcessBuilder(javaBinary, "-cp", COMMAND_JAR.toString(),
                "-Dloader.main=io.warnews.importer.Importer",
                "org.springframework.boot.loader.launch.PropertiesLauncher",
                "--url", commandUrl, "--user", "editor", "--password", "editor-dev-password", "--dataset", "both")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (importer.waitFor() != 0) {
            throw new IllegalStateException(Files.readString(log));
        }
    }

    /**
     * A long history of changes: each round corrects every day of the ministry's ledger (its tanks
     * one higher), the next one puts it back; 500 corrections a request. Answers the last write as
     * {@code stream@version}.
     */
    private static String correctRepeatedly(String commandUrl) throws Exception {
        Map<String, Map<String, Long>> file = RealDataEndToEndTest.ministrysFile();
        TreeMap<String, Map<String, Long>> byDay = new TreeMap<>();
        file.forEach((category, days) -> days.forEach((day, value) ->
                byDay.computeIfAbsent(day, d -> new TreeMap<>()).put(category, value)));
        String last = null;
        for (int round = 0; round < CORRECTION_ROUNDS; round++) {
            long shift = round % 2 == 0 ? 1 : 0;
            List<String> days = new ArrayList<>(byDay.keySet());
            for (int from = 0; from < days.size(); from += 500) {
                ObjectNode batch = JSON.createObjectNode().put("side", "RU").put("claimant", MINISTRY);
                ArrayNode corrections = batch.putArray("corrections");
                for (String day : days.subList(from, Math.min(days.size(), from + 500))) {
                    ObjectNode correction = corrections.addObject().put("reportId", "ua-mod-" + day)
                            .put("reason", "benchmark round " + round);
                    ArrayNode figures = correction.putArray("figures");
                    byDay.get(day).forEach((category, value) -> figures.addObject().put("category", category)
                            .put("value", value + (category.equals("TANKS") ? shift : 0))
                            .put("qualifier", category.equals("PERSONNEL") ? "ABOUT" : "EXACT"));
                }
                JsonNode answer = post(commandUrl + "/api/conflicts/" + CONFLICT + "/loss-reports/batch", batch);
                last = answer.path("streamId").asText() + "@" + answer.path("version").asLong();
            }
        }
        return last;
    }

    /**
     * The replay "as known at" used before the loss tables were bitemporal: per call, the
     * ledgers' events stored at or before the instant, from the event store, through the losses
     * projection into empty temporary copies of its tables, then the running totals read from them.
     */
    private static final class Replay {

        private final ConfigurableApplicationContext context;
        private final Conflict conflict;

        Replay(ConfigurableApplicationContext context) {
            this.context = context;
            this.conflict = context.getBean(Conflicts.class).require(CONFLICT);
        }

        Object losses(Instant knownAt) throws Exception {
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (String ledger : LEDGERS) {
                context.getBean(EventStore.class).readEvents(ledger, 0L).asStream()
                        .filter(event -> !event.getTimestamp().isAfter(knownAt)).forEach(events::add);
            }
            events.sort(Comparator.comparing(DomainEventMessage::getTimestamp));
            try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                connection.setAutoCommit(false);
                // the replay being measured takes seconds: the service's fail-fast timeouts are for requests
                connection.setNetworkTimeout(Runnable::run, 0);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL statement_timeout = 0");
                    for (String table : List.of("loss_report", "loss_figure", "loss_anomaly", "stream_position")) {
                        statement.execute("CREATE TEMP TABLE " + table + " (LIKE read_model." + table
                                + " INCLUDING ALL) ON COMMIT DROP");
                    }
                }
                NamedParameterJdbcTemplate copies = new NamedParameterJdbcTemplate(
                        new SingleConnectionDataSource(redirecting(connection), true));
                AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(
                        LossReadModel.projection(copies, new StreamPositions(copies)));
                for (DomainEventMessage<?> event : events) {
                    handlers.handle(event);
                }
                Object answer = LossReadModel.losses(copies, conflict, "RU", null);
                connection.rollback();
                return answer;
            }
        }

        private static Connection redirecting(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                            args[0] = sql.replace("read_model.", "pg_temp.");
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    private static JsonNode post(String url, JsonNode body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "editor:editor-dev-password".getBytes()))
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException(url + " " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static JsonNode get(String url, boolean auditor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(11));
        if (auditor) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    "auditor:auditor-dev-password".getBytes()));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
