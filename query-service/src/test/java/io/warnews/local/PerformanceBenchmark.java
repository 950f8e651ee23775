package io.warnews.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warnews.events.EventJson;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every figure of the write, import, rebuild and visibility paths in one run, each beside a
 * baseline measured in the same run on the same PostgreSQL (fsync on): plain JDBC writing rows of
 * the same size into a copy of the event table, or an ordered scan of the event table that
 * deserialises every payload. Both services run as processes of their own, as in production.
 * Run with {@code mvn -Pbench verify} (docs/benchmarks.md); prints one table and asserts nothing,
 * so a busy machine cannot fail a build: compare the ratios, not the absolute figures.
 *
 * <p>Sizes can be changed with system properties: {@code bench.seconds} (each single-report run),
 * {@code bench.rebuild-events} (synthetic reports added before the rebuild), {@code bench.visible-seconds};
 * {@code bench.only=rebuild} measures the rebuild line alone (after the warm-up's reports),
 * {@code bench.only=single} the single-report lines alone, {@code bench.only=batch} the batch line and
 * the read models' catch-up after the batches, {@code bench.only=ledger} the long and short ledgers'
 * next writes after a restart (after the batches that make the long ledger).
 */
class PerformanceBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String EDITOR = "Basic " + Base64.getEncoder().encodeToString(
            "editor:editor-dev-password".getBytes());
    private static final String AUDITOR = "Basic " + Base64.getEncoder().encodeToString(
            "auditor:auditor-dev-password".getBytes());
    private static final Path COMMAND_JAR = Path.of("../command-service/target/command-service-exec.jar");
    private static final Path QUERY_JAR = Path.of("target/query-service.jar");
    private static final int SECONDS = Integer.getInteger("bench.seconds", 8);
    private static final int WARM_UP = Integer.getInteger("bench.warm-up", 60);
    /**
     * After {@code bench.warm-up}, at most this many more seconds of warm-up writes, in rounds of
     * 10 s, until the JIT compilers of both services used under a tenth of a core in a round (0: no
     * more). On two cores the compilers were still busy after 60 s.
     */
    private static final int COMPILED_WITHIN = Integer.getInteger("bench.compiled-within", 300);
    private static final int BATCHES = Integer.getInteger("bench.batches", 10);
    private static final int REBUILD_EVENTS = Integer.getInteger("bench.rebuild-events", 200_000);
    private static final int VISIBLE_RATE = Integer.getInteger("bench.rate", 50);
    private static final int VISIBLE_SECONDS = Integer.getInteger("bench.visible-seconds", 20);
    /**
     * How write-to-visible sees a write: {@code poll} (one reader reads the series every 5 ms, about
     * 200 reads a second) or {@code wait} (after each acknowledged write, one read of the series
     * with {@code waitFor} set to the write's version, answered once the read model has it).
     */
    private static final String VISIBLE_PROBE = probe(System.getProperty("bench.visible-probe", "poll"));
    /** {@code rebuild}: only the rebuild line (after a few reports to copy), for comparing a change to the projections. */
    private static final String ONLY = System.getProperty("bench.only", "");
    /** {@code false}: the query-service is not started (only with {@code bench.only=single}), to see what the query side costs the writes. */
    private static final boolean QUERY_SERVICE = !"false".equals(System.getProperty("bench.query-service"));
    /**
     * {@code true}: PostgreSQL loads {@code pg_stat_statements}, and the batch line prints the
     * statements that took most of the database's time during the batches and the catch-up.
     */
    private static final boolean STATEMENTS = Boolean.getBoolean("bench.statements");
    private static final LocalDate FIRST_DAY = LocalDate.of(1980, 1, 2);

    private final List<String[]> table = new ArrayList<>();
    private final List<String> cpuPerEvent = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    @Test
    void everyFigureBesideItsBaseline() throws Exception {
        Path logs = Files.createTempDirectory("bench-logs");
        Path data = Files.createTempDirectory("bench-postgres");
        Instant started = Instant.now();
        EmbeddedPostgres.Builder database = EmbeddedPostgres.builder().setDataDirectory(data)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("shared_buffers", "128MB");
        if (STATEMENTS) {
            database.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        try (EmbeddedPostgres postgres = database.start()) {
            LocalDatabase.prepare(postgres.getPostgresDatabase(), "bench");
            DataSource admin = postgres.getDatabase("postgres", "bench");
            String jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/bench";
            ServiceProcess command = startCommand(logs, jdbcUrl, "command-service");
            ServiceProcess query = !QUERY_SERVICE ? null : ServiceProcess.start(QUERY_JAR, "query-service", logs, ServiceProcess.freePort(),
                    jdbcUrl, LocalDatabase.QUERY_ROLE, List.of()).awaitHealthy(Duration.ofMinutes(10));
            try {
                post(command.url() + "/api/conflicts", JSON.readTree("""
                        {"conflictId":"bench","name":"Benchmark","startDate":"1980-01-01",
                         "parties":[{"code":"RU","name":"Russia"},{"code":"UA","name":"Ukraine"}]}"""));
                singleReports(command, "warm-up", 8, WARM_UP);
                if (List.of("", "single", "batch", "visible").contains(ONLY)) {
                    untilCompiled(command, query);
                }
                Template template = template(admin);
                if (ONLY.equals("rebuild")) {
                    rebuildLine(admin, query, template);
                    memoryRows(data, command, query);
                    return;
                }
                if (ONLY.equals("ledger")) {
                    batchEndpoint(command, "Big ledger", BATCHES, 1000);
                    batchEndpoint(command, "Small ledger", 1, 10);
                    command.stop();
                    command = startCommand(logs, jdbcUrl, "command-service-restarted");
                    command = nextWriteRows(command, logs, jdbcUrl);
                    memoryRows(data, command, query);
                    return;
                }
                if (ONLY.equals("visible")) {
                    visibleRows(command, query);
                    idleRow(command, query, data);
                    memoryRows(data, command, query);
                    return;
                }
                createBaselineTable(admin);
                for (int clients : ONLY.equals("batch") ? List.<Integer>of() : List.of(1, 8, 32)) {
                    long[] before = cpuTicks(command, query, data);
                    Written project = singleReports(command, "s" + clients, clients, SECONDS);
                    long[] after = cpuTicks(command, query, data);
                    double baseline = rawRows(admin, template, "s" + clients, clients, SECONDS);
                    row("single reports, %d client%s, each to its own ledger".formatted(clients, clients == 1 ? "" : "s"),
                            rate(project.perSecond(), "events/s"), rate(baseline, "rows/s, one commit each"),
                            ratio(project.perSecond(), baseline));
                    cpuPerEvent.add("%d client%s: %s".formatted(clients, clients == 1 ? "" : "s",
                            cpuPerEvent(before, after, project.events())));
                }
                if (!cpuPerEvent.isEmpty()) {
                    row("CPU per single report: command-service / query-service / PostgreSQL",
                            String.join("; ", cpuPerEvent), "—", "—");
                }
                if (ONLY.equals("single")) {
                    return;
                }
                resetStatements(admin);
                long[] beforeBatches = cpuTicks(command, query, data);
                double batch = batchEndpoint(command, "Big ledger", BATCHES, 1000);
                double batchBaseline = rawBatches(admin, template, BATCHES, 1000);
                row("batch endpoint, 1,000 reports a request (%d requests, one ledger)".formatted(BATCHES),
                        rate(batch, "events/s"), rate(batchBaseline, "rows/s, 1,000 a commit"), ratio(batch, batchBaseline));
                batchEndpoint(command, "Small ledger", 1, 10);
                // Write-to-visible is the steady state: the backlog of the batches is applied first.
                double catchUp = secondsUntilCaughtUp(query);
                // The snapshots the batches triggered are taken on a thread of their own, after the answers.
                Thread.sleep(2_000);
                row("CPU per batched report (the batches, the read models' catch-up and the snapshots):"
                                + " command-service / query-service / PostgreSQL",
                        cpuPerEvent(beforeBatches, cpuTicks(command, query, data), (long) BATCHES * 1000 + 10, "%.2f"),
                        "—", "—");
                printStatements(admin, "batches and catch-up");
                if (ONLY.equals("batch")) {
                    row("read models caught up with the batches, after the last one", "%.1f s".formatted(catchUp),
                            "—", "—");
                    return;
                }
                notes.add("the read models applied the batches' backlog %.1f s after the last batch".formatted(catchUp));
                visibleRows(command, query);

                idleRow(command, query, data);

                ImportRun imported = importer(command, logs);
                row("both shipped datasets through the importer (%,d events)".formatted(imported.events()),
                        "%.1f s".formatted(imported.seconds()), "—", "—");

                command.stop();
                command = startCommand(logs, jdbcUrl, "command-service-restarted");
                command = nextWriteRows(command, logs, jdbcUrl);

                rebuildLine(admin, query, template);
                memoryRows(data, command, query);
            } finally {
                command.stop();
                if (query != null) {
                    query.stop();
                }
                print(started);
            }
        }
    }

    /**
     * The next-write lines after a restart, as shipped (health waits for the ledger warm-up); then,
     * after one more restart without the warm-up, the cold line again: what a long ledger that is
     * not among the ones read ahead costs its first write. Answers the command-service restarted once
     * more as shipped, for the lines that follow.
     */
    private ServiceProcess nextWriteRows(ServiceProcess command, Path logs, String jdbcUrl) throws Exception {
        double[] nextWrite = nextWrites(command, 0);
        row("%,d-report ledger's next write, cold (after a restart)".formatted(BATCHES * 1000), ms(nextWrite[0]),
                ms(nextWrite[1]) + " (10-report ledger)", ratio(nextWrite[0], nextWrite[1]));
        row("%,d-report ledger's next write, warm (median of 10)".formatted(BATCHES * 1000), ms(nextWrite[2]),
                ms(nextWrite[3]) + " (10-report ledger)", ratio(nextWrite[2], nextWrite[3]));
        notes.add("the restarted command-service answered its health 200 %.1f s after it was started".formatted(
                command.secondsToHealthy()));
        command.stop();
        ServiceProcess unwarmed = ServiceProcess.start(COMMAND_JAR, "command-service-no-warm-up", logs,
                ServiceProcess.freePort(), jdbcUrl, LocalDatabase.COMMAND_ROLE,
                List.of("--warnews.aggregate-cache.warm-up.ledgers=0")).awaitHealthy(Duration.ofMinutes(10));
        double[] withoutWarmUp = nextWrites(unwarmed, 100);
        row("%,d-report ledger's next write, cold, without the warm-up (LEDGER_WARM_UP=0)".formatted(BATCHES * 1000),
                ms(withoutWarmUp[0]), ms(withoutWarmUp[1]) + " (10-report ledger)",
                ratio(withoutWarmUp[0], withoutWarmUp[1]));
        notes.add(("without the warm-up, the restarted command-service answered its health 200 %.1f s after it"
                + " was started").formatted(unwarmed.secondsToHealthy()));
        // the lines after these (rebuild, memory) measure the service as shipped
        unwarmed.stop();
        return startCommand(logs, jdbcUrl, "command-service-as-shipped");
    }

    private void idleRow(ServiceProcess command, ServiceProcess query, Path data) throws Exception {
        Thread.sleep(3000);
        double[] idle = idleCpu(command, query, data, 10);
        row("idle for 10 s: CPU of query-service / command-service / PostgreSQL",
                "%.1f %% / %.1f %% / %.1f %% of a core".formatted(idle[0], idle[1], idle[2]), "—", "—");
    }

    private void visibleRows(ServiceProcess command, ServiceProcess query) throws Exception {
        double[] visible = writeToVisible(command, query);
        row("write-to-visible at %d writes/s, p50 (query-service running%s)".formatted(VISIBLE_RATE,
                        VISIBLE_PROBE.equals("wait") ? "; seen through waitFor" : ""),
                ms(visible[0]), "—", "—");
        row("write-to-visible at %d writes/s, p99".formatted(VISIBLE_RATE), ms(visible[1]), "—", "—");
        row("single report's answer at %d writes/s, p50 / p99".formatted(VISIBLE_RATE),
                ms(visible[2]) + " / " + ms(visible[3]), "—", "—");
    }

    /** The resident memory of each service, and of the whole backend, at the end of the run. */
    private void memoryRows(Path data, ServiceProcess command, ServiceProcess query) {
        row("resident memory at the end: command-service", mib(rssKb(command.process().pid())), "—", "—");
        row("resident memory at the end: query-service", mib(rssKb(query.process().pid())), "—", "—");
        row("the whole backend at the end (proportional set size)",
                MemoryUse.describe(data, List.of(command.process(), query.process())), "—", "—");
    }

    private static ServiceProcess startCommand(Path logs, String jdbcUrl, String name) throws Exception {
        return ServiceProcess.start(COMMAND_JAR, name, logs, ServiceProcess.freePort(), jdbcUrl,
                LocalDatabase.COMMAND_ROLE, List.of()).awaitHealthy(Duration.ofMinutes(10));
    }

    // --- single reports ---------------------------------------------------------------------------

    /** Reports acknowledged in so many seconds. */
    private record Written(long events, double seconds) {

        double perSecond() {
            return events / seconds;
        }
    }

    /** {@code clients} threads, each writing one report at a time to a ledger of its own. */
    private Written singleReports(ServiceProcess command, String prefix, int clients, int seconds) throws Exception {
        AtomicLong written = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.submit(() -> {
                for (int n = 0; System.nanoTime() < end; n++) {
                    try {
                        HttpResponse<String> response = send(command.url() + "/api/conflicts/bench/loss-reports",
                                singleReport(prefix + "-" + client, prefix + "-" + client + "-" + n, n, 1000 + n));
                        if (response.statusCode() == 201) {
                            written.incrementAndGet();
                        } else {
                            failures.add(response.statusCode() + " " + response.body());
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            });
        }
        threads.shutdown();
        threads.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        noteFailures("single reports " + prefix, failures);
        return new Written(written.get(), elapsed);
    }

    /**
     * Warm-up writes (8 clients) in rounds of 10 s until, in one round, the JIT compiler threads of
     * each service used under a tenth of a core, or {@code COMPILED_WITHIN} seconds have passed: the
     * lines after it then measure compiled code rather than the compilers competing for the cores.
     */
    private void untilCompiled(ServiceProcess command, ServiceProcess query) throws Exception {
        long start = System.nanoTime();
        for (int round = 1; ; round++) {
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] before = {compilerTicks(command.process().pid()), query == null ? 0 : compilerTicks(query.process().pid())};
            long roundStart = System.nanoTime();
            if (seconds >= COMPILED_WITHIN) {
                notes.add("warm-up: the JIT compilers were still busy after %d s more than bench.warm-up".formatted(
                        COMPILED_WITHIN));
                return;
            }
            singleReports(command, "warm-up-" + round, 8, 10);
            double elapsed = (System.nanoTime() - roundStart) / 1e9;
            double commandShare = (compilerTicks(command.process().pid()) - before[0]) / 100.0 / elapsed;
            double queryShare = query == null ? 0 : (compilerTicks(query.process().pid()) - before[1]) / 100.0 / elapsed;
            if (commandShare < 0.1 && queryShare < 0.1) {
                notes.add(("warm-up: %d s (bench.warm-up) and %.0f s more until the JIT compilers used under a tenth"
                        + " of a core (last 10 s: command-service %.2f, query-service %.2f of a core)").formatted(
                        WARM_UP, (System.nanoTime() - start) / 1e9, commandShare, queryShare));
                return;
            }
        }
    }

    /** CPU time of the process's JIT compiler threads (C1 and C2), in clock ticks (1/100 s). */
    private static long compilerTicks(long pid) {
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return tasks.mapToLong(task -> {
                try {
                    if (!Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        return 0;
                    }
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException | RuntimeException gone) {
                    return 0;
                }
            }).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String singleReport(String claimant, String reportId, int day, long value) {
        return """
                {"reportId":"%s","side":"RU","claimant":"%s","asOf":"%s",
                 "figures":[{"category":"PERSONNEL","value":%d}],
                 "source":{"outlet":"bench","url":"https://example.org","publishedAt":"2025-01-01T00:00:00Z"}}"""
                .formatted(reportId, claimant, FIRST_DAY.plusDays(day), value);
    }

    // --- batch endpoint ---------------------------------------------------------------------------

    /** {@code requests} batches of {@code size} reports to one ledger, one after another; answers events/s. */
    private double batchEndpoint(ServiceProcess command, String claimant, int requests, int size) throws Exception {
        long start = System.nanoTime();
        for (int r = 0; r < requests; r++) {
            ObjectNode batch = JSON.createObjectNode().put("side", "RU").put("claimant", claimant);
            ArrayNode reports = batch.putArray("reports");
            for (int i = 0; i < size; i++) {
                int day = r * size + i;
                ObjectNode report = reports.addObject().put("reportId", reportId(claimant, day))
                        .put("asOf", FIRST_DAY.plusDays(day).toString());
                ArrayNode figures = report.putArray("figures");
                for (String category : List.of("PERSONNEL", "TANKS", "ARTILLERY", "UAVS")) {
                    figures.addObject().put("category", category).put("value", 1000L + day);
                }
                report.putObject("source").put("outlet", "bench").put("url", "https://example.org")
                        .put("publishedAt", "2025-01-01T00:00:00Z");
            }
            post(command.url() + "/api/conflicts/bench/loss-reports/batch", batch);
        }
        return (double) requests * size / ((System.nanoTime() - start) / 1e9);
    }

    private static String reportId(String claimant, int day) {
        return claimant.replace(' ', '-') + "-" + day;
    }

    // --- raw JDBC baselines -----------------------------------------------------------------------

    /** A report event as the command-service stored it: the baseline writes rows of this size. */
    private record Template(String type, String timeStamp, String payloadType, String payloadRevision, String payload,
                            String metaData) {
    }

    private static Template template(DataSource admin) throws SQLException {
        try (Connection connection = admin.getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("""
                     SELECT type, time_stamp, payload_type, payload_revision, payload, meta_data
                     FROM event_store.domain_event_entry WHERE payload_type LIKE '%LossesReported'
                     ORDER BY global_index DESC LIMIT 1""")) {
            if (!row.next()) {
                throw new IllegalStateException("no report recorded");
            }
            return new Template(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                    row.getString(5), row.getString(6));
        }
    }

    /** With {@code bench.statements}: the statistics start again from here. */
    private static void resetStatements(DataSource admin) throws SQLException {
        if (STATEMENTS) {
            try (Connection connection = admin.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                sql.execute("SELECT pg_stat_statements_reset()");
            }
        }
    }

    /** With {@code bench.statements}: the 20 statements that took the most time since the reset, with calls and rows. */
    private static void printStatements(DataSource admin, String title) throws SQLException {
        if (!STATEMENTS) {
            return;
        }
        System.out.println("bench: statements by time, " + title + " (ms total | calls | rows | ms a call | query)");
        try (Connection connection = admin.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("""
                     SELECT total_exec_time, calls, rows, mean_exec_time, regexp_replace(query, '\\s+', ' ', 'g')
                     FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 20""")) {
            while (rows.next()) {
                String query = rows.getString(5);
                System.out.printf("bench:   %,10.1f | %,8d | %,9d | %8.3f | %s%n", rows.getDouble(1), rows.getLong(2),
                        rows.getLong(3), rows.getDouble(4), query.length() > 160 ? query.substring(0, 160) : query);
            }
        }
    }

    private static void createBaselineTable(DataSource admin) throws SQLException {
        try (Connection connection = admin.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE SCHEMA baseline");
            sql.execute("CREATE TABLE baseline.domain_event_entry (LIKE event_store.domain_event_entry INCLUDING ALL)");
            // LIKE copies the column's default, nextval of the event store's own sequence: the baseline's
            // rows would then leave gaps of tens of thousands in the store's global index, which every
            // tracking token of the query-service would carry (and its heap fill with). A sequence of its own.
            sql.execute("CREATE SEQUENCE baseline.global_index_seq");
            sql.execute("ALTER TABLE baseline.domain_event_entry ALTER COLUMN global_index"
                    + " SET DEFAULT nextval('baseline.global_index_seq')");
        }
    }

    private static final String INSERT = """
            INSERT INTO baseline.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                time_stamp, payload_type, payload_revision, payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static void bind(PreparedStatement insert, Template template, String stream, long sequence)
            throws SQLException {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, stream);
        insert.setLong(3, sequence);
        insert.setString(4, template.type());
        insert.setString(5, template.timeStamp());
        insert.setString(6, template.payloadType());
        insert.setString(7, template.payloadRevision());
        insert.setString(8, template.payload());
        insert.setString(9, template.metaData());
    }

    /** {@code clients} connections, each inserting one row a commit into a stream of its own; rows/s. */
    private double rawRows(DataSource admin, Template template, String prefix, int clients, int seconds)
            throws Exception {
        AtomicLong written = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        CountDownLatch connected = new CountDownLatch(clients);
        long[] start = new long[1];
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.submit(() -> {
                try (Connection connection = admin.getConnection();
                     PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    connected.countDown();
                    connected.await();
                    for (long n = 0; System.nanoTime() < end; n++) {
                        bind(insert, template, "baseline-" + prefix + "-" + client, n);
                        insert.executeUpdate();
                        written.incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                }
                return null;
            });
        }
        connected.await();
        start[0] = System.nanoTime();
        threads.shutdown();
        threads.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        noteFailures("raw rows " + prefix, failures);
        return written.get() / ((System.nanoTime() - start[0]) / 1e9);
    }

    /** {@code commits} transactions of {@code size} rows each (a JDBC batch), one stream; rows/s. */
    private static double rawBatches(DataSource admin, Template template, int commits, int size) throws SQLException {
        try (Connection connection = admin.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            long sequence = 0;
            for (int c = 0; c < commits; c++) {
                for (int i = 0; i < size; i++) {
                    bind(insert, template, "baseline-batch", sequence++);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            }
            return (double) commits * size / ((System.nanoTime() - start) / 1e9);
        }
    }

    // --- write-to-visible -------------------------------------------------------------------------

    /**
     * A steady {@code VISIBLE_RATE} writes a second to one ledger for a warm-up and then
     * {@code VISIBLE_SECONDS}; one reader polls the series as a client would. Answers the p50 and p99
     * of write-acknowledged-to-visible and of the write's own answer, in ms.
     */
    private double[] writeToVisible(ServiceProcess command, ServiceProcess query) throws Exception {
        String claimant = "Visible";
        int warmUp = VISIBLE_RATE * 5;
        int writes = VISIBLE_RATE * (5 + VISIBLE_SECONDS);
        long[] acknowledged = new long[writes];
        long[] visible = new long[writes];
        List<Double> answerMs = java.util.Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        String series = query.url() + "/api/conflicts/bench/losses/RU/PERSONNEL/series?claimant=" + claimant;
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        ExecutorService workers = Executors.newFixedThreadPool(8);
        long periodMicros = 1_000_000L / VISIBLE_RATE;
        for (int i = 0; i < writes; i++) {
            int n = i;
            pace.schedule(() -> workers.submit(() -> {
                try {
                    long start = System.nanoTime();
                    HttpResponse<String> response = send(command.url() + "/api/conflicts/bench/loss-reports",
                            singleReport(claimant, "visible-" + n, n, 1000 + n));
                    long now = System.nanoTime();
                    if (response.statusCode() != 201) {
                        failures.add(response.statusCode() + " " + response.body());
                        return;
                    }
                    if (n >= warmUp) {
                        answerMs.add((now - start) / 1e6);
                    }
                    synchronized (acknowledged) {
                        acknowledged[n] = now;
                    }
                    if (VISIBLE_PROBE.equals("wait")) {
                        JsonNode written = JSON.readTree(response.body());
                        String waitFor = written.path("streamId").asText() + "@" + written.path("version").asLong();
                        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(series + "&from="
                                + FIRST_DAY.plusDays(n) + "&waitFor=" + URLEncoder.encode(waitFor,
                                StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
                        long seenAt = System.nanoTime();
                        if (read.statusCode() == 200 && read.body().contains("\"visible-" + n + "\"")) {
                            synchronized (acknowledged) {
                                visible[n] = seenAt;
                            }
                        } else {
                            failures.add("waitFor read of write " + n + ": " + read.statusCode() + " " + read.body());
                        }
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }), n * periodMicros, TimeUnit.MICROSECONDS);
        }
        int seen = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5 + VISIBLE_SECONDS + 30L);
        while (VISIBLE_PROBE.equals("poll") && seen < writes - 1 && System.nanoTime() < deadline) {
            JsonNode points = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(series + "&from="
                            + FIRST_DAY.plusDays(Math.max(seen, 0)))).build(), HttpResponse.BodyHandlers.ofString())
                    .body()).path("points");
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
            Thread.sleep(5);
        }
        pace.shutdown();
        pace.awaitTermination(60, TimeUnit.SECONDS);
        workers.shutdown();
        workers.awaitTermination(120, TimeUnit.SECONDS);
        List<Double> visibleMs = new ArrayList<>();
        for (int n = warmUp; n < writes; n++) {
            if (acknowledged[n] != 0 && visible[n] != 0) {
                visibleMs.add(Math.max(0, visible[n] - acknowledged[n]) / 1e6);
            } else if (acknowledged[n] != 0) {
                failures.add("write " + n + " not visible within the run");
            }
        }
        noteFailures("write-to-visible", failures);
        return new double[]{percentile(visibleMs, 50), percentile(visibleMs, 99), percentile(answerMs, 50),
                percentile(answerMs, 99)};
    }

    private static String probe(String value) {
        if (!List.of("poll", "wait").contains(value)) {
            throw new IllegalArgumentException("bench.visible-probe is 'poll' or 'wait', not '" + value + "'");
        }
        return value;
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN
                : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    // --- importer ---------------------------------------------------------------------------------

    private record ImportRun(double seconds, long events) {
    }

    private ImportRun importer(ServiceProcess command, Path logs) throws Exception {
        Path log = logs.resolve("importer.log");
        String javaBinary = ProcessHandle.current().info().command().orElse("java");
        Process importer = new ProcessBuilder(javaBinary, "-cp", COMMAND_JAR.toString(),
                "-Dloader.main=io.warnews.importer.Importer",
                "org.springframework.boot.loader.launch.PropertiesLauncher",
                "--url", command.url(), "--dataset", "both", "--batch-size", "1000")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (importer.waitFor() != 0) {
            throw new IllegalStateException(Files.readString(log));
        }
        List<String> lines = Files.readAllLines(log);
        String summary = lines.get(lines.size() - 1);
        Matcher matcher = Pattern.compile("([\\d,]+) events in ([\\d.]+) s").matcher(summary);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected importer summary: " + summary);
        }
        notes.add("importer: " + summary);
        return new ImportRun(Double.parseDouble(matcher.group(2)), Long.parseLong(matcher.group(1).replace(",", "")));
    }

    // --- next write of a long and a short ledger --------------------------------------------------

    /**
     * After a restart: one write to a third ledger (the service's own warm-up), then the first write to
     * the 10-report and the 10,000-report ledger (cold), then ten more to each, alternating (warm).
     * Answers cold big, cold small, warm big (median), warm small (median), in ms. {@code days} moves
     * the reports' days on, so that a second round records new reports (not retries).
     */
    private double[] nextWrites(ServiceProcess command, int days) throws Exception {
        String url = command.url() + "/api/conflicts/bench/loss-reports";
        expectCreated(send(url, singleReport("Restart", "restart-" + days, days, 1000)));
        int bigDay = BATCHES * 1000 + days;
        int smallDay = 10 + days;
        double coldSmall = timed(url, singleReport("Small ledger", reportId("Small ledger", smallDay), smallDay,
                1000 + smallDay));
        double coldBig = timed(url, singleReport("Big ledger", reportId("Big ledger", bigDay), bigDay, 1000 + bigDay));
        List<Double> warmBig = new ArrayList<>();
        List<Double> warmSmall = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            int big = bigDay + i;
            int small = smallDay + i;
            warmBig.add(timed(url, singleReport("Big ledger", reportId("Big ledger", big), big, 1000 + big)));
            warmSmall.add(timed(url, singleReport("Small ledger", reportId("Small ledger", small), small, 1000 + small)));
        }
        return new double[]{coldBig, coldSmall, percentile(warmBig, 50), percentile(warmSmall, 50)};
    }

    private static double timed(String url, String body) throws Exception {
        long start = System.nanoTime();
        expectCreated(send(url, body));
        return (System.nanoTime() - start) / 1e6;
    }

    // --- rebuild ----------------------------------------------------------------------------------

    /**
     * Copies of a recorded report, each a report of its own (ledgers of 1,000 reports), written straight
     * into the event store: the rebuild then has many events without the write path's time. Answers the
     * number of events in the store.
     */
    private static long addSyntheticReports(DataSource admin, Template template, int count) throws SQLException {
        try (Connection connection = admin.getConnection()) {
            connection.setAutoCommit(false);
            for (int from = 0; from < count; from += 50_000) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO event_store.domain_event_entry (event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        SELECT gen_random_uuid()::text, ledger, g % 1000, ?, ?, ?, ?,
                               jsonb_set(jsonb_set(jsonb_set(jsonb_set(?::jsonb,
                                   '{ledgerId}', to_jsonb(ledger)),
                                   '{claimant}', to_jsonb('Synthetic ' || (g / 1000))),
                                   '{reportId}', to_jsonb('synthetic-' || g)),
                                   '{asOf}', to_jsonb(to_char(DATE '2000-01-01' + (g % 1000), 'YYYY-MM-DD')))::text,
                               ?
                        FROM generate_series(?, ?) g, LATERAL (SELECT 'synthetic-ledger-' || (g / 1000) AS ledger) l
                        ORDER BY g""")) {
                    insert.setString(1, template.type());
                    insert.setString(2, template.timeStamp());
                    insert.setString(3, template.payloadType());
                    insert.setString(4, template.payloadRevision());
                    insert.setString(5, template.payload());
                    insert.setString(6, template.metaData());
                    insert.setInt(7, from);
                    insert.setInt(8, Math.min(count, from + 50_000) - 1);
                    insert.executeUpdate();
                }
                connection.commit();
            }
            try (Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT count(*) FROM event_store.domain_event_entry")) {
                rows.next();
                connection.commit();
                return rows.getLong(1);
            }
        }
    }

    private void rebuildLine(DataSource admin, ServiceProcess query, Template template) throws Exception {
        long events = addSyntheticReports(admin, template, REBUILD_EVENTS);
        double rebuild = rebuild(query, events);
        double scan = scanAndDeserialise(admin);
        row("rebuild of the losses read model, %,d events".formatted(events), rate(rebuild, "events/s"),
                rate(scan, "events/s, ordered scan + deserialise"), ratio(rebuild, scan));
        if (replaySeconds > 0) {
            double replay = events / replaySeconds;
            row("its replay alone (first event to the swap, indexes built, without the comparison)", rate(replay, "events/s"),
                    rate(scan, "events/s, ordered scan + deserialise"), ratio(replay, scan));
        }
    }

    /** Seconds from the start of the rebuild's replay to its swap (0: not seen). */
    private double replaySeconds;

    /** Waits until the losses read model has caught up, rebuilds it, and answers events/s of the rebuild. */
    private double rebuild(ServiceProcess query, long events) throws Exception {
        String projection = query.url() + "/api/audit/projections/losses";
        long catchUp = System.nanoTime();
        awaitState(projection, null, Duration.ofMinutes(20));
        notes.add("live processing caught up with the %,d events in %.1f s".formatted(events,
                (System.nanoTime() - catchUp) / 1e9));
        awaitEveryProjection(query.url() + "/api/audit/projections", Duration.ofMinutes(20));
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(projection + "/rebuild"))
                .header("Authorization", AUDITOR).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException(started.statusCode() + " " + started.body());
        }
        long replaying = 0;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(projection))
                    .header("Authorization", AUDITOR).build(), HttpResponse.BodyHandlers.ofString()).body());
            String state = status.at("/lastRebuild/state").asText();
            if (replaying == 0 && state.equals("REPLAYING")) {
                replaying = System.nanoTime();
            }
            if (!state.equals("STARTED") && !state.equals("REPLAYING")) {
                replaySeconds = replaying == 0 ? 0 : (System.nanoTime() - replaying) / 1e9;
                break;
            }
            Thread.sleep(100);
        }
        JsonNode rebuild = awaitState(projection, "VERIFIED", Duration.ofMinutes(30));
        double seconds = Duration.between(Instant.parse(rebuild.path("startedAt").asText()),
                Instant.parse(rebuild.path("finishedAt").asText())).toMillis() / 1000.0;
        notes.add("rebuild of the losses read model: %.1f s, of which the replay %.1f s".formatted(seconds,
                replaySeconds));
        return events / seconds;
    }

    /** Waits until every read model has caught up, so that the rebuild does not share the machine with their catch-up. */
    /** Seconds until every processing group has applied the event store's head. */
    private static double secondsUntilCaughtUp(ServiceProcess query) throws Exception {
        long start = System.nanoTime();
        for (String group : List.of("conflicts", "losses", "attacks", "talks", "timeline")) {
            awaitState(query.url() + "/api/audit/projections/" + group, null, Duration.ofMinutes(20));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void awaitEveryProjection(String projections, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode all = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(projections))
                    .header("Authorization", AUDITOR).build(), HttpResponse.BodyHandlers.ofString()).body());
            boolean caughtUp = all.size() > 0;
            for (JsonNode status : all) {
                caughtUp &= status.path("position").asLong() >= status.path("head").asLong();
            }
            if (caughtUp) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the read models did not catch up");
    }

    private static JsonNode awaitState(String projection, String state, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(projection))
                    .header("Authorization", AUDITOR).build(), HttpResponse.BodyHandlers.ofString()).body());
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

    /** The event table read in order, 1,000 rows a fetch, every payload deserialised; events/s. */
    private static double scanAndDeserialise(DataSource admin) throws Exception {
        ObjectMapper events = EventJson.objectMapper();
        try (Connection connection = admin.getConnection()) {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            long count = 0;
            try (PreparedStatement scan = connection.prepareStatement("""
                    SELECT global_index, event_identifier, aggregate_identifier, sequence_number, time_stamp,
                           payload_type, payload_revision, payload, meta_data
                    FROM event_store.domain_event_entry ORDER BY global_index""")) {
                scan.setFetchSize(1000);
                try (ResultSet rows = scan.executeQuery()) {
                    while (rows.next()) {
                        Object payload = events.readValue(rows.getString(8), Class.forName(rows.getString(6)));
                        events.readTree(rows.getString(9));
                        if (payload != null) {
                            count++;
                        }
                    }
                }
            }
            connection.commit();
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }

    // --- idle cost ----------------------------------------------------------------------------------

    /** Percent of one core each used during {@code seconds} without any request. */
    private static double[] idleCpu(ServiceProcess command, ServiceProcess query, Path postgresData, int seconds)
            throws Exception {
        long[] before = {cpuTicks(query.process().pid()), cpuTicks(command.process().pid()), postgresTicks(postgresData)};
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long[] after = {cpuTicks(query.process().pid()), cpuTicks(command.process().pid()), postgresTicks(postgresData)};
        double elapsed = (System.nanoTime() - start) / 1e9;
        double[] percent = new double[3];
        for (int i = 0; i < 3; i++) {
            percent[i] = (after[i] - before[i]) / 100.0 / elapsed * 100;
        }
        return percent;
    }

    /** CPU clock ticks so far of the command-service, the query-service (0 when not started) and PostgreSQL. */
    private static long[] cpuTicks(ServiceProcess command, ServiceProcess query, Path postgresData) {
        return new long[]{cpuTicks(command.process().pid()), query == null ? 0 : cpuTicks(query.process().pid()),
                postgresTicks(postgresData)};
    }

    /** Milliseconds of CPU per event of each process between two {@link #cpuTicks} readings. */
    private static String cpuPerEvent(long[] before, long[] after, long events) {
        return cpuPerEvent(before, after, events, "%.1f");
    }

    private static String cpuPerEvent(long[] before, long[] after, long events, String format) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            parts.add(events == 0 ? "—" : format.formatted((after[i] - before[i]) * 10.0 / events));
        }
        return String.join(" / ", parts) + " ms";
    }

    /** User and system time of the process, in clock ticks (1/100 s). */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long postgresTicks(Path data) {
        try (var lines = Files.lines(data.resolve("postmaster.pid"))) {
            long postmaster = Long.parseLong(lines.findFirst().orElseThrow().trim());
            return ProcessHandle.of(postmaster).stream()
                    .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                    .mapToLong(p -> cpuTicks(p.pid())).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    // --- memory -----------------------------------------------------------------------------------

    private static long rssKb(long pid) {
        try (var lines = Files.lines(Path.of("/proc", String.valueOf(pid), "status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    // --- output -----------------------------------------------------------------------------------

    private void row(String work, String project, String baseline, String ratio) {
        table.add(new String[]{work, project, baseline, ratio});
        System.out.printf("bench: %s | %s | %s | %s%n", work, project, baseline, ratio);
    }

    private void noteFailures(String what, ConcurrentLinkedQueue<String> failures) {
        if (!failures.isEmpty()) {
            notes.add("%s: %d failed, e.g. %s".formatted(what, failures.size(), failures.peek()));
        }
    }

    private void print(Instant started) {
        StringBuilder out = new StringBuilder(String.format(Locale.ENGLISH,
                "%nBENCHMARK (%s, %d cores, %d MiB memory, PostgreSQL fsync on, %.0f s)%n%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), totalMemoryMiB(),
                Duration.between(started, Instant.now()).toMillis() / 1000.0));
        out.append("| work | project | baseline in the same run | ratio |\n|---|---|---|---|\n");
        for (String[] row : table) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        for (String note : notes) {
            out.append("\n").append(note);
        }
        System.out.println(out);
    }

    private static long totalMemoryMiB() {
        try (var lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(line -> line.startsWith("MemTotal:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String rate(double value, String unit) {
        return String.format(Locale.ENGLISH, "%,.0f %s", value, unit);
    }

    private static String ms(double value) {
        return String.format(Locale.ENGLISH, "%,.1f ms", value);
    }

    private static String mib(long kb) {
        return kb < 0 ? "(not measured)" : (kb / 1024) + " MiB";
    }

    private static String ratio(double project, double baseline) {
        return String.format(Locale.ENGLISH, "%.3f", project / baseline);
    }

    // --- HTTP -------------------------------------------------------------------------------------

    private static HttpResponse<String> send(String url, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", EDITOR).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void post(String url, JsonNode body) throws Exception {
        HttpResponse<String> response = send(url, JSON.writeValueAsString(body));
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException(url + " " + response.statusCode() + " " + response.body());
        }
    }

    private static void expectCreated(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }
}
