package io.warnews.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warnews.query.QueryServiceApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

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
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Both services against one PostgreSQL, as the local run starts them: the command-service from its
 * runnable jar as a process of its own, the query-service in this JVM, each with its own database
 * role. The seed story goes in through the editors' API and comes out of the readers' API.
 */
class EndToEndTest {

    private static final Path COMMAND_JAR = Path.of("../command-service/target/command-service-exec.jar");
    private static final Path SEED_STORY = Path.of("../command-service/src/main/resources/seed/seed-story.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static EmbeddedPostgres postgres;
    private static ServiceProcess command;
    private static ConfigurableApplicationContext query;
    private static String queryUrl;
    private static String jdbcUrl;

    @BeforeAll
    static void startTheBackend() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        LocalDatabase.prepare(postgres.getPostgresDatabase(), "warnews_e2e");
        jdbcUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/warnews_e2e";
        command = ServiceProcess.start(COMMAND_JAR, "command-service", Files.createTempDirectory("e2e-logs"),
                ServiceProcess.freePort(), jdbcUrl, LocalDatabase.COMMAND_ROLE, List.of()).awaitHealthy(Duration.ofMinutes(2));
        query = new SpringApplicationBuilder(QueryServiceApplication.class).profiles("local").run(
                "--server.port=0", "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + LocalDatabase.QUERY_ROLE,
                "--spring.datasource.password=" + LocalDatabase.QUERY_ROLE);
        queryUrl = "http://localhost:" + ((WebServerApplicationContext) query).getWebServer().getPort();
    }

    @AfterAll
    static void stopTheBackend() throws IOException {
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
    void theSeedStoryWrittenThroughTheCommandServiceReadsBackFromTheQueryService() throws Exception {
        JsonNode last = null;
        for (JsonNode request : JSON.readTree(SEED_STORY.toFile()).get("requests")) {
            var response = post(command.url() + request.get("path").asText(), request.get("body"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            last = JSON.readTree(response.body());
        }
        String waitFor = "?waitFor=" + URLEncoder.encode(last.get("streamId").asText() + "@"
                + last.get("version").asText(), StandardCharsets.UTF_8);

        JsonNode losses = get("/api/conflicts/russia-ukraine/losses" + waitFor);
        JsonNode personnel = category(losses, "RU", "PERSONNEL");
        assertThat(personnel.at("/headline/value").asLong()).isEqualTo(1_000_340L);
        assertThat(personnel.at("/headline/qualifier").asText()).isEqualTo("ABOUT");
        assertThat(personnel.at("/headline/claimant").asText()).isEqualTo("Ministry of Defence of Ukraine");
        assertThat(personnel.at("/headline/asOf").asText()).isEqualTo("2025-06-12");
        JsonNode killed = category(losses, "UA", "KILLED");
        assertThat(killed.at("/headline/value").asLong()).isEqualTo(45_000L);
        assertThat(killed.at("/headline/qualifier").asText()).isEqualTo("AT_LEAST");
        assertThat(killed.at("/headline/asOf").asText()).isEqualTo("2025-02");
        assertThat(category(losses, "UA", "WOUNDED").at("/headline/value").asLong()).isEqualTo(390_000L);

        JsonNode milestones = get("/api/conflicts/russia-ukraine/milestones?side=RU&category=PERSONNEL" + "&"
                + waitFor.substring(1));
        assertThat(milestones.get("milestones")).anySatisfy(milestone -> {
            assertThat(milestone.get("threshold").asLong()).isEqualTo(1_000_000L);
            assertThat(milestone.get("value").asLong()).isEqualTo(1_000_340L);
        });

        JsonNode records = get("/api/conflicts/russia-ukraine/attacks/records" + waitFor);
        assertThat(records.at("/mostLaunched/attackId").asText()).isEqualTo("record-drone-attack-2025-06-09");
        assertThat(records.at("/mostLaunched/launched/value").asInt()).isEqualTo(479);

        JsonNode kharkiv = get("/api/conflicts/russia-ukraine/attacks?region=Kharkiv&" + waitFor.substring(1));
        assertThat(kharkiv).hasSize(1);
        assertThat(kharkiv.get(0).at("/casualties/killed").asInt()).isEqualTo(1);
        assertThat(kharkiv.get(0).at("/casualties/injured").asInt()).isEqualTo(23);

        JsonNode talks = get("/api/talks/istanbul-2025" + waitFor);
        assertThat(talks.get("status").asText()).isEqualTo("OPEN");
        assertThat(talks.at("/proposals/0/proposer").asText()).isEqualTo("UA");
        assertThat(talks.at("/proposals/0/terms")).hasSize(7)
                .allSatisfy(term -> {
                    assertThat(term.get("status").asText()).isEqualTo("OPEN");
                    assertThat(term.get("responses")).isEmpty();
                });
        assertThat(talks.get("prisonerExchanges")).hasSize(1);

        assertThat(get("/api/conflicts/russia-ukraine?asOf=2025-06-12").get("dayOfWar").asInt()).isEqualTo(1205);
    }

    @Test
    void theQueryServicesDatabaseRoleCanReadTheEventStoreButNotWriteIt() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, LocalDatabase.QUERY_ROLE,
                LocalDatabase.QUERY_ROLE)) {
            connection.createStatement().executeQuery("SELECT count(*) FROM event_store.domain_event_entry");
            assertThatThrownBy(() -> connection.createStatement().executeUpdate(
                    "DELETE FROM event_store.domain_event_entry"))
                    .hasMessageContaining("permission denied");
        }
    }

    private static JsonNode category(JsonNode losses, String side, String category) {
        for (JsonNode s : losses.get("sides")) {
            if (s.get("side").asText().equals(side)) {
                for (JsonNode c : s.get("categories")) {
                    if (c.get("category").asText().equals(category)) {
                        return c;
                    }
                }
            }
        }
        throw new AssertionError(side + " " + category + " not in " + losses);
    }

    private static HttpResponse<String> post(String url, JsonNode body) throws Exception {
        String credentials = Base64.getEncoder().encodeToString("editor:editor-dev-password".getBytes());
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(String path) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(queryUrl + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
