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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole backend on one machine with only a JDK: an embedded PostgreSQL whose data stays in a
 * folder between runs (durable: fsync and synchronous commit on), then the command-service and the
 * query-service as processes of their own with a 512 MiB heap each. Ctrl-C stops all of it.
 *
 * <p>System properties: {@code warnews.root} (the repository, default the working directory),
 * {@code warnews.data} (default {@code .local-data}), {@code warnews.pg-port} (54329),
 * {@code warnews.command-port} (8080), {@code warnews.query-port} (8081), {@code warnews.seed}
 * (true records the seed story).
 */
public final class LocalBackend {

    private static final List<Process> SERVICES = new ArrayList<>();

    private LocalBackend() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("warnews.root", ".")).toAbsolutePath().normalize();
        Path data = root.resolve(System.getProperty("warnews.data", ".local-data"));
        int pgPort = Integer.getInteger("warnews.pg-port", 54329);
        int commandPort = Integer.getInteger("warnews.command-port", 8080);
        int queryPort = Integer.getInteger("warnews.query-port", 8081);
        boolean seed = Boolean.getBoolean("warnews.seed");
        Path logs = Files.createDirectories(data.resolve("logs"));

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(pgPort)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres), "local-backend-stop"));
        LocalDatabase.prepare(postgres.getPostgresDatabase());
        String jdbcUrl = "jdbc:postgresql://localhost:" + pgPort + "/" + LocalDatabase.DATABASE;

        Process command = start(root.resolve("command-service/target/command-service-exec.jar"), "command-service",
                logs, commandPort, jdbcUrl, LocalDatabase.COMMAND_ROLE,
                seed ? List.of("--warnews.seed.enabled=true") : List.of());
        awaitHealthy("command-service", commandPort, command);
        Process query = start(root.resolve("query-service/target/query-service.jar"), "query-service", logs,
                queryPort, jdbcUrl, LocalDatabase.QUERY_ROLE, List.of());
        awaitHealthy("query-service", queryPort, query);

        System.out.printf("""

                ==================================================================
                 War news tracker is running (Ctrl-C stops it all)
                   command-service  http://localhost:%1$d   (writes; Swagger UI: /swagger-ui.html)
                   query-service    http://localhost:%2$d   (reads;  Swagger UI: /swagger-ui.html)
                   PostgreSQL       %3$s  (data kept in %4$s)
                   development users  editor / editor-dev-password    (EDITOR)
                                      auditor / auditor-dev-password  (AUDITOR)
                   logs             %5$s
                   resident memory  %6$s
                ==================================================================
                 Try: curl http://localhost:%2$d/api/conflicts/russia-ukraine/losses?side=RU
                %n""", commandPort, queryPort, jdbcUrl, data.resolve("postgres"), logs,
                MemoryUse.describe(data.resolve("postgres"), SERVICES));

        Process first = awaitAnyExit();
        System.err.println("A service stopped (exit " + first.exitValue() + "); see " + logs + ". Stopping.");
        System.exit(1);
    }

    private static Process start(Path jar, String name, Path logs, int port, String jdbcUrl, String role,
                                 List<String> extra) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (mvn -DskipTests package)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> commandLine = new ArrayList<>(List.of(java, "-Xmx512m", "-Xss512k",
                "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--spring.profiles.active=local",
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + role,
                "--spring.datasource.password=" + role));
        commandLine.addAll(extra);
        System.out.println("Starting " + name + " on port " + port + " (log: " + logs.resolve(name + ".log") + ")");
        Process process = new ProcessBuilder(commandLine)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile())
                .start();
        SERVICES.add(process);
        return process;
    }

    private static void awaitHealthy(String name, int port, Process process) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting");
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not become healthy within 3 minutes");
    }

    private static Process awaitAnyExit() throws InterruptedException {
        while (true) {
            for (Process process : SERVICES) {
                if (!process.isAlive()) {
                    return process;
                }
            }
            Thread.sleep(1000);
        }
    }

    private static void stop(EmbeddedPostgres postgres) {
        for (int i = SERVICES.size() - 1; i >= 0; i--) {
            Process process = SERVICES.get(i);
            process.destroy();
            try {
                if (!process.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            postgres.close();
            System.out.println("Stopped the services and PostgreSQL.");
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
