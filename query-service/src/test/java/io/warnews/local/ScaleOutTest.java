package io.warnews.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warnews.events.Basis;
import io.warnews.events.ConflictRegistered;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.LossesReported;
import io.warnews.events.Party;
import io.warnews.events.Qualifier;
import io.warnews.events.Source;
import io.warnews.events.WorldDate;
import io.warnews.events.axon.AxonEventStore;
import io.warnews.query.QueryServiceApplication;
import io.warnews.query.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two query-service instances (processes of their own) on one PostgreSQL share every processor's
 * two segments through the token store; when one is killed, the other claims its segments once
 * their claims have timed out, and goes on projecting the streams the dead one had.
 */
class ScaleOutTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String CONFLICT = "scale-out";
    private static final int LEDGERS = 8;
    /** The token store's claim timeout in this test (axon.eventhandling.tokenstore.claim-timeout). */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(6);

    @TempDir
    Path folder;
    private final List<ServiceProcess> services = new ArrayList<>();
    private EmbeddedPostgres postgres;

    @AfterEach
    void stop() throws Exception {
        services.forEach(ServiceProcess::stop);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void twoInstancesShareTheSegmentsAndOneTakesOverWhenTheOtherIsKilled() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        LocalDatabase.prepare(postgres.getPostgresDatabase(), "scale");
        DataSource admin = postgres.getDatabase("postgres", "scale");
        createEventStore(admin);
        JdbcEventStorageEngine events = AxonEventStore.jdbcEngine(admin::getConnection, NoTransactionManager.INSTANCE)
                .build();
        append(events, CONFLICT, 0, new ConflictRegistered(CONFLICT, "Scale out",
                List.of(new Party("RU", "Russia"), new Party("UA", "Ukraine")), LocalDate.of(2022, 2, 24)));
        for (int ledger = 0; ledger < LEDGERS; ledger++) {
            report(events, ledger, 0);
        }

        String jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/scale";
        List<String> settings = List.of("--PROCESSOR_SEGMENTS=2",
                "--axon.eventhandling.tokenstore.claim-timeout=" + CLAIM_TIMEOUT.toSeconds() + "s",
                "--warnews.processing.node-timeout=" + CLAIM_TIMEOUT.toSeconds() + "s",
                "--warnews.processing.heartbeat=500ms");
        ServiceProcess first = start("query-first", jdbcUrl, settings);
        ServiceProcess second = start("query-second", jdbcUrl, settings);
        first.awaitHealthy(Duration.ofMinutes(2));
        second.awaitHealthy(Duration.ofMinutes(2));

        // each instance ends up with one of the losses processor's two segments
        Map<Integer, String> owners = awaitOwners(admin, owners(first, second), Duration.ofSeconds(40));
        assertThat(owners).hasSize(2);
        assertThat(owners.values()).containsExactlyInAnyOrder(ownerOf(first), ownerOf(second));
        for (int ledger = 0; ledger < LEDGERS; ledger++) {
            assertThat(awaitReports(second, ledger, 1, Duration.ofSeconds(20))).isEqualTo(1);
        }

        first.process().destroyForcibly().waitFor();
        Instant killed = Instant.now();
        for (int ledger = 0; ledger < LEDGERS; ledger++) {
            report(events, ledger, 1);
        }
        // every ledger's new report shows in the survivor, those of the dead instance's streams too
        for (int ledger = 0; ledger < LEDGERS; ledger++) {
            assertThat(awaitReports(second, ledger, 2, CLAIM_TIMEOUT.plusSeconds(25))).isEqualTo(2);
        }
        Duration takeOver = Duration.between(killed, Instant.now());
        assertThat(claims(admin)).containsOnlyKeys(0, 1).containsValues(ownerOf(second))
                .doesNotContainValue(ownerOf(first));
        // the dead instance's claims expire after the claim timeout; an idle thread of the survivor
        // then claims within its claim interval (5 s) and catches up
        System.out.printf("the survivor showed every new report %.1f s after the kill (claim timeout %d s)%n",
                takeOver.toMillis() / 1000.0, CLAIM_TIMEOUT.toSeconds());
    }

    private ServiceProcess start(String name, String jdbcUrl, List<String> settings) throws Exception {
        // from this test's class path: in `mvn verify` the tests run before the jar is packaged
        ServiceProcess service = ServiceProcess.startClass(System.getProperty("java.class.path"),
                QueryServiceApplication.class.getName(), name, folder.resolve("logs"), ServiceProcess.freePort(),
                jdbcUrl, LocalDatabase.QUERY_ROLE, settings);
        services.add(service);
        return service;
    }

    /** The event store's tables as the command-service's migration creates them, readable by the query-service. */
    private static void createEventStore(DataSource admin) throws Exception {
        try (Connection connection = admin.getConnection(); Statement sql = connection.createStatement()) {
            TestDatabase.createEventStore(sql);
        }
    }

    private static void report(JdbcEventStorageEngine events, int ledger, int day) {
        String claimant = "claimant-" + ledger;
        String stream = CONFLICT + "/losses/RU/" + claimant;
        append(events, stream, day, new LossesReported(stream, "r" + ledger + "-" + day, CONFLICT, "RU", claimant,
                WorldDate.parse(LocalDate.of(2025, 1, 1).plusDays(day).toString()), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, 1000 + day, Qualifier.EXACT)),
                new Source("Outlet", "https://example.org/" + ledger, "Losses", Instant.parse("2025-01-02T00:00:00Z"))));
    }

    private static void append(JdbcEventStorageEngine events, String stream, long version, Object payload) {
        List<DomainEventMessage<?>> messages = List.of(new GenericDomainEventMessage<>(
                payload.getClass().getSimpleName(), stream, version, payload, MetaData.from(Map.of(
                "editor", "editor-in-test", "recordedAt", Instant.now().toString(),
                "correlationId", UUID.randomUUID().toString()))));
        events.appendEvents(messages);
    }

    /** The ledger's reports as the instance's read API shows them. */
    private static int awaitReports(ServiceProcess service, int ledger, int expected, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        int seen = 0;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/api/conflicts/"
                    + CONFLICT + "/losses/RU/PERSONNEL/series?claimant=claimant-" + ledger)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode points = JSON.readTree(response.body()).path("points");
                seen = points.size();
                if (seen >= expected) {
                    return seen;
                }
            }
            Thread.sleep(200);
        }
        return seen;
    }

    private static String ownerOf(ServiceProcess service) {
        return String.valueOf(service.process().pid());
    }

    private static Map<String, String> owners(ServiceProcess... services) {
        Map<String, String> byPid = new HashMap<>();
        for (ServiceProcess service : services) {
            byPid.put(ownerOf(service), service.name());
        }
        return byPid;
    }

    /** Waits until the losses processor's segments are held by two different instances. */
    private static Map<Integer, String> awaitOwners(DataSource admin, Map<String, String> instances, Duration timeout)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Map<Integer, String> claims = Map.of();
        while (Instant.now().isBefore(deadline)) {
            claims = claims(admin);
            if (claims.size() == 2 && claims.values().stream().distinct().count() == 2
                    && instances.keySet().containsAll(claims.values())) {
                return claims;
            }
            Thread.sleep(250);
        }
        return claims;
    }

    /** The losses processor's segments and the process id of the instance claiming each. */
    private static Map<Integer, String> claims(DataSource admin) throws Exception {
        Map<Integer, String> claims = new HashMap<>();
        try (Connection connection = admin.getConnection(); Statement sql = connection.createStatement();
             var rows = sql.executeQuery("""
                     SELECT segment, owner FROM read_model.token_entry WHERE processor_name = 'losses'""")) {
            while (rows.next()) {
                String owner = rows.getString(2);
                claims.put(rows.getInt(1), owner == null ? "unclaimed" : owner.substring(0, owner.indexOf('@')));
            }
        }
        return claims;
    }
}
