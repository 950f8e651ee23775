package io.warnews.command.losses;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WarmUpGateTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void holdsFromTheStartUntilTheWarmUpEnds() {
        WarmUpGate gate = new WarmUpGate(Duration.ofSeconds(10), 100 * SECOND);
        assertThat(gate.holding(100 * SECOND)).as("started, the warm-up not yet").isTrue();
        assertThat(gate.holding(103 * SECOND)).as("reading").isTrue();
        gate.end();
        assertThat(gate.holding(103 * SECOND)).as("ended").isFalse();
    }

    @Test
    void holdsNoLongerThanReadyWithinAfterTheStartEvenIfTheWarmUpNeverStarts() {
        WarmUpGate gate = new WarmUpGate(Duration.ofSeconds(10), 100 * SECOND);
        assertThat(gate.holding(110 * SECOND - 1)).isTrue();
        assertThat(gate.holding(110 * SECOND)).as("ready-within has passed").isFalse();
    }

    @Test
    void aWarmUpStartedAgainHoldsAgainForReadyWithin() {
        WarmUpGate gate = new WarmUpGate(Duration.ofSeconds(10), 0);
        gate.end();
        gate.begin(100 * SECOND);
        assertThat(gate.holding(105 * SECOND)).isTrue();
        assertThat(gate.holding(110 * SECOND)).isFalse();
    }

    @Test
    void aZeroReadyWithinNeverHolds() {
        WarmUpGate gate = new WarmUpGate(Duration.ZERO, 5 * SECOND);
        assertThat(gate.holding(5 * SECOND)).isFalse();
        gate.begin(6 * SECOND);
        assertThat(gate.holding(6 * SECOND)).isFalse();
    }
}
