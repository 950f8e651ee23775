package io.warnews.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gap rule, without a database: positions as a sequence hands them out, snapshots as PostgreSQL shows them. */
class FeedGapRuleTest {

    private static final Instant T0 = Instant.parse("2025-06-12T08:00:00Z");
    private static final Snapshot QUIET = Snapshot.parse("100:100:");
    private static final Snapshot WRITER_95_RUNNING = Snapshot.parse("95:100:95");

    private final SafePosition safe = new SafePosition(0, Duration.ofSeconds(60), Duration.ofMillis(100));

    @Test
    void contiguousEventsAreHandedOutInOrder() {
        assertThat(positions(safe.advance(rows(1, 2, 3), QUIET, T0))).containsExactly(1L, 2L, 3L);
        assertThat(safe.position()).isEqualTo(3);
    }

    @Test
    void nothingPastAMissingPositionIsHandedOutWhileATransactionThatMayHoldItRuns() {
        assertThat(positions(safe.advance(rows(1, 2, 4), WRITER_95_RUNNING, T0))).containsExactly(1L, 2L);
        for (int ms = 100; ms < 59_000; ms += 1000) {
            assertThat(safe.advance(rows(4), WRITER_95_RUNNING, T0.plusMillis(ms))).isEmpty();
        }
        assertThat(safe.position()).isEqualTo(2);
        assertThat(safe.waiting()).isTrue();
    }

    @Test
    void aPositionCommittedLateIsHandedOutInItsPlace() {
        safe.advance(rows(1, 2, 4), WRITER_95_RUNNING, T0);
        safe.advance(rows(4), WRITER_95_RUNNING, T0.plusMillis(200));
        assertThat(positions(safe.advance(rows(3, 4), QUIET, T0.plusMillis(400)))).containsExactly(3L, 4L);
        assertThat(safe.waiting()).isFalse();
    }

    @Test
    void aPositionIsGivenUpOnceEveryTransactionRunningShortlyAfterItWasSeenMissingHasEnded() {
        safe.advance(rows(1, 3), WRITER_95_RUNNING, T0);
        assertThat(safe.advance(rows(3), WRITER_95_RUNNING, T0.plusMillis(50))).as("too soon to measure").isEmpty();
        assertThat(safe.advance(rows(3), WRITER_95_RUNNING, T0.plusMillis(150))).as("reference taken").isEmpty();
        assertThat(safe.advance(rows(3), Snapshot.parse("96:110:101,105"), T0.plusMillis(250)))
                .as("only transactions that started later run").extracting(StoredEvent::position).containsExactly(3L);
    }

    @Test
    void aPositionIsGivenUpAfterTheGapTimeoutWhateverRuns() {
        safe.advance(rows(1, 3), WRITER_95_RUNNING, T0);
        safe.advance(rows(3), WRITER_95_RUNNING, T0.plusSeconds(1));
        assertThat(safe.advance(rows(3), WRITER_95_RUNNING, T0.plusSeconds(59))).isEmpty();
        assertThat(positions(safe.advance(rows(3), WRITER_95_RUNNING, T0.plusSeconds(60)))).containsExactly(3L);
    }

    @Test
    void snapshotsAreReadAsPostgresqlWritesThem() {
        Snapshot snapshot = Snapshot.parse("740:760:740,751");
        assertThat(snapshot.anyRunningFrom(Snapshot.parse("745:752:"))).isTrue();
        assertThat(snapshot.anyRunningFrom(Snapshot.parse("700:740:"))).isFalse();
        assertThat(Snapshot.parse("760:760:").running()).isEmpty();
    }

    private static List<StoredEvent> rows(long... positions) {
        return Arrays.stream(positions).mapToObj(position -> new StoredEvent(position, "s", position,
                T0.toString(), "io.warnews.events.ConflictRegistered", "1", "{}", "{}")).toList();
    }

    private static List<Long> positions(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::position).toList();
    }
}
