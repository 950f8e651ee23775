package io.warnews.command.losses;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A ledger's snapshot of the earlier form is skipped (the ledger is replayed from its events); the current one is read. */
class LedgerSnapshotFilterTest {

    private final SnapshotFilter filter = new LedgerSnapshotConfiguration().ledgerSnapshotFilter();

    @Test
    void aSnapshotThatRememberedReportsByDigestIsSkipped() {
        assertThat(filter.allow(snapshot("""
                {"ledgerId":"l1","reports":{"r1":{"fingerprint":"ab12","reportedVersion":0,
                 "contentFingerprint":"cd34","version":0,"asOf":"2025-06-01","basis":"CUMULATIVE",
                 "categories":["PERSONNEL"],"retracted":false}}}"""))).isFalse();
    }

    @Test
    void aSnapshotOfTheCurrentFormIsRead() {
        assertThat(filter.allow(snapshot("""
                {"ledgerId":"l1","reports":{"r1":{"submitted":{"reportId":"r1"},"reportedVersion":0,
                 "asOf":"2025-06-01","basis":"CUMULATIVE","figures":[],"version":0,"retracted":false}}}"""))).isTrue();
    }

    private static GenericDomainEventEntry<byte[]> snapshot(String payload) {
        return new GenericDomainEventEntry<>("LossLedger", "l1", 250, "s1", Instant.now(), LossLedger.class.getName(),
                null, payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }
}
