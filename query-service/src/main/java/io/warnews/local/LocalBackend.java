package io.warnews.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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

    private static final List<ServiceProcess> SERVICES = new CopyOnWriteArrayList<>();
    private static volatile boolean stopping;

    private LocalBackend() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("warnews.root", ".")).toAbsolutePath().normalize();
        Path data = root.resolve(System.getProperty("warnews.data", ".local-data"));
        int pgPort = Integer.getInteger("warnews.pg-port", 54329);
        int commandPort = Integer.getInteger("warnews.command-port", 8080);
        int queryPort = Integer.getInteger("warnews.query-port", 8081);
        boolean seed = Boolean.getBoolean("warnews.seed");
        Path logs = data.resolve("logs");

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(pgPort)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres), "local-backend-stop"));
        LocalDatabase.prepare(postgres.getPostgresDatabase(), LocalDatabase.DATABASE);
        String jdbcUrl = "jdbc:postgresql://localhost:" + pgPort + "/" + LocalDatabase.DATABASE;

        Duration startup = Duration.ofMinutes(3);
        System.out.println("Starting the command-service and the query-service (logs in " + logs + ") ...");
        SERVICES.add(ServiceProcess.start(root.resolve("command-service/target/command-service-exec.jar"),
                "command-service", logs, commandPort, jdbcUrl, LocalDatabase.COMMAND_ROLE,
                seed ? List.of("--warnews.seed.enabled=true") : List.of()).awaitHealthy(startup));
        SERVICES.add(ServiceProcess.start(root.resolve("query-service/target/query-service.jar"), "query-service",
                logs, queryPort, jdbcUrl, LocalDatabase.QUERY_ROLE, List.of()).awaitHealthy(startup));

        System.out.printf("""

                ==================================================================
                 War news tracker is running. Ctrl-C stops it all.
                   command-service  http://localhost:%1$d   writes    (Swagger UI: /swagger-ui.html)
                   query-service    http://localhost:%2$d   reads     (Swagger UI: /swagger-ui.html)
                   dashboard        http://localhost:%2$d/  in a browser
                   PostgreSQL       %3$s
                                    data kept in %4$s
                   development users  editor  / editor-dev-password   (EDITOR)
                                      auditor / auditor-dev-password  (AUDITOR)
                   logs             %5$s
                   resident memory  %6$s
                ==================================================================
                 Try: curl http://localhost:%2$d/api/conflicts/russia-ukraine/losses?side=RU
                %n""", commandPort, queryPort, jdbcUrl, data.resolve("postgres"), logs,
                MemoryUse.describe(data.resolve("postgres"), SERVICES.stream().map(ServiceProcess::process).toList()));

        while (SERVICES.stream().allMatch(service -> service.process().isAlive())) {
            Thread.sleep(1000);
        }
        if (stopping) {
            return;
        }
        ServiceProcess stopped = SERVICES.stream().filter(s -> !s.process().isAlive()).findFirst().orElseThrow();
        System.err.println(stopped.name() + " stopped (exit " + stopped.process().exitValue() + "); see "
                + stopped.log() + ". Stopping the rest.");
        System.exit(1);
    }

    private static void stop(EmbeddedPostgres postgres) {
        stopping = true;
        for (int i = SERVICES.size() - 1; i >= 0; i--) {
            SERVICES.get(i).stop();
        }
        try {
            postgres.close();
            System.out.println("Stopped the services and PostgreSQL.");
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
