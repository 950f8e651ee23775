package io.warnews.local;

import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One service as a process of its own, from its runnable jar, in a 512 MiB heap, logging to a file.
 * The local run starts both services this way, and so does the end-to-end test.
 */
public final class ServiceProcess {

    /** The services' collector unless {@code service.jvm-options} names another. */
    static final String DEFAULT_COLLECTOR = "-XX:+UseSerialGC";
    private static final Pattern COLLECTOR = Pattern.compile("-XX:\\+Use(Serial|Parallel|G1|Z|Shenandoah|Epsilon)GC");

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final Instant startedAt = Instant.now();
    private volatile Duration healthyAfter = Duration.ZERO;

    private ServiceProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts the jar with the given database role and extra Spring arguments, in the {@code local} profile. */
    public static ServiceProcess start(Path jar, String name, Path logs, int port, String jdbcUrl, String role,
                                       List<String> extra) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn -DskipTests package)");
        }
        return launch(name, logs, port, jdbcUrl, role, extra, "-jar", jar.toString());
    }

    /**
     * Starts a service's main class from a class path (a test's own, where the jar is not built yet),
     * otherwise as {@link #start}.
     */
    public static ServiceProcess startClass(String classPath, String mainClass, String name, Path logs, int port,
                                            String jdbcUrl, String role, List<String> extra) throws IOException {
        return launch(name, logs, port, jdbcUrl, role, extra, "-cp", classPath, mainClass);
    }

    /**
     * The collector and the extra JVM options of every service a test starts, from
     * {@code service.jvm-options} (space-separated, {@code {name}} replaced by the service's name),
     * e.g. a flight recording while benchmarking:
     * {@code -Dservice.jvm-options="-XX:StartFlightRecording=filename=target/{name}.jfr,settings=profile"}.
     * A collector named there ({@code -XX:+UseG1GC}) replaces {@link #DEFAULT_COLLECTOR}.
     */
    static List<String> jvmOptions(String options, String name) {
        List<String> jvmOptions = new ArrayList<>();
        for (String option : options.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                jvmOptions.add(option.replace("{name}", name));
            }
        }
        if (jvmOptions.stream().noneMatch(option -> COLLECTOR.matcher(option).matches())) {
            jvmOptions.add(0, DEFAULT_COLLECTOR);
        }
        return jvmOptions;
    }

    private static ServiceProcess launch(String name, Path logs, int port, String jdbcUrl, String role,
                                         List<String> extra, String... program) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> commandLine = new ArrayList<>(List.of(java, "-Xmx512m", "-Xss512k",
                "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m",
                "-Daxoniq.update-checker.disabled=true"));
        commandLine.addAll(jvmOptions(System.getProperty("service.jvm-options", ""), name));
        commandLine.addAll(List.of(program));
        commandLine.addAll(List.of(
                "--spring.profiles.active=local",
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + role,
                "--spring.datasource.password=" + role));
        commandLine.addAll(extra);
        Path log = Files.createDirectories(logs).resolve(name + ".log");
        Process process = new ProcessBuilder(commandLine).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, name + "-stop"));
        return new ServiceProcess(name, port, log, process);
    }

    /** A port nothing listens on right now, for a service started on this machine. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until {@code /actuator/health} answers 200; fails fast if the process exits. */
    public ServiceProcess awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see "
                        + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    healthyAfter = Duration.between(startedAt, Instant.now());
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(name + " did not become healthy within " + timeout + "; see " + log);
    }

    /** How long after its start the service first answered its health 200 (zero until it has). */
    public double secondsToHealthy() {
        return healthyAfter.toMillis() / 1000.0;
    }

    /** Asks the service to shut down gracefully, and kills it if it has not within 30 seconds. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public Process process() {
        return process;
    }
}
