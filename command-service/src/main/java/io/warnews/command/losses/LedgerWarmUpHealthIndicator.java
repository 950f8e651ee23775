package io.warnews.command.losses;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code ledgerWarmUp} in {@code /actuator/health}: {@code OUT_OF_SERVICE} (so the health answers
 * 503) while the service holds back its readiness for the ledger warm-up ({@link LedgerWarmUp}),
 * {@code UP} once the warm-up has ended or {@code ready-within} has passed.
 */
@Component
class LedgerWarmUpHealthIndicator implements HealthIndicator {

    private final WarmUpGate gate;

    LedgerWarmUpHealthIndicator(LedgerWarmUp warmUp) {
        this.gate = warmUp.gate();
    }

    @Override
    public Health health() {
        return gate.holding(System.nanoTime()) ? Health.outOfService().build() : Health.up().build();
    }
}
