package io.warnews.query.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Rebuild settings that would spin or give up at once are refused at start, named. */
class AuditPropertiesTest {

    @Test
    void aZeroOrNegativeDurationIsRefused() {
        Duration minute = Duration.ofMinutes(1);
        assertThatThrownBy(() -> new AuditProperties(minute, minute, Duration.ZERO))
                .hasMessageContaining("warnews.audit.rebuild.poll-interval");
        assertThatThrownBy(() -> new AuditProperties(minute, Duration.ofSeconds(-5), minute))
                .hasMessageContaining("warnews.audit.rebuild.replay-timeout");
        assertThatThrownBy(() -> new AuditProperties(Duration.ZERO, minute, minute))
                .hasMessageContaining("warnews.audit.rebuild.catch-up-timeout");
    }
}
