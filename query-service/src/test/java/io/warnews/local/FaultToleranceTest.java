package io.warnews.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults lose nothing that was acknowledged: PostgreSQL killed (kill -9) in the middle of writes
 * and started again on the same data, then the command-service process killed the same way.
 * While the database is down, writes are refused with a 503, never a 500.
 */
class FaultToleranceTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
            "editor:editor-dev-password".getBytes());

    @TempDir
    Path folder;
    private EmbeddedPostgres postgres;
    private ServiceProcess command;

    @AfterEach
    void stop() throws IOException {
        if (command != null) {
            command.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesKilledProcesses() throws Exception {
        int pgPort = ServiceProcess.freePort();
        Path data = folder.resolve("postgres");
        postgres = durablePostgres(data, pgPort);
        LocalDatabase.prepare(postgres.getPostgresDatabase(), "faults");
        String jdbcUrl = "jdbc:postgresql://localhost:" + pgPort + "/faults";
        command = ServiceProcess.start(Path.of("../command-service/target/command-service-exec.jar"),
                "command-service", folder.resolve("logs"), ServiceProcess.freePort(), jdbcUrl, LocalDatabase.COMMAND_ROLE,
                List.of("--spring.datasource.hikari.connection-timeout=2000")).awaitHealthy(Duration.ofMinutes(2));
        assertThat(post("/api/conflicts", """
                {"conflictId":"faults","name":"Faults","startDate":"2015-01-01",
                 "parties":[{"code":"RU","name":"Russia"},{"code":"UA","name":"Ukraine"}]}""").statusCode())
                .isEqualTo(201);

        Set<String> acknowledged = new HashSet<>();
        List<Integer> statusesWhileDown = new ArrayList<>();
        int n = 0;
        for (; n < 30; n++) {
            assertThat(write(n, acknowledged)).isEqualTo(201);
        }
        killPostgres(data);
        for (int i = 0; i < 3; i++, n++) {
            statusesWhileDown.add(write(n, acknowledged));
        }
        assertThat(statusesWhileDown).containsOnly(503);

        postgres.close();
        postgres = durablePostgres(data, pgPort);
        int status = 0;
        for (int attempt = 0; attempt < 30 && status != 201; attempt++, n++) {
            status = write(n, acknowledged);
            assertThat(status).isIn(201, 503);
        }
        assertThat(status).as("writes go through once PostgreSQL is back").isEqualTo(201);
        for (int i = 0; i < 20; i++, n++) {
            write(n, acknowledged);
        }
        command.process().destroyForcibly().waitFor();
        command = null;

        assertThat(storedReportIds(jdbcUrl)).containsAll(acknowledged);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(51);
    }

    private static EmbeddedPostgres durablePostgres(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on").start();
    }

    private static void killPostgres(Path data) throws IOException, InterruptedException {
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle process = ProcessHandle.of(postmaster).orElseThrow();
        new ProcessBuilder("kill", "-9", String.valueOf(postmaster)).start().waitFor();
        process.onExit().join();
    }

    private int write(int n, Set<String> acknowledged) throws Exception {
        String reportId = "r" + n;
        HttpResponse<String> response = post("/api/conflicts/faults/loss-reports", """
                {"reportId":"%s","side":"RU","claimant":"Faults","asOf":"%s",
                 "figures":[{"category":"PERSONNEL","value":%d}],
                 "source":{"outlet":"test","url":"https://example.org","publishedAt":"2025-01-01T00:00:00Z"}}"""
                .formatted(reportId, LocalDate.of(2015, 1, 2).plusDays(n), 100 + n));
        if (response.statusCode() == 201) {
            acknowledged.add(reportId);
        }
        return response.statusCode();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(command.url() + path))
                .header("Content-Type", "application/json").header("Authorization", AUTH)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Set<String> storedReportIds(String jdbcUrl) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, LocalDatabase.COMMAND_ROLE,
                LocalDatabase.COMMAND_ROLE);
             ResultSet rows = connection.createStatement().executeQuery("""
                     SELECT payload::jsonb ->> 'reportId' FROM event_store.domain_event_entry
                     WHERE payload_type = 'io.warnews.events.LossesReported'""")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
