package io.warnews.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import io.warnews.query.QueryServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole backend as an operator runs it, for fault tests: a durable PostgreSQL (fsync on) on a
 * data folder of its own, the command-service and the query-service as processes, writers and a
 * public reader as load. Faults are done to the real processes (kill -9, shutdown, SIGSTOP); what
 * is checked afterwards is what a user sees: every acknowledged write stored, no 500 answered,
 * and every read model converging by itself to what a rebuild from the events gives.
 */
final class FaultLab implements AutoCloseable {

    static final String CONFLICT = "faults";
    private static final String REGISTRATION = """
            {"conflictId":"faults","name":"Faults","startDate":"2000-01-01",
             "parties":[{"code":"RU","name":"Russia"},{"code":"UA","name":"Ukraine"}]}""";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private static final String EDITOR = "Basic " + Base64.getEncoder().encodeToString(
            "editor:editor-dev-password".getBytes());
    private static final String AUDITOR = "Basic " + Base64.getEncoder().encodeToString(
            "auditor:auditor-dev-password".getBytes());
    private static final List<String> GROUPS = List.of("conflicts", "losses", "attacks", "talks", "timeline");
    /** Seconds of load before each fault and after it ({@code -Dfaults.load-seconds}). */
    static final long LOAD_SECONDS = Long.getLong("faults.load-seconds", 5);

    private final Path folder;
    private final Path data;
    private final int pgPort;
    private final String jdbcUrl;
    private EmbeddedPostgres postgres;
    private final List<ServiceProcess> commands = new CopyOnWriteArrayList<>();
    private final boolean queryAsProcess;
    private ServiceProcess query;
    private ConfigurableApplicationContext queryInJvm;
    private String queryUrl;
    private int queryPort;
    /** Report ids a writer got a 201 or 200 for. */
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** Every answer's status (0: no answer: refused, reset or timed out), by service. */
    final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    /** Numbers the writers' reports across all loads: every write of the run is a new report. */
    private final AtomicInteger reports = new AtomicInteger();
    /** The 5xx answers other than 503, with their bodies. */
    final List<String> failures = new CopyOnWriteArrayList<>();

    private FaultLab(Path folder, boolean queryAsProcess) throws IOException {
        this.folder = folder;
        this.queryAsProcess = queryAsProcess;
        this.data = folder.resolve("postgres");
        this.pgPort = ServiceProcess.freePort();
        this.queryPort = ServiceProcess.freePort();
        this.jdbcUrl = "jdbc:postgresql://localhost:" + pgPort + "/faults";
    }

    /**
     * Starts the backend; the query-service as a process of its own from its jar (built by
     * {@code package}), or, when {@code queryAsProcess} is false, in this JVM (for a test that
     * does not kill it and runs before the jar is built).
     */
    static FaultLab start(Path folder, boolean queryAsProcess) throws Exception {
        FaultLab lab = new FaultLab(folder, queryAsProcess);
        lab.startPostgres();
        LocalDatabase.prepare(lab.postgres.getPostgresDatabase(), "faults");
        lab.commands.add(lab.startCommand(ServiceProcess.freePort()));
        lab.startQuery();
        HttpResponse<String> created = lab.post(lab.command(0).url() + "/api/conflicts", REGISTRATION);
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
        return lab;
    }

    ServiceProcess command(int i) {
        return commands.get(i);
    }

    String queryUrl() {
        return queryUrl;
    }

    // --- processes and faults -------------------------------------------------------------------

    void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(pgPort)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // crash recovery after a kill -9 on a busy machine can take longer than the 10 s default
                .setPGStartupWait(Duration.ofSeconds(120)).start();
    }

    ServiceProcess startCommand(int port) throws Exception {
        return ServiceProcess.start(Path.of("../command-service/target/command-service-exec.jar"),
                "command-service-" + port, folder.resolve("logs"), port, jdbcUrl, LocalDatabase.COMMAND_ROLE,
                List.of()).awaitHealthy(Duration.ofMinutes(5));
    }

    private void startQuery() throws Exception {
        if (queryAsProcess) {
            query = ServiceProcess.start(Path.of("target/query-service.jar"), "query-service", folder.resolve("logs"),
                    queryPort, jdbcUrl, LocalDatabase.QUERY_ROLE, List.of())
                    .awaitHealthy(Duration.ofMinutes(5));
            queryUrl = query.url();
        } else {
            queryInJvm = new SpringApplicationBuilder(QueryServiceApplication.class).profiles("local").run(
                    "--server.port=" + queryPort, "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=" + LocalDatabase.QUERY_ROLE,
                    "--spring.datasource.password=" + LocalDatabase.QUERY_ROLE);
            queryUrl = "http://localhost:" + queryPort;
        }
    }

    void addCommandInstance() throws Exception {
        commands.add(startCommand(ServiceProcess.freePort()));
    }

    void killPostgres() throws Exception {
        long postmaster = postmaster();
        ProcessHandle process = ProcessHandle.of(postmaster).orElseThrow();
        signal("KILL", postmaster);
        process.onExit().join();
        try {
            postgres.close();
        } catch (RuntimeException alreadyGone) {
            // pg_ctl stop finds no server: it was killed
        }
    }

    /** A clean, fast shutdown (pg_ctl stop -m fast): sessions are ended, the server goes away. */
    void shutdownPostgres() throws IOException {
        postgres.close();
    }

    /** SIGSTOP (or SIGCONT) to the server and every one of its processes: connections hang, nothing answers. */
    void freezePostgres(boolean frozen) throws Exception {
        ProcessHandle postmaster = ProcessHandle.of(postmaster()).orElseThrow();
        List<Long> pids = new ArrayList<>(List.of(postmaster.pid()));
        postmaster.descendants().forEach(child -> pids.add(child.pid()));
        for (long pid : pids) {
            signal(frozen ? "STOP" : "CONT", pid);
        }
    }

    void killCommand(int i) throws Exception {
        ServiceProcess killed = commands.get(i);
        killed.process().destroyForcibly().waitFor();
        // a new port: the one just freed may be taken by anything else on the machine meanwhile
        ServiceProcess started = startCommand(ServiceProcess.freePort());
        HttpResponse<String> known = post(started.url() + "/api/conflicts", REGISTRATION);
        assertThat(known.statusCode()).as("the conflict is known there: " + known.body()).isEqualTo(200);
        commands.set(i, started);
    }

    void killQuery() throws Exception {
        query.process().destroyForcibly().waitFor();
        System.out.printf("FAULT query-service killed at %s%n", java.time.Instant.now());
        queryPort = ServiceProcess.freePort();
        startQuery();
        assertOurs(queryUrl + "/api/conflicts/" + CONFLICT);
        System.out.printf("FAULT query-service healthy again at %s%n", java.time.Instant.now());
    }

    /** The service answering there is ours: it knows this lab's conflict. */
    private void assertOurs(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", EDITOR).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
    }

    private long postmaster() throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    private static void signal(String signal, long pid) throws Exception {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).start().waitFor();
    }

    // --- load -----------------------------------------------------------------------------------

    /** Writers, each on a ledger of its own (or all on the same ledgers when {@code shared}), and a reader. */
    Load load(int writers, boolean shared) {
        return new Load(writers, shared);
    }

    final class Load {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        private Load(int writers, boolean shared) {
            for (int w = 0; w < writers; w++) {
                int writer = w;
                threads.add(started(new Thread(() -> write(writer, shared), "writer-" + w)));
            }
            threads.add(started(new Thread(this::read, "reader")));
        }

        private Thread started(Thread thread) {
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        private void write(int writer, boolean shared) {
            // dates stay before the sources' publication (2025-01-01): a later one is refused (422)
            LocalDate first = LocalDate.of(2000, 1, 2);
            while (running.get()) {
                int n = reports.incrementAndGet();
                String claimant = shared ? "Shared " + (n % 3) : "Writer " + writer;
                String reportId = "w" + writer + "-" + n;
                String url = commands.get(n % commands.size()).url() + "/api/conflicts/" + CONFLICT + "/loss-reports";
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json").header("Authorization", EDITOR)
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"reportId":"%s","side":"RU","claimant":"%s","asOf":"%s",
                                 "figures":[{"category":"PERSONNEL","value":%d}],
                                 "source":{"outlet":"faults","url":"https://example.org","publishedAt":"2025-01-01T00:00:00Z"}}"""
                                .formatted(reportId, claimant, first.plusDays(n % 9_000), 100 + n))), "command-service");
                if (response != null && (response.statusCode() == 201 || response.statusCode() == 200)) {
                    acknowledged.add(reportId);
                }
                pause(20);
            }
        }

        private void read() {
            while (running.get()) {
                send(HttpRequest.newBuilder(URI.create(queryUrl + "/api/conflicts/" + CONFLICT + "/losses")).GET(),
                        "query-service");
                pause(50);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(60_000);
            }
        }
    }

    HttpResponse<String> send(HttpRequest.Builder request, String service) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            count(service, response.statusCode());
            if (response.statusCode() >= 500 && response.statusCode() != 503) {
                failures.add(service + " " + response.statusCode() + " " + response.body());
            }
            return response;
        } catch (IOException e) {
            count(service, 0);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void count(String service, int status) {
        statuses.computeIfAbsent(service + " " + status, key -> new AtomicInteger()).incrementAndGet();
    }

    Map<String, Integer> statusCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        statuses.forEach((key, count) -> counts.put(key, count.get()));
        return counts;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", EDITOR).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Something done to the processes; returns once the fault is over (what was stopped is started again). */
    interface Fault {
        void run() throws Exception;
    }

    /**
     * A fault under load: writers and a reader for 5 s ({@link #LOAD_SECONDS}), the fault, 5 s more of
     * load, then the checks.
     * Prints how long after the end of the fault the read models had converged.
     */
    void scenario(String name, int writers, boolean shared, Fault fault) throws Exception {
        scenario(name, writers, shared, true, fault);
    }

    /**
     * As above; with {@code no500} false the 5xx answers other than 503 are printed, not asserted
     * (for a build where the services do not yet answer 503 for every way the database fails).
     */
    void scenario(String name, int writers, boolean shared, boolean no500, Fault fault) throws Exception {
        scenario(name, writers, shared, no500, fault, () -> { });
    }

    /**
     * As above, with {@code converged} run once the read models have converged, before the rebuilds
     * that compare them (checks of what the fault was done to).
     */
    void scenario(String name, int writers, boolean shared, boolean no500, Fault fault, Fault converged)
            throws Exception {
        int before = acknowledged.size();
        failures.clear();
        statuses.clear();
        Load load = load(writers, shared);
        Thread.sleep(LOAD_SECONDS * 1_000);
        fault.run();
        long ended = System.nanoTime();
        Thread.sleep(LOAD_SECONDS * 1_000);
        load.stop();
        awaitConverged(Duration.ofMinutes(5));
        double seconds = (System.nanoTime() - ended) / 1e9;
        converged.run();
        assertRebuildsMatch();
        assertNothingAcknowledgedLost();
        System.out.printf("FAULT %-44s read models converged %5.1f s after the fault ended (load went on for %d s"
                        + " of it); rebuilds equal; %d writes acknowledged, none lost; answers %s; 5xx other than"
                        + " 503: %d%n", name, seconds, LOAD_SECONDS, acknowledged.size() - before, statusCounts(),
                failures.size());
        if (no500) {
            assertNo500();
        }
    }

    // --- checks ---------------------------------------------------------------------------------

    /** Every report a writer was told was recorded is in the event store. */
    void assertNothingAcknowledgedLost() throws Exception {
        Set<String> stored = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, LocalDatabase.COMMAND_ROLE,
                LocalDatabase.COMMAND_ROLE);
             ResultSet rows = connection.createStatement().executeQuery("""
                     SELECT payload::jsonb ->> 'reportId' FROM event_store.domain_event_entry
                     WHERE payload_type = 'io.warnews.events.LossesReported'""")) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        }
        assertThat(stored).as("acknowledged reports stored").containsAll(acknowledged);
    }

    void assertNo500() {
        assertThat(failures).as("answers 5xx other than 503").isEmpty();
    }

    /**
     * Waits until every processor is at the store's head with no dead letter and no failure, as the
     * projection status says; answers how long that took.
     */
    Duration awaitConverged(Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            if (query != null && !query.process().isAlive()) {
                throw new AssertionError("the query-service exited; see " + query.log());
            }
            long head = storeHead();
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(queryUrl
                    + "/api/audit/projections")).header("Authorization", AUDITOR).GET(), "query-service audit");
            if (response != null && response.statusCode() == 200) {
                last = response.body();
                JsonNode all = JSON.readTree(last);
                boolean converged = all.size() == GROUPS.size();
                for (JsonNode group : all) {
                    converged &= group.path("caughtUp").asBoolean() && group.path("position").asLong() >= head;
                    assertThat(group.path("deadLetters").asLong()).as(group.toString()).isZero();
                }
                if (converged) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the read models did not converge within " + timeout + "; last status: " + last);
    }

    /** Rebuilds every read model from the events and asserts each equals the live one, row for row. */
    void assertRebuildsMatch() throws Exception {
        for (String group : GROUPS) {
            String id = startRebuild(group);
            JsonNode rebuild = awaitRebuild(group, id, FINISHED, Duration.ofMinutes(3));
            assertThat(rebuild.path("matches").asBoolean()).as(group + ": " + rebuild).isTrue();
        }
    }

    /** A rebuild's states that are its outcome. */
    static final java.util.function.Predicate<JsonNode> FINISHED =
            rebuild -> List.of("VERIFIED", "FAILED").contains(rebuild.path("state").asText());

    /** An auditor's request to rebuild the group's read model, accepted (202); answers the rebuild's id. */
    String startRebuild(String group) throws Exception {
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(URI.create(queryUrl
                + "/api/audit/projections/" + group + "/rebuild")).header("Authorization", AUDITOR)
                .POST(HttpRequest.BodyPublishers.noBody()), "query-service audit");
        assertThat(accepted).isNotNull();
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return JSON.readTree(accepted.body()).path("rebuildId").asText();
    }

    /**
     * The group's last rebuild as the projection status shows it, once it is rebuild {@code id} and
     * {@code until} holds for it; fails after {@code timeout}, with the last status seen.
     */
    JsonNode awaitRebuild(String group, String id, java.util.function.Predicate<JsonNode> until, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> status = send(HttpRequest.newBuilder(URI.create(queryUrl
                    + "/api/audit/projections/" + group)).header("Authorization", AUDITOR).GET(),
                    "query-service audit");
            if (status != null && status.statusCode() == 200) {
                last = status.body();
                JsonNode rebuild = JSON.readTree(last).path("lastRebuild");
                if (id.equals(rebuild.path("rebuildId").asText()) && until.test(rebuild)) {
                    return rebuild;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("rebuild " + id + " of " + group + " did not get there within " + timeout
                + "; last status: " + last);
    }

    /** The schemas a rebuild makes for itself (its copies, the tables it replaced) that are still there. */
    List<String> rebuildSchemas() throws Exception {
        List<String> schemas = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, LocalDatabase.COMMAND_ROLE,
                LocalDatabase.COMMAND_ROLE);
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT nspname FROM pg_namespace WHERE nspname ~ '^read_model_(rebuild|before)_'")) {
            while (rows.next()) {
                schemas.add(rows.getString(1));
            }
        }
        return schemas;
    }

    /**
     * Records {@code claimants} × {@code perClaimant} reports through the batch endpoint (5,000 a
     * request, four requests at a time), each acknowledged one counted; then waits for the read
     * models to have them.
     */
    void seed(int claimants, int perClaimant) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        LocalDate first = LocalDate.of(2000, 1, 2);
        for (int c = 0; c < claimants; c++) {
            for (int from = 0; from < perClaimant; from += 5_000) {
                int claimant = c;
                int start = from;
                int end = Math.min(perClaimant, from + 5_000);
                done.add(pool.submit(() -> {
                    StringBuilder body = new StringBuilder("{\"side\":\"UA\",\"claimant\":\"Seed " + claimant
                            + "\",\"basis\":\"CUMULATIVE\",\"reports\":[");
                    List<String> ids = new ArrayList<>();
                    for (int i = start; i < end; i++) {
                        String reportId = "seed" + claimant + "-" + i;
                        ids.add(reportId);
                        body.append(i > start ? "," : "").append("""
                                {"reportId":"%s","asOf":"%s","figures":[{"category":"PERSONNEL","value":%d}],
                                 "source":{"outlet":"seed","url":"https://example.org","publishedAt":"2025-01-01T00:00:00Z"}}"""
                                .formatted(reportId, first.plusDays(i), 1_000 + i));
                    }
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(command(0).url()
                                    + "/api/conflicts/" + CONFLICT + "/loss-reports/batch"))
                            .header("Content-Type", "application/json").header("Authorization", EDITOR)
                            .timeout(Duration.ofMinutes(2))
                            .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
                    acknowledged.addAll(ids);
                    return null;
                }));
            }
        }
        for (java.util.concurrent.Future<?> request : done) {
            request.get(10, java.util.concurrent.TimeUnit.MINUTES);
        }
        pool.shutdown();
        awaitConverged(Duration.ofMinutes(10));
    }

    private long storeHead() throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, LocalDatabase.COMMAND_ROLE,
                LocalDatabase.COMMAND_ROLE);
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT coalesce(max(global_index), -1) FROM event_store.domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException unavailable) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public void close() throws IOException {
        for (ServiceProcess command : commands) {
            command.stop();
        }
        if (query != null) {
            query.stop();
        }
        if (queryInJvm != null) {
            queryInJvm.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
