package io.warnews.command;

import io.warnews.command.seed.SeedStory;
import io.warnews.command.support.Api;
import io.warnews.command.support.CommandServiceTest;
import io.warnews.command.support.EventStoreRows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@CommandServiceTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class SeedStoryRecordingTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSeedStoryIsRecordedAsEventsInTheirStreamsWithTheEditorsName() {
        Api api = new Api(port).withHeaders(Map.of("X-Correlation-Id", "seed-run-1"));
        for (SeedStory.Request request : SeedStory.requests()) {
            var response = api.post(request.path(), request.body());
            assertThat(response.status()).as(request.path() + " " + response.body()).isEqualTo(201);
        }

        var rows = new EventStoreRows(jdbc).all();
        assertThat(rows).extracting(EventStoreRows.Row::streamId, EventStoreRows.Row::version,
                EventStoreRows.Row::simpleType).containsExactly(
                tuple("russia-ukraine", 0L, "ConflictRegistered"),
                tuple("russia-ukraine/losses/RU/ministry-of-defence-of-ukraine", 0L, "LossesReported"),
                tuple("russia-ukraine/losses/UA/president-of-ukraine", 0L, "LossesReported"),
                tuple("kharkiv-strike-2025-06-11", 0L, "AttackLaunched"),
                tuple("record-drone-attack-2025-06-09", 0L, "AttackLaunched"),
                tuple("istanbul-2025", 0L, "TalksOpened"),
                tuple("istanbul-2025", 1L, "RoundHeld"),
                tuple("istanbul-2025", 2L, "TermsProposed"),
                tuple("istanbul-2025", 3L, "PrisonersExchanged"));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.metaData().path("editor").asText()).isEqualTo("editor");
            assertThat(row.metaData().path("correlationId").asText()).isEqualTo("seed-run-1");
            assertThat(row.metaData().path("recordedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        });

        var personnel = rows.get(1).payload();
        assertThat(personnel.path("asOf").asText()).isEqualTo("2025-06-12");
        assertThat(personnel.path("figures").get(0).path("value").asLong()).isEqualTo(1_000_340L);
        assertThat(personnel.path("figures").get(0).path("qualifier").asText()).isEqualTo("ABOUT");
        assertThat(rows.get(2).payload().path("asOf").asText()).isEqualTo("2025-02");
        assertThat(rows.get(7).payload().path("terms")).hasSize(7);
    }

    @Test
    void postingTheStoryAgainRecordsNothingNewAndAnswersWithTheOriginalVersions() {
        Api api = new Api(port);
        SeedStory.requests().forEach(request -> api.post(request.path(), request.body()));
        long stored = new EventStoreRows(jdbc).count();

        List<Api.Response> again = SeedStory.requests().stream()
                .map(request -> api.post(request.path(), request.body())).toList();

        assertThat(again).allSatisfy(response -> assertThat(response.status()).as(response.body()).isEqualTo(200));
        assertThat(again.get(7).json().path("version").asLong()).isEqualTo(2L);
        assertThat(new EventStoreRows(jdbc).count()).isEqualTo(stored);
    }
}
