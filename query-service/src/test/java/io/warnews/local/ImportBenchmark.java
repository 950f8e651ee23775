package io.warnews.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The import of the Ministry's 1,626 days through the editors' API, as the README documents it
 * (the importer as a process against a running command-service, PostgreSQL with fsync on): with
 * the batch API (1,000 reports a request) and, as the baseline in the same run, one request per
 * report. Run with {@code mvn -Pbench verify}; prints its figures, asserts nothing.
 */
class ImportBenchmark {

    private static final Path COMMAND_JAR = Path.of("../command-service/target/command-service-exec.jar");

    @Test
    void importOfTheMinistrysDailyFigures() throws Exception {
        Path logs = Files.createTempDirectory("import-bench");
        String batched = run(logs, "1000");
        String oneByOne = run(logs, "1");
        System.out.printf("%nIMPORT BENCHMARK (ua-mod-losses, 1,626 days, through the HTTP API, fsync on)%n");
        System.out.println("batch of 1,000 reports a request: " + batched);
        System.out.println("one report a request (baseline):   " + oneByOne);
    }

    /** A fresh database and command-service; answers the importer's summary line. */
    private static String run(Path logs, String batchSize) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start()) {
            LocalDatabase.prepare(postgres.getPostgresDatabase(), "import");
            String jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/import";
            ServiceProcess command = ServiceProcess.start(COMMAND_JAR, "command-service-" + batchSize, logs,
                    ServiceProcess.freePort(), jdbcUrl, LocalDatabase.COMMAND_ROLE, List.of()).awaitHealthy(Duration.ofMinutes(2));
            try {
                Path log = logs.resolve("importer-" + batchSize + ".log");
                String javaBinary = ProcessHandle.current().info().command().orElse("java");
                Process importer = new ProcessBuilder(javaBinary, "-cp", COMMAND_JAR.toString(),
                        "-Dloader.main=io.warnews.importer.Importer",
                        "org.springframework.boot.loader.launch.PropertiesLauncher",
                        "--url", command.url(), "--dataset", "ua-mod", "--batch-size", batchSize)
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (importer.waitFor() != 0) {
                    throw new IllegalStateException(Files.readString(log));
                }
                List<String> lines = Files.readAllLines(log);
                return lines.get(lines.size() - 1);
            } finally {
                command.stop();
            }
        }
    }
}
