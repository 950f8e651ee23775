package io.warnews.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.warnews.command.support.Api;
import io.warnews.command.support.CommandServiceTest;
import io.warnews.command.support.EventStoreRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static io.warnews.command.support.Requests.CONFLICT;
import static io.warnews.command.support.Requests.attack;
import static io.warnews.command.support.Requests.batch;
import static io.warnews.command.support.Requests.batchItem;
import static io.warnews.command.support.Requests.conflict;
import static io.warnews.command.support.Requests.figure;
import static io.warnews.command.support.Requests.lossReport;
import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of bad input: its status, a problem naming the field or rule, and nothing stored. */
@CommandServiceTest
class BadInputTest {

    private static final String REPORTS = "/api/conflicts/" + CONFLICT + "/loss-reports";

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

    private JsonNode refused(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().getContentType()).hasToString("application/problem+json");
        assertThat(new EventStoreRows(jdbc).count()).as("events stored").isEqualTo(storedBefore);
        return response.json();
    }

    private static void namesField(JsonNode problem, String field, String words) {
        assertThat(problem.path("errors")).anySatisfy(error -> {
            assertThat(error.path("field").asText()).isEqualTo(field);
            assertThat(error.path("message").asText()).contains(words);
        });
    }

    @Test
    void malformedJsonIsA400() {
        JsonNode problem = refused(api.post(REPORTS, "{\"reportId\": \"r1\", "), 400);
        assertThat(problem.path("detail").asText()).startsWith("malformed JSON");
    }

    @Test
    void aMissingFigureValueIsA400NamingTheField() {
        var report = lossReport("r1", "2025-06-12", 1);
        report.put("figures", List.of(Map.of("category", "PERSONNEL")));
        namesField(refused(api.post(REPORTS, report), 400), "figures[0].value", "must not be null");
    }

    @Test
    void aMissingSourceIsA400() {
        var report = lossReport("r1", "2025-06-12", 1);
        report.remove("source");
        namesField(refused(api.post(REPORTS, report), 400), "source", "must not be null");
    }

    @Test
    void aNegativeNumberIsA400() {
        namesField(refused(api.post(REPORTS, lossReport("r1", "2025-06-12", -5)), 400), "figures[0].value",
                "greater than or equal to 0");
    }

    @Test
    void aFractionalCountIsA400() {
        var report = lossReport("r1", "2025-06-12", 1);
        report.put("figures", List.of(figure("PERSONNEL", 1.5)));
        namesField(refused(api.post(REPORTS, report), 400), "figures[0].value", "");
    }

    @Test
    void anUnknownCategoryIsA400ListingTheKnownOnes() {
        var report = lossReport("r1", "2025-06-12", 1);
        report.put("figures", List.of(figure("BICYCLES", 3)));
        namesField(refused(api.post(REPORTS, report), 400), "figures[0].category", "PERSONNEL");
    }

    @Test
    void anImpossibleWorldDateIsA400() {
        namesField(refused(api.post(REPORTS, lossReport("r1", "2025-02-30", 1)), 400), "asOf", "2025-02-30");
    }

    @Test
    void anImpossibleCalendarDateIsA400() {
        var attack = attack("a1", 5, 1);
        ((Map<String, Object>) attack.get("details")).put("startDate", "2025-13-01");
        namesField(refused(api.post("/api/conflicts/" + CONFLICT + "/attacks", attack), 400),
                "details.startDate", "2025-13-01");
    }

    /** A year the read models' four-digit world dates cannot hold (it was accepted, and its timeline entry failed). */
    @Test
    void aConflictStartingInANegativeOrFiveDigitYearIsA400() {
        for (String startDate : List.of("-2024-01-01", "+10000-01-01")) {
            var conflict = conflict("other-start");
            conflict.put("startDate", startDate);
            namesField(refused(api.post("/api/conflicts", conflict), 400), "startDate", "0000 to 9999");
        }
    }

    @Test
    void anUnknownFieldIsA400NamingIt() {
        var report = lossReport("r1", "2025-06-12", 1);
        report.put("figrues", List.of());
        namesField(refused(api.post(REPORTS, report), 400), "figrues", "not a known field");
    }

    @Test
    void aBadSourceUrlIsA400() {
        var report = lossReport("r1", "2025-06-12", 1);
        ((Map<String, Object>) report.get("source")).put("url", "mil.gov.ua");
        namesField(refused(api.post(REPORTS, report), 400), "source.url", "http(s) URL");
    }

    @Test
    void anOversizedBodyIsA413() {
        String huge = "{\"reportId\":\"r1\",\"claimant\":\"" + "x".repeat(17 * 1024 * 1024) + "\"}";
        refused(api.post(REPORTS, huge), 413);
    }

    @Test
    void anOversizedChunkedBodyIsA413() throws Exception {
        byte[] prefix = "{\"reportId\":\"r1\",\"claimant\":\"".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.InputStream body = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(prefix),
                new java.io.InputStream() {
                    private long left = 17L * 1024 * 1024;

                    @Override
                    public int read() {
                        return left-- > 0 ? 'x' : -1;
                    }
                });
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + REPORTS))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("editor:editor-dev-password".getBytes()))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(new EventStoreRows(jdbc).count()).isEqualTo(storedBefore);
    }

    @Test
    void aBatchOverTheItemLimitIsA400() {
        var items = java.util.stream.IntStream.range(0, 5001)
                .mapToObj(i -> batchItem("b" + i, "2025-06-12", 1)).toList();
        namesField(refused(api.post(REPORTS + "/batch", batch(items)), 400), "reports", "size must be between");
    }

    @Test
    void anUnknownConflictIsA404() {
        JsonNode problem = refused(api.post("/api/conflicts/narnia/loss-reports", lossReport("r1", "2025-06-12", 1)),
                404);
        assertThat(problem.path("rule").asText()).isEqualTo("CONFLICT_MUST_EXIST");
        assertThat(problem.path("detail").asText()).contains("narnia");
    }

    @Test
    void anUnknownPartyIsA422() {
        var report = lossReport("r1", "2025-06-12", 1);
        report.put("side", "FR");
        JsonNode problem = refused(api.post(REPORTS, report), 422);
        assertThat(problem.path("rule").asText()).isEqualTo("PARTY_MUST_BELONG_TO_CONFLICT");
    }

    @Test
    void aDateBeforeTheStartIsA422() {
        assertThat(refused(api.post(REPORTS, lossReport("r1", "2021-06-12", 1)), 422).path("rule").asText())
                .isEqualTo("DATE_MAY_NOT_PRECEDE_CONFLICT_START");
    }

    @Test
    void aDateInTheFutureIsA422() {
        assertThat(refused(api.post(REPORTS, lossReport("r1", "2099-01-01", 1)), 422).path("rule").asText())
                .isEqualTo("DATE_MAY_NOT_BE_IN_THE_FUTURE");
    }


    @Test
    void aCorrectionOfAnUnknownReportIsA404() {
        var correction = Map.of("figures", List.of(figure("PERSONNEL", 1)), "reason", "typo");
        assertThat(refused(api.post(REPORTS + "/nope/corrections", correction), 404).path("rule").asText())
                .isEqualTo("REPORT_MUST_EXIST");
    }

    @Test
    void aRevisionOfAnUnknownAttackIsA404() {
        var revision = Map.of("casualties", Map.of("killed", 1), "claimant", "x",
                "source", io.warnews.command.support.Requests.source());
        refused(api.post("/api/attacks/nope/casualty-revisions", revision), 404);
    }

    @Test
    void writingWithoutCredentialsIsA401() {
        var response = api.anonymous().post(REPORTS, lossReport("r1", "2025-06-12", 1));
        assertThat(response.status()).isEqualTo(401);
        assertThat(new EventStoreRows(jdbc).count()).isEqualTo(storedBefore);
    }

    @Test
    void writingWithoutTheEditorRoleIsA403() {
        var response = api.as("auditor", "auditor-dev-password").post(REPORTS, lossReport("r1", "2025-06-12", 1));
        assertThat(response.status()).isEqualTo(403);
        assertThat(new EventStoreRows(jdbc).count()).isEqualTo(storedBefore);
    }
}
