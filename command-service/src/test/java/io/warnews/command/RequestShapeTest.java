package io.warnews.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warnews.command.support.Api;
import io.warnews.command.support.CommandServiceTest;
import io.warnews.command.support.EventStoreRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;

import static io.warnews.command.support.Requests.CONFLICT;
import static io.warnews.command.support.Requests.attack;
import static io.warnews.command.support.Requests.conflict;
import static io.warnews.command.support.Requests.lossReport;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a request carries besides well-formed fields: media types, duplicate keys, scalars as ids,
 * the text rule, query parameters, path ids, ids of another kind, composed stream ids, and what the
 * web server and the firewall refuse. Each is a 4xx problem and records nothing.
 */
@CommandServiceTest
class RequestShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String EDITOR = "Basic " + Base64.getEncoder().encodeToString(
            "editor:editor-dev-password".getBytes());

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    long storedBefore;

    @BeforeEach
    void conflictIsRegistered() {
        api = new Api(port);
        api.post("/api/conflicts", conflict(CONFLICT));
        storedBefore = new EventStoreRows(jdbc).count();
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", EDITOR)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode refused(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(new EventStoreRows(jdbc).count()).as("events stored").isEqualTo(storedBefore);
        return JSON.readTree(response.body());
    }

    private static String conflictJson(String id) throws Exception {
        return JSON.writeValueAsString(conflict(id));
    }

    @Test
    void aContentTypePatternIsA415() throws Exception {
        refused(send("POST", "/api/conflicts", "*/*", conflictJson("pattern")), 415);
        refused(send("POST", "/api/conflicts", "application/*", conflictJson("pattern")), 415);
        refused(send("POST", "/api/conflicts", "text/plain", conflictJson("pattern")), 415);
    }

    @Test
    void aDuplicateKeyIsA400() throws Exception {
        String body = conflictJson("first").replaceFirst("\\{", "{\"conflictId\":\"second\",");
        assertThat(refused(send("POST", "/api/conflicts", "application/json", body), 400).path("detail").asText())
                .contains("Duplicate field 'conflictId'");
    }

    @Test
    void aNumberIsNeverAnId() throws Exception {
        String body = conflictJson("x").replace("\"conflictId\":\"x\"", "\"conflictId\":12345");
        JsonNode problem = refused(send("POST", "/api/conflicts", "application/json", body), 400);
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("conflictId");
        String bool = conflictJson("x").replace("\"conflictId\":\"x\"", "\"conflictId\":true");
        refused(send("POST", "/api/conflicts", "application/json", bool), 400);
    }

    @Test
    void textWithControlCharactersIsRefusedNamingTheField() throws Exception {
        Map<String, Object> report = lossReport("nul", "2024-01-01", 5);
        String body = JSON.writeValueAsString(report).replace("\"claimant\":\"", "\"claimant\":\"a\\u0000");
        JsonNode problem = refused(send("POST", "/api/conflicts/" + CONFLICT + "/loss-reports", "application/json",
                body), 400);
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("claimant");
        assertThat(problem.at("/errors/0/message").asText()).contains("U+0000");
        String unpaired = JSON.writeValueAsString(report).replace("\"claimant\":\"", "\"claimant\":\"\\ud800");
        refused(send("POST", "/api/conflicts/" + CONFLICT + "/loss-reports", "application/json", unpaired), 400);
    }

    @Test
    void tabsNewLinesAndAnyUnicodeAreAccepted() throws Exception {
        Map<String, Object> report = lossReport("unicode", "2024-01-01", 5);
        String body = JSON.writeValueAsString(report).replace("\"claimant\":\"",
                "\"claimant\":\"\\t\\n\\r \\u041a\\u0438\\u0457\\u0432 \\ud83d\\ude80 \\u202e ");
        assertThat(send("POST", "/api/conflicts/" + CONFLICT + "/loss-reports", "application/json", body)
                .statusCode()).isEqualTo(201);
    }

    @Test
    void anUnknownQueryParameterIsA400NamingIt() throws Exception {
        JsonNode problem = refused(send("POST", "/api/conflicts?reportId=r1", "application/json",
                conflictJson("query")), 400);
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("reportId");
    }

    @Test
    void aBlankOrOverlongPathIdIsA400NamingIt() throws Exception {
        String body = JSON.writeValueAsString(attack("a1", 1, 0));
        JsonNode blank = refused(send("POST", "/api/conflicts/%20/attacks", "application/json", body), 400);
        assertThat(blank.at("/errors/0/field").asText()).isEqualTo("conflictId");
        refused(send("POST", "/api/attacks/" + "x".repeat(101) + "/retraction", "application/json",
                "{\"reason\":\"r\"}"), 400);
    }

    @Test
    void anIdOfAnotherKindOfRecordIsA409() throws Exception {
        String body = JSON.writeValueAsString(attack(CONFLICT, 1, 0));
        JsonNode problem = refused(send("POST", "/api/conflicts/" + CONFLICT + "/attacks", "application/json", body),
                409);
        assertThat(problem.path("type").asText()).isEqualTo("urn:warnews:problem:id-in-use");
    }

    @Test
    void aClaimantWhoseLedgerIdWouldNotFitIsA400() throws Exception {
        Map<String, Object> report = lossReport("long", "2024-01-01", 5);
        String body = JSON.writeValueAsString(report).replaceFirst("\"claimant\":\"[^\"]*\"",
                "\"claimant\":\"" + "\u2473".repeat(200) + "\"");
        JsonNode problem = refused(send("POST", "/api/conflicts/" + CONFLICT + "/loss-reports", "application/json",
                body), 400);
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("claimant");
    }

    @Test
    void whatTheWebServerAndTheFirewallRefuseIsAProblemToo() throws Exception {
        refused(send("POST", "/api/conflicts/a%2Fb/attacks", "application/json", "{}"), 400);
        refused(send("POST", "/api/conflicts/a;b/attacks", "application/json", "{}"), 400);
        refused(send("FOO", "/api/conflicts", "application/json", "{}"), 400);
        refused(send("GET", "/api/conflicts", null, null), 405);
        refused(send("GET", "/nothing-here", null, null), 404);
    }
}
