package io.warnews.command.losses;

import io.warnews.command.support.Api;
import io.warnews.command.support.CommandServiceTest;
import org.axonframework.common.caching.Cache;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.warnews.command.support.Requests.conflict;
import static io.warnews.command.support.Requests.lossReport;
import static org.assertj.core.api.Assertions.assertThat;

/** After a start, the most recently written ledgers are read into the cache, and read as they are. */
@CommandServiceTest
class LedgerWarmUpTest {

    @LocalServerPort
    int port;
    @Autowired
    Cache aggregateCache;
    @Autowired
    LedgerWarmUp warmUp;

    @Test
    void theLedgersLastWrittenAreReadIntoTheCacheAndAnswerAsBefore() {
        Api api = new Api(port);
        String conflictId = "warm-" + System.nanoTime();
        String reports = "/api/conflicts/" + conflictId + "/loss-reports";
        String ledger = conflictId + "/losses/RU/ministry-of-defence-of-ukraine";
        assertThat(api.post("/api/conflicts", conflict(conflictId)).status()).isEqualTo(201);
        api.post(reports, lossReport("r1", "2025-06-10", 100));
        api.post(reports, lossReport("r2", "2025-06-11", 200));
        aggregateCache.removeAll();
        assertThat(aggregateCache.containsKey(ledger)).isFalse();

        warmUp.warmUp();

        assertThat(aggregateCache.containsKey(ledger)).as("ledger read ahead").isTrue();
        var retry = api.post(reports, lossReport("r2", "2025-06-11", 200));
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().path("version").asLong()).isEqualTo(1L);
        var next = api.post(reports, lossReport("r3", "2025-06-12", 150));
        assertThat(next.status()).isEqualTo(201);
        assertThat(next.json().path("version").asLong()).isEqualTo(2L);
        assertThat(next.json().path("warnings").toString()).contains("r2");
    }

    /** Of the ledgers written to last, the longest is read first: its snapshot is the one a first write would wait for. */
    @Test
    void theLongestOfTheRecentLedgersIsReadFirst() {
        Api api = new Api(port);
        String conflictId = "warm-order-" + System.nanoTime();
        String reports = "/api/conflicts/" + conflictId + "/loss-reports";
        assertThat(api.post("/api/conflicts", conflict(conflictId)).status()).isEqualTo(201);
        for (int day = 1; day <= 3; day++) {
            assertThat(api.post(reports, lossReport("long-" + day, "2025-06-1" + day, 100L * day)).status())
                    .isEqualTo(201);
        }
        String shortLedger = conflictId + "/losses/RU/general-staff-of-ukraine";
        Map<String, Object> other = lossReport("short-1", "2025-06-14", 400);
        other.put("claimant", "General Staff of Ukraine");
        assertThat(api.post(reports, other).status()).isEqualTo(201);
        String longLedger = conflictId + "/losses/RU/ministry-of-defence-of-ukraine";

        List<String> order = warmUp.recentLedgers().stream()
                .filter(ledger -> ledger.equals(longLedger) || ledger.equals(shortLedger)).toList();

        assertThat(order).as("the longer ledger first, though written to before the shorter")
                .containsExactly(longLedger, shortLedger);
    }
}
