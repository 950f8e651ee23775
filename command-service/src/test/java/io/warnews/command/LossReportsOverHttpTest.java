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

/**
 * Loss reports through the HTTP API: retries, batches, warnings, corrections, revisions,
 * retractions, restorations, snapshots.
 */
@CommandServiceTest
class LossReportsOverHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.axonframework.common.caching.Cache aggregateCache;
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
    void aBatchWithOneMalformedReportRecordsNone() {
        var items = List.of(batchItem("d1", "2025-06-01", 100), batchItem("d2", "2025-06-02", 200),
                batchItem("d3", "2021-06-03", 150), batchItem("d4", "2025-06-04", 300));
        var response = api.post(reports + "/batch", batch(items));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("rule").asText()).isEqualTo("DATE_MAY_NOT_PRECEDE_CONFLICT_START");
        assertThat(response.json().path("detail").asText()).contains("d3");
        assertThat(store.stream(ledger())).isEmpty();
        assertThat(api.post(reports + "/corrections", Map.of()).status()).isNotEqualTo(500);
    }

    @Test
    void aDecreaseIsRecordedAsPublishedAndAnsweredWithAWarning() {
        api.post(reports, lossReport("r1", "2025-06-10", 3799));
        var lower = api.post(reports, lossReport("r2", "2025-06-11", 3797));
        assertThat(lower.status()).as(lower.body()).isEqualTo(201);
        assertThat(lower.json().path("warnings").get(0).asText()).isEqualTo("PERSONNEL 3,797 as of 2025-06-11 is "
                + "lower than 3,799 as of 2025-06-10 from the same claimant (report 'r1')");

        var correction = api.post(reports + "/r1/corrections", Map.of(
                "figures", List.of(figure("PERSONNEL", 3797)), "reason", "transcribed wrongly"));
        assertThat(correction.status()).as(correction.body()).isEqualTo(201);
        assertThat(correction.json().path("warnings")).isEmpty();

        assertThat(store.stream(ledger())).extracting(EventStoreRows.Row::simpleType)
                .containsExactly("LossesReported", "LossesReported", "LossReportCorrected");
        assertThat(store.stream(ledger()).get(2).payload().path("reason").asText()).isEqualTo("transcribed wrongly");
    }

    @Test
    void aCorrectionIsCheckedLikeAReportAndAnsweredWithAWarning() {
        api.post(reports, lossReport("r1", "2025-06-10", 3799));
        api.post(reports, lossReport("r2", "2025-06-11", 3801));
        var correction = api.post(reports + "/r2/corrections", Map.of(
                "figures", List.of(figure("PERSONNEL", 3700)), "reason", "typo"));
        assertThat(correction.status()).as(correction.body()).isEqualTo(201);
        assertThat(correction.json().path("warnings").get(0).asText())
                .startsWith("PERSONNEL 3,700 as of 2025-06-11 is lower than 3,799 as of 2025-06-10");
    }

    @Test
    void aRevisionKeepsBothFiguresAsTheClaimantsWordsAndItsRetryRecordsNothing() {
        api.post(reports, lossReport("r1", "2025-06-10", 3700));
        var withoutSource = api.post(reports + "/r1/revisions", Map.of("figures", List.of(figure("PERSONNEL", 3617))));
        assertThat(withoutSource.status()).isEqualTo(400);

        Map<String, Object> revision = Map.of("figures", List.of(figure("PERSONNEL", 3617)),
                "reason", "the ministry lowered its count", "source", Map.of("outlet", "Ministry",
                        "url", "https://www.mil.gov.ua/news/1", "publishedAt", "2025-06-12T05:00:00Z"));
        var revised = api.post(reports + "/r1/revisions", revision);
        var retry = api.post(reports + "/r1/revisions", revision);

        assertThat(revised.status()).as(revised.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().path("version").asLong()).isEqualTo(revised.json().path("version").asLong());
        var events = store.stream(ledger());
        assertThat(events).extracting(EventStoreRows.Row::simpleType)
                .containsExactly("LossesReported", "LossReportRevised");
        assertThat(events.get(1).payload().path("source").path("publishedAt").asText())
                .isEqualTo("2025-06-12T05:00:00Z");
    }

    @Test
    void figureBoundsMustEncloseItsValue() {
        var report = lossReport("r1", "2025-06-10", 100);
        report.put("figures", List.of(Map.of("category", "PERSONNEL", "value", 100, "lower", 120)));
        var refused = api.post(reports, report);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("rule").asText()).isEqualTo("FIGURE_BOUNDS_MUST_ENCLOSE_ITS_VALUE");
        assertThat(store.stream(ledger())).isEmpty();

        report.put("reportId", "r2");
        report.put("figures", List.of(Map.of("category", "PERSONNEL", "value", 45000, "qualifier", "MORE_THAN",
                "lower", 40000, "upper", 50000)));
        assertThat(api.post(reports, report).status()).isEqualTo(201);
        assertThat(store.stream(ledger()).get(0).payload().path("figures").get(0).path("upper").asLong())
                .isEqualTo(50000);
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
    void aRetractedReportStaysInHistoryCannotBeCorrectedAndCanBeRestored() {
        api.post(reports, lossReport("r1", "2025-06-10", 100));
        assertThat(api.post(reports + "/r1/retraction", Map.of("reason", "duplicate")).status()).isEqualTo(201);
        assertThat(api.post(reports + "/r1/retraction", Map.of("reason", "duplicate")).status()).isEqualTo(200);

        var correction = api.post(reports + "/r1/corrections", Map.of(
                "figures", List.of(figure("PERSONNEL", 90)), "reason", "typo"));
        assertThat(correction.status()).isEqualTo(409);
        assertThat(correction.json().path("rule").asText()).isEqualTo("RETRACTED_REPORT_CANNOT_BE_CORRECTED");

        var restored = api.post(reports + "/r1/restoration", Map.of("reason", "the row is back in the source"));
        var again = api.post(reports + "/r1/restoration", Map.of("reason", "the row is back in the source"));
        assertThat(restored.status()).as(restored.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("version").asLong()).isEqualTo(restored.json().path("version").asLong());
        assertThat(api.post(reports + "/r1/corrections", Map.of(
                "figures", List.of(figure("PERSONNEL", 90)), "reason", "typo")).status()).isEqualTo(201);
        assertThat(store.stream(ledger())).extracting(EventStoreRows.Row::simpleType)
                .containsExactly("LossesReported", "LossReportRetracted", "LossReportRestored", "LossReportCorrected");
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
        assertThat(decrease.status()).isEqualTo(201);
        assertThat(decrease.json().path("warnings").get(0).asText()).contains("'s60'");
        assertThat(api.post(reports, lossReport("s5", "2025-01-06", 105)).status()).isEqualTo(200);
    }

    @Test
    void aLongLedgerIsSnapshottedLessOftenAsItGrows() throws InterruptedException {
        // The test profile snapshots every 20 events, or every quarter of the ledger's length when more.
        LocalDate start = LocalDate.of(2022, 3, 1);
        api.post(reports + "/batch", batch(IntStream.range(0, 200)
                .mapToObj(i -> batchItem("g" + i, start.plusDays(i).toString(), 1000L + i)).toList()));
        assertThat(awaitSnapshotAfter(-1, 10_000)).as("a snapshot of the 200 reports").isEqualTo(199);

        api.post(reports + "/batch", batch(IntStream.range(200, 240)
                .mapToObj(i -> batchItem("g" + i, start.plusDays(i).toString(), 1000L + i)).toList()));
        assertThat(awaitSnapshotAfter(199, 2_000)).as("40 events are fewer than a quarter of 240").isEqualTo(199);

        api.post(reports + "/batch", batch(IntStream.range(240, 280)
                .mapToObj(i -> batchItem("g" + i, start.plusDays(i).toString(), 1000L + i)).toList()));
        assertThat(awaitSnapshotAfter(199, 10_000)).as("80 events are more than a quarter of 280").isEqualTo(279);
        aggregateCache.removeAll(); // the next write reads the ledger from its snapshot
        var next = api.post(reports, lossReport("g280", start.plusDays(280).toString(), 900));
        assertThat(next.status()).isEqualTo(201);
        assertThat(next.json().path("version").asLong()).isEqualTo(280);
        assertThat(next.json().path("warnings").get(0).asText()).contains("'g279'");
    }

    /** The latest snapshot's sequence number once it is beyond {@code after}, or as it is after the wait. */
    private long awaitSnapshotAfter(long after, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        long latest = -1;
        while (System.nanoTime() < deadline) {
            latest = jdbc.queryForObject("SELECT coalesce(max(sequence_number), -1) FROM"
                    + " event_store.snapshot_event_entry WHERE aggregate_identifier = ?", Long.class, ledger());
            if (latest > after) {
                return latest;
            }
            Thread.sleep(50);
        }
        return latest;
    }
}
