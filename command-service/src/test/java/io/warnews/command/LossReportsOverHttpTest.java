package io.warnews.command;

import io.warnews.command.support.Api;
import io.warnews.command.support.CommandServiceTest;
import io.warnews.command.support.EventStoreRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.warnews.command.support.Requests.batch;
import static io.warnews.command.support.Requests.batchItem;
import static io.warnews.command.support.Requests.conflict;
import static io.warnews.command.support.Requests.figure;
import static io.warnews.command.support.Requests.lossReport;
import static org.assertj.core.api.Assertions.assertThat;

/** Loss reports through the HTTP API: retries, batches, corrections, retractions, snapshots. */
@CommandServiceTest
class LossReportsOverHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    String conflictId;
    String reports;
    EventStoreRows store;

    @BeforeEach
    void aConflictOfItsOwn() {
        api = new Api(port);
        store = new EventStoreRows(jdbc);
        conflictId = "c-" + System.nanoTime();
        reports = "/api/conflicts/" + conflictId + "/loss-reports";
        assertThat(api.post("/api/conflicts", conflict(conflictId)).status()).isEqualTo(201);
    }

    private String ledger() {
        return conflictId + "/losses/RU/ministry-of-defence-of-ukraine";
    }

    @Test
    void aRetryWithTheSameContentAnswers200WithTheOriginalVersionAndRecordsNothing() {
        api.post(reports, lossReport("r1", "2025-06-10", 100));
        var first = api.post(reports, lossReport("r2", "2025-06-11", 200));
        api.post(reports, lossReport("r3", "2025-06-12", 300));

        var retry = api.post(reports, lossReport("r2", "2025-06-11", 200));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().path("version").asLong()).isEqualTo(first.json().path("version").asLong())
                .isEqualTo(1L);
        assertThat(store.stream(ledger())).hasSize(3);
    }

    @Test
    void theSameIdWithOtherContentIsA409() {
        api.post(reports, lossReport("r1", "2025-06-10", 100));
        var clash = api.post(reports, lossReport("r1", "2025-06-10", 101));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.json().path("rule").asText()).isEqualTo("ID_REUSED_WITH_OTHER_CONTENT");
        assertThat(store.stream(ledger())).hasSize(1);
    }

    @Test
    void aReportIdIsUniqueAcrossTheLedgersOfAConflict() {
        api.post(reports, lossReport("r1", "2025-06-10", 100));
        var other = lossReport("r1", "2025-06-10", 100);
        other.put("side", "UA");
        var clash = api.post(reports, other);
        assertThat(clash.status()).as(clash.body()).isEqualTo(409);
        assertThat(clash.json().path("detail").asText()).contains(ledger());
        assertThat(store.stream(conflictId + "/losses/UA/ministry-of-defence-of-ukraine")).isEmpty();
    }

    @Test
    void aBatchOf1500DaysIsRecordedAsOneEventEachAndItsRetryRecordsNothing() {
        LocalDate start = LocalDate.of(2022, 3, 1);
        var items = IntStream.range(0, 1500)
                .mapToObj(i -> batchItem("d" + i, start.plusDays(i).toString(), 1000L + i)).toList();

        var response = api.post(reports + "/batch", batch(items));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("recorded").asLong()).isEqualTo(1500);
        assertThat(response.json().path("version").asLong()).isEqualTo(1499);
        assertThat(store.stream(ledger())).hasSize(1500);

        var retry = api.post(reports + "/batch", batch(items));
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().path("alreadyRecorded").asLong()).isEqualTo(1500);
        assertThat(store.stream(ledger())).hasSize(1500);
    }

    @Test
    void aBatchWithOneBadReportRecordsNone() {
        var items = List.of(batchItem("d1", "2025-06-01", 100), batchItem("d2", "2025-06-02", 200),
                batchItem("d3", "2025-06-03", 150), batchItem("d4", "2025-06-04", 300));
        var response = api.post(reports + "/batch", batch(items));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("rule").asText())
                .isEqualTo("CUMULATIVE_FIGURE_MAY_NOT_DECREASE_WITHOUT_CORRECTION");
        assertThat(response.json().path("detail").asText()).contains("d3").contains("d2");
        assertThat(store.stream(ledger())).isEmpty();
        assertThat(api.post(reports + "/corrections", Map.of()).status()).isNotEqualTo(500);
    }

    @Test
    void aDecreaseIsFiledAsACorrectionOfTheReportThatWasTooHigh() {
        api.post(reports, lossReport("r1", "2025-06-10", 3799));
        var lower = api.post(reports, lossReport("r2", "2025-06-11", 3797));
        assertThat(lower.status()).isEqualTo(422);

        var correction = api.post(reports + "/r1/corrections", Map.of(
                "figures", List.of(figure("PERSONNEL", 3797)), "reason", "the ministry revised its count"));
        assertThat(correction.status()).as(correction.body()).isEqualTo(201);
        assertThat(api.post(reports, lossReport("r2", "2025-06-11", 3797)).status()).isEqualTo(201);

        assertThat(store.stream(ledger())).extracting(EventStoreRows.Row::simpleType)
                .containsExactly("LossesReported", "LossReportCorrected", "LossesReported");
        assertThat(store.stream(ledger()).get(1).payload().path("reason").asText())
                .isEqualTo("the ministry revised its count");
    }

    @Test
    void aBatchCorrectsEarlierReportsFirstAndThenRecordsTheLowerFigureAllOrNone() {
        api.post(reports, lossReport("r1", "2025-06-10", 3799));
        var body = batch(List.of(batchItem("r2", "2025-06-11", 3797)));
        body.put("corrections", List.of(Map.of("reportId", "r1", "figures", List.of(figure("PERSONNEL", 3797)),
                "reason", "the ministry revised its count")));

        var response = api.post(reports + "/batch", body);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("corrected").asLong()).isEqualTo(1);
        assertThat(response.json().path("recorded").asLong()).isEqualTo(1);
        assertThat(store.stream(ledger())).extracting(EventStoreRows.Row::simpleType)
                .containsExactly("LossesReported", "LossReportCorrected", "LossesReported");
        var retry = api.post(reports + "/batch", body);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().path("alreadyCorrected").asLong()).isEqualTo(1);
        assertThat(store.stream(ledger())).hasSize(3);
    }

    @Test
    void aBatchCorrectingAnUnknownReportRecordsNothing() {
        api.post(reports, lossReport("r1", "2025-06-10", 100));
        var body = batch(List.of(batchItem("r2", "2025-06-11", 200)));
        body.put("corrections", List.of(Map.of("reportId", "nope", "figures", List.of(figure("PERSONNEL", 1)),
                "reason", "x")));
        var response = api.post(reports + "/batch", body);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("rule").asText()).isEqualTo("REPORT_MUST_EXIST");
        assertThat(store.stream(ledger())).hasSize(1);
    }

    @Test
    void aRetractedReportStaysInHistoryAndCannotBeCorrected() {
        api.post(reports, lossReport("r1", "2025-06-10", 100));
        assertThat(api.post(reports + "/r1/retraction", Map.of("reason", "duplicate")).status()).isEqualTo(201);
        assertThat(api.post(reports + "/r1/retraction", Map.of("reason", "duplicate")).status()).isEqualTo(200);

        var correction = api.post(reports + "/r1/corrections", Map.of(
                "figures", List.of(figure("PERSONNEL", 90)), "reason", "typo"));
        assertThat(correction.status()).isEqualTo(409);
        assertThat(correction.json().path("rule").asText()).isEqualTo("RETRACTED_REPORT_CANNOT_BE_CORRECTED");
        assertThat(store.stream(ledger())).extracting(EventStoreRows.Row::simpleType)
                .containsExactly("LossesReported", "LossReportRetracted");
    }

    @Test
    void aLongLedgerIsSnapshottedAndStillKeepsItsRulesAfterwards() {
        var items = IntStream.range(0, 60)
                .mapToObj(i -> batchItem("s" + i, LocalDate.of(2025, 1, 1).plusDays(i).toString(), 100L + i))
                .toList();
        api.post(reports + "/batch", batch(items));
        api.post(reports, lossReport("s60", "2025-03-05", 200));

        long deadline = System.nanoTime() + 10_000_000_000L;
        long snapshots = 0;
        while (snapshots == 0 && System.nanoTime() < deadline) {
            snapshots = jdbc.queryForObject(
                    "SELECT count(*) FROM event_store.snapshot_event_entry WHERE aggregate_identifier = ?",
                    Long.class, ledger());
        }
        assertThat(snapshots).as("a snapshot, taken in the background").isPositive();
        var decrease = api.post(reports, lossReport("s61", "2025-03-06", 150));
        assertThat(decrease.status()).isEqualTo(422);
        assertThat(decrease.json().path("detail").asText()).contains("s60");
        assertThat(api.post(reports, lossReport("s5", "2025-01-06", 105)).status()).isEqualTo(200);
    }
}
