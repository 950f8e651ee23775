package io.warnews.query.processing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings of the shared processing that would spin or never count an instance out are refused at start, named. */
class ProcessingPropertiesTest {

    @Test
    void aZeroHeartbeatNodeTimeoutOrRestartDelayIsRefused() {
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new ProcessingProperties(Duration.ZERO, second, second, second))
                .hasMessageContaining("warnews.processing.heartbeat");
        assertThatThrownBy(() -> new ProcessingProperties(second, Duration.ZERO, second, second))
                .hasMessageContaining("warnews.processing.node-timeout");
        assertThatThrownBy(() -> new ProcessingProperties(second, second, Duration.ofSeconds(-1), second))
                .hasMessageContaining("warnews.processing.restart-after-error");
        assertThatThrownBy(() -> new ProcessingProperties(second, second, Duration.ofSeconds(5), second))
                .hasMessageContaining("warnews.processing.restart-backoff-max");
    }
}
