package io.warnews.query.consistency;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings of read-your-writes that would spin or contradict each other are refused at start, named. */
class ReadYourWritesPropertiesTest {

    @Test
    void aZeroPollIntervalOrAMaximumBelowTheDefaultWaitIsRefused() {
        assertThatThrownBy(() -> new ReadYourWritesProperties(Duration.ofSeconds(2), Duration.ofSeconds(10),
                Duration.ZERO)).hasMessageContaining("warnews.read-your-writes.poll-interval");
        assertThatThrownBy(() -> new ReadYourWritesProperties(Duration.ofSeconds(20), Duration.ofSeconds(10),
                Duration.ofMillis(10))).hasMessageContaining("warnews.read-your-writes.max-wait");
        assertThatThrownBy(() -> new ReadYourWritesProperties(Duration.ofSeconds(-1), Duration.ofSeconds(10),
                Duration.ofMillis(10))).hasMessageContaining("warnews.read-your-writes.default-wait");
    }
}
