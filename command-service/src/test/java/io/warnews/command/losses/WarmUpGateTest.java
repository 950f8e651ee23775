package io.warnews.command.losses;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WarmUpGateTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void holdsFromBeforeTheStartUntilTheWarmUpEnds() {
        WarmUpGate gate = new WarmUpGate(Duration.ofSeconds(10));
        assertThat(gate.holding(0)).as("before the warm-up starts").isTrue();
        gate.begin(100 * SECOND);
        assertThat(gate.holding(103 * SECOND)).as("reading").isTrue();
        gate.end();
        assertThat(gate.holding(103 * SECOND)).as("ended").isFalse();
    }

    @Test
    void holdsNoLongerThanReadyWithinAfterTheStart() {
        WarmUpGate gate = new WarmUpGate(Duration.ofSeconds(10));
        gate.begin(100 * SECOND);
        assertThat(gate.holding(110 * SECOND - 1)).isTrue();
        assertThat(gate.holding(110 * SECOND)).as("still reading, but ready-within has passed").isFalse();
    }

    @Test
    void aZeroReadyWithinNeverHolds() {
        WarmUpGate gate = new WarmUpGate(Duration.ZERO);
        assertThat(gate.holding(0)).isFalse();
        gate.begin(5 * SECOND);
        assertThat(gate.holding(5 * SECOND)).isFalse();
    }
}
