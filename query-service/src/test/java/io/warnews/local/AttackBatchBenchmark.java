package io.warnews.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The attacks batch endpoint's rate, against what the database itself can take in the same run: the
 * command-service as a process of its own over PostgreSQL with fsync on, batches of 1,000 attacks a
 * request, and as the baseline a plain JDBC insert of the very rows it stored (same sizes) into a
 * copy of the event table, 1,000 a commit. Run with {@code mvn -Pbench verify}; prints the rates and
 * their ratio, asserts nothing.
 */
class AttackBatchBenchmark {

    private static final Path COMMAND_JAR = Path.of("../command-service/target/command-service-exec.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
            "editor:editor-dev-password".getBytes());
    private static final int BATCH = 1000;
    private static final int BATCHES = Integer.getInteger("bench.attack-batches", 20);
    private static final int WARM_UP = Integer.getInteger("bench.attack-warm-up", 5);

    @Test
    void attacksBatchRateAgainstRawInserts() throws Exception {
        Path logs = Files.createTempDirectory("attack-bench");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start()) {
            LocalDatabase.prepare(postgres.getPostgresDatabase(), "attacks");
            String jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/attacks";
            ServiceProcess command = ServiceProcess.start(COMMAND_JAR, "command-service", logs,
                    ServiceProcess.freePort(), jdbcUrl, LocalDatabase.COMMAND_ROLE, List.of())
                    .awaitHealthy(Duration.ofMinutes(2));
            double apiRate;
            try {
                post(command.url() + "/api/conflicts", """
                        {"conflictId":"bench","name":"Benchmark","startDate":"2015-01-01",
                         "parties":[{"code":"RU","name":"Russia"},{"code":"UA","name":"Ukraine"}]}""");
                for (int b = 0; b < WARM_UP; b++) {
                    post(command.url() + "/api/conflicts/bench/attacks/batch", batch("warm-" + b));
                }
                long start = System.nanoTime();
                for (int b = 0; b < BATCHES; b++) {
                    post(command.url() + "/api/conflicts/bench/attacks/batch", batch("m-" + b));
                }
                apiRate = BATCHES * (double) BATCH / ((System.nanoTime() - start) / 1e9);
            } finally {
                command.stop();
            }
            double rawRate = rawInserts(jdbcUrl);
            System.out.printf("%nATTACK BATCH BENCHMARK (%d batches of %d attacks after %d of warm-up,"
                    + " command-service process, fsync on)%n", BATCHES, BATCH, WARM_UP);
            System.out.printf("batch endpoint:                        %9.0f attacks/s%n", apiRate);
            System.out.printf("raw JDBC insert, 1,000 rows a commit:  %9.0f rows/s (baseline)%n", rawRate);
            System.out.printf("ratio endpoint/baseline: %.3f%n", apiRate / rawRate);
        }
    }

    /** The stored rows of the measured attacks, inserted again (new ids) into a copy of the event table. */
    private static double rawInserts(String jdbcUrl) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, LocalDatabase.COMMAND_ROLE,
                LocalDatabase.COMMAND_ROLE)) {
            try (Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE event_store.bench_copy"
                        + " (LIKE event_store.domain_event_entry INCLUDING ALL)");
            }
            List<Object[]> rows = new ArrayList<>();
            try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery("""
                    SELECT aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision,
                           payload, meta_data
                    FROM event_store.domain_event_entry WHERE aggregate_identifier LIKE 'm-%'
                    ORDER BY global_index""")) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)});
                }
            }
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO event_store.bench_copy (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload_revision, payload, meta_data)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < rows.size(); i++) {
                    Object[] row = rows.get(i);
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, "copy-" + row[0]);
                    insert.setLong(3, (Long) row[1]);
                    insert.setString(4, (String) row[2]);
                    insert.setString(5, (String) row[3]);
                    insert.setString(6, (String) row[4]);
                    insert.setString(7, (String) row[5]);
                    insert.setString(8, (String) row[6]);
                    insert.setString(9, (String) row[7]);
                    insert.addBatch();
                    if ((i + 1) % BATCH == 0 || i == rows.size() - 1) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            return rows.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** 1,000 attacks of a realistic shape: drones with shot down and suppressed, missiles without a count. */
    private static String batch(String prefix) {
        StringBuilder body = new StringBuilder("{\"attacks\":[");
        for (int i = 0; i < BATCH; i++) {
            LocalDate day = LocalDate.of(2023, 1, 1).plusDays(i % 700);
            body.append(i == 0 ? "" : ",").append("""
                    {"attackId":"%s-%d","claimant":"Air Force of Ukraine",
                     "source":{"outlet":"Air Force of Ukraine","url":"https://t.me/kpszsu/%d",
                               "publishedAt":"2025-06-12T07:00:00Z"},
                     "details":{"attacker":"RU","startDate":"%s","launchAreas":["Kursk Oblast","Primorsko-Akhtarsk"],
                       "targets":[{"place":"Kyiv","region":"Kyiv","impact":"HIT"},
                                  {"place":"Bila Tserkva","region":"Kyiv Oblast","impact":"DEBRIS"}],
                       "weapons":[{"type":"ATTACK_DRONE","model":"Shahed-136","launched":%d,"shotDown":%d,
                                   "suppressed":%d,"lost":3,"decoys":20,"launchArea":"Kursk Oblast"},
                                  {"type":"CRUISE_MISSILE","model":"Kh-101",
                                   "carrier":{"kind":"AIRCRAFT","model":"Tu-95MS"}}]}}""".formatted(prefix, i, i, day,
                    100 + i % 200, 60 + i % 30, 20));
        }
        return body.append("]}").toString();
    }

    private static void post(String url, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Authorization", AUTH)
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
