package io.warnews.command.eventstore;

import io.warnews.command.support.Api;
import io.warnews.command.support.CommandServiceTest;
import io.warnews.command.support.EventStoreRows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static io.warnews.command.support.Requests.conflict;
import static io.warnews.command.support.Requests.lossReport;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A loss report stored in revision 1 of {@code LossesReported} (figures keyed by category) is
 * loaded by the ledger as the current event: its rules see the old report's figures, and what the
 * ledger writes now is revision 2.
 */
@CommandServiceTest
class UpcastingTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLedgerWhoseFirstReportIsStoredInItsOlderFormDecidesOnItsFigures() {
        Api api = new Api(port);
        String conflictId = "upcast-" + System.nanoTime();
        String ledger = conflictId + "/losses/RU/ministry-of-defence-of-ukraine";
        String reports = "/api/conflicts/" + conflictId + "/loss-reports";
        assertThat(api.post("/api/conflicts", conflict(conflictId)).status()).isEqualTo(201);
        storeRevisionOne(ledger, conflictId);

        Api.Response retry = api.post(reports, lossReport("r1", "2025-06-10", 1_000_340));
        Api.Response lower = api.post(reports, lossReport("r2", "2025-06-11", 999_000));
        Api.Response higher = api.post(reports, lossReport("r3", "2025-06-11", 1_001_000));

        assertThat(retry.status()).as("the old report, recognised as the same: " + retry).isEqualTo(200);
        assertThat(lower.status()).as(lower.toString()).isEqualTo(201);
        assertThat(lower.json().path("warnings").toString())
                .contains("PERSONNEL 999,000 as of 2025-06-11 is lower than 1,000,340 as of 2025-06-10");
        assertThat(higher.status()).as(higher.toString()).isEqualTo(201);
        assertThat(new EventStoreRows(jdbc).stream(ledger)).hasSize(3);
        assertThat(jdbc.queryForList("""
                SELECT payload_revision || ' ' || jsonb_typeof(payload::jsonb -> 'figures')
                FROM event_store.domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""",
                String.class, ledger)).containsExactly("1 object", "2 array", "2 array");
        assertThat(jdbc.queryForObject("SELECT payload_revision FROM event_store.domain_event_entry "
                + "WHERE aggregate_identifier = ?", String.class, conflictId)).isEqualTo("1");
    }

    /** As a writer of revision 1 stored it, with the report directory row it kept. */
    private void storeRevisionOne(String ledger, String conflictId) {
        jdbc.update("""
                INSERT INTO event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, 0, 'LossLedger', '2025-06-12T07:30:00Z', 'io.warnews.events.LossesReported', '1', ?,
                    '{"editor":"editor","recordedAt":"2025-06-12T07:30:00Z","correlationId":"old"}')""",
                UUID.randomUUID().toString(), ledger, """
                {"ledgerId":"%s","reportId":"r1","conflictId":"%s","side":"RU",
                 "claimant":"Ministry of Defence of Ukraine","asOf":"2025-06-10","basis":"CUMULATIVE",
                 "figures":{"PERSONNEL":{"value":1000340,"qualifier":"ABOUT"}},
                 "source":{"outlet":"Ministry of Defence of Ukraine","url":"https://www.mil.gov.ua/",
                           "publishedAt":"2025-06-12T07:00:00Z"}}""".formatted(ledger, conflictId));
        jdbc.update("INSERT INTO event_store.report_directory (conflict_id, report_id, ledger_id) VALUES (?, 'r1', ?)",
                conflictId, ledger);
    }
}
