package io.warnews.query.feed;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings that would stall or break the feed are refused at start, naming the setting. */
class FeedPropertiesTest {

    private static FeedProperties with(int batchSize, int buffer, int catchUpReaders, int catchUpRate) {
        return new FeedProperties(Duration.ofSeconds(15), Duration.ofMillis(50), Duration.ofSeconds(60), batchSize,
                2000, 100, Duration.ofMinutes(30), buffer, catchUpReaders, 16, Duration.ofSeconds(1), catchUpRate);
    }

    @Test
    void aZeroBatchSizeBufferOrNumberOfCatchUpReadersIsRefused() {
        assertThatThrownBy(() -> with(0, 10_000, 1, 20_000)).hasMessageContaining("warnews.feed.batch-size");
        assertThatThrownBy(() -> with(500, 0, 1, 20_000)).hasMessageContaining("warnews.feed.buffer");
        assertThatThrownBy(() -> with(500, 10_000, 0, 20_000)).hasMessageContaining("warnews.feed.catch-up-readers");
        assertThatThrownBy(() -> with(500, 10_000, 1, -1)).hasMessageContaining("warnews.feed.catch-up-rate");
    }

    @Test
    void aZeroOrNegativeDurationIsRefused() {
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new FeedProperties(second, Duration.ZERO, second, 500, 2000, 100, second, 10_000, 1,
                16, second, 0)).hasMessage("warnews.feed.poll-interval must be a positive duration, not PT0S");
        assertThatThrownBy(() -> new FeedProperties(second, second, Duration.ofSeconds(-1), 500, 2000, 100, second,
                10_000, 1, 16, second, 0)).hasMessageContaining("warnews.feed.gap-timeout");
        assertThatThrownBy(() -> new FeedProperties(Duration.ZERO, second, second, 500, 2000, 100, second, 10_000, 1,
                16, second, 0)).hasMessageContaining("warnews.feed.heartbeat");
    }
}
