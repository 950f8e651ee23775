package io.warnews.local;

import io.warnews.query.QueryServiceApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fail fast: while PostgreSQL is frozen (SIGSTOP of the server and all its processes) or shut down,
 * writes and reads are answered 503 with Retry-After within about the configured timeouts (the
 * shipped ones: both services run without the test profile), never hang and never get a 500; once
 * the database is back, both services answer normally again by themselves.
 */
class FailFastTest {

    /** The promise: an answer within 2 s; measured here, with room for a machine busy with other builds. */
    private static final Duration PROMISED = Duration.ofSeconds(2);
    private static final Duration TOLERATED = Duration.ofSeconds(4);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
            "editor:editor-dev-password".getBytes());
    private static final String AUDITOR = "Basic " + Base64.getEncoder().encodeToString(
            "auditor:auditor-dev-password".getBytes());

    @TempDir
    Path folder;
    private EmbeddedPostgres postgres;
    private ServiceProcess command;
    private ConfigurableApplicationContext query;
    private String queryUrl;
    private int written;
    private List<Long> stopped = List.of();

    @AfterEach
    void stop() throws IOException, InterruptedException {
        stopped.forEach(pid -> signal("CONT", pid));
        if (query != null) {
            query.close();
        }
        if (command != null) {
            command.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void whileTheDatabaseIsFrozenOrDownWritesAndReadsAre503WithinTwoSeconds() throws Exception {
        int pgPort = ServiceProcess.freePort();
        Path data = folder.resolve("postgres");
        postgres = postgres(data, pgPort);
        LocalDatabase.prepare(postgres.getPostgresDatabase(), "failfast");
        String jdbcUrl = "jdbc:postgresql://localhost:" + pgPort + "/failfast";
        command = ServiceProcess.start(Path.of("../command-service/target/command-service-exec.jar"),
                "command-service", Files.createTempDirectory("failfast-logs"), ServiceProcess.freePort(), jdbcUrl,
                LocalDatabase.COMMAND_ROLE, List.of()).awaitHealthy(Duration.ofMinutes(5));
        query = new SpringApplicationBuilder(QueryServiceApplication.class).profiles("local").run(
                "--server.port=0", "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + LocalDatabase.QUERY_ROLE,
                "--spring.datasource.password=" + LocalDatabase.QUERY_ROLE);
        queryUrl = "http://localhost:" + ((WebServerApplicationContext) query).getWebServer().getPort();
        assertThat(post("/api/conflicts", """
                {"conflictId":"failfast","name":"Fail fast","startDate":"2015-01-01",
                 "parties":[{"code":"RU","name":"Russia"},{"code":"UA","name":"Ukraine"}]}""").statusCode())
                .isEqualTo(201);
        assertThat(write().statusCode()).isEqualTo(201);
        awaitRead(200);

        List<Long> frozen = new ArrayList<>();
        // a backend forked between the listing and the signals would go on serving its connection:
        // list again once the postmaster is stopped (it forks no more) and stop any newcomer
        List<Long> pids = new ArrayList<>(postgresProcesses());
        stopped = pids;
        pids.forEach(pid -> signal("STOP", pid));
        for (Long pid : postgresProcesses()) {
            if (!pids.contains(pid)) {
                pids.add(pid);
                signal("STOP", pid);
            }
        }
        try {
            for (int i = 0; i < 4; i++) {
                frozen.add(refusedWithin(this::write));
                frozen.add(refusedWithin(this::read));
            }
            frozen.add(refusedWithin(this::rebuild));
            frozen.add(refusedWithin(this::dropDeadLetters));
        } finally {
            pids.forEach(pid -> signal("CONT", pid));
            stopped = List.of();
        }
        assertThat(awaitWrite()).as("writes go through once PostgreSQL runs again").isEqualTo(201);
        awaitRead(200);

        List<Long> down = new ArrayList<>();
        postgres.close();
        postgres = null;
        for (int i = 0; i < 4; i++) {
            down.add(refusedWithin(this::write));
            down.add(refusedWithin(this::read));
        }
        down.add(refusedWithin(this::rebuild));
        down.add(refusedWithin(this::dropDeadLetters));
        postgres = postgres(data, pgPort);
        assertThat(awaitWrite()).as("writes go through once PostgreSQL is back").isEqualTo(201);
        awaitRead(200);

        System.out.printf("Fail fast: answers while frozen %s ms, while down %s ms (promised within %d ms)%n",
                frozen, down, PROMISED.toMillis());
        assertThat(Stream.concat(frozen.stream(), down.stream()))
                .allSatisfy(millis -> assertThat(millis).isLessThan(TOLERATED.toMillis()));
        assertThat(Stream.concat(frozen.stream(), down.stream()).filter(m -> m <= PROMISED.toMillis()).count())
                .as("answers within the promised 2 s").isGreaterThanOrEqualTo(frozen.size() + down.size() - 2);
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private static long refusedWithin(Call call) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = call.send();
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return millis;
    }

    private int awaitWrite() throws Exception {
        int status = 0;
        for (int attempt = 0; attempt < 60 && status != 201; attempt++) {
            status = write().statusCode();
            assertThat(status).isIn(201, 503);
            if (status != 201) {
                Thread.sleep(500);
            }
        }
        return status;
    }

    private void awaitRead(int expected) throws Exception {
        int status = 0;
        for (int attempt = 0; attempt < 60 && status != expected; attempt++) {
            status = read().statusCode();
            assertThat(status).isIn(200, 404, 503);
            if (status != expected) {
                Thread.sleep(500);
            }
        }
        assertThat(status).isEqualTo(expected);
    }

    private HttpResponse<String> write() throws Exception {
        written++;
        return post("/api/conflicts/failfast/loss-reports", """
                {"reportId":"r%d","side":"RU","claimant":"Fail fast","asOf":"2015-01-%02d",
                 "figures":[{"category":"PERSONNEL","value":%d}],
                 "source":{"outlet":"test","url":"https://example.org","publishedAt":"2025-01-01T00:00:00Z"}}"""
                .formatted(written, 1 + written % 28, 100 + written));
    }

    private HttpResponse<String> read() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(queryUrl + "/api/conflicts/failfast"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An auditor's rebuild of a read model. */
    private HttpResponse<String> rebuild() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(queryUrl + "/api/audit/projections/losses/rebuild"))
                .header("Authorization", AUDITOR).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An auditor's drop of a read model's dead letters. */
    private HttpResponse<String> dropDeadLetters() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(queryUrl
                        + "/api/audit/dead-letters/losses?sequenceId=somewhere"))
                .header("Authorization", AUDITOR).timeout(Duration.ofSeconds(60)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(command.url() + path))
                .header("Content-Type", "application/json").header("Authorization", AUTH)
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static EmbeddedPostgres postgres(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    private long postmaster() throws IOException {
        return Long.parseLong(Files.readAllLines(folder.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
    }

    /** The server and every process it started (one per connection, the background workers). */
    private List<Long> postgresProcesses() throws IOException {
        ProcessHandle server = ProcessHandle.of(postmaster()).orElseThrow();
        List<Long> pids = new ArrayList<>();
        pids.add(server.pid());
        server.descendants().forEach(child -> pids.add(child.pid()));
        return pids;
    }

    private static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).start().waitFor();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
