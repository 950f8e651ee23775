package io.warnews.command.losses;

import java.time.Duration;

/**
 * Whether the service still holds back its readiness for the ledger warm-up: from the service's
 * start (the gate is made while the application context starts, before the web server) until the
 * warm-up has ended, and never longer than {@code readyWithin} after that start (a warm-up that
 * takes longer goes on in the background). A zero {@code readyWithin} never holds. Times are
 * {@link System#nanoTime()} values.
 */
final class WarmUpGate {

    private final long readyWithin;
    private volatile long startedAt;
    private volatile boolean ended;

    WarmUpGate(Duration readyWithin, long now) {
        this.readyWithin = readyWithin.toNanos();
        this.startedAt = now;
    }

    /** A warm-up starts again at {@code now} (as after a restart): readiness is held back anew. */
    void begin(long now) {
        startedAt = now;
        ended = false;
    }

    void end() {
        ended = true;
    }

    /** Whether readiness is held back at {@code now}. */
    boolean holding(long now) {
        return readyWithin > 0 && !ended && now - startedAt < readyWithin;
    }

    /** Whether the warm-up has ended (all read, stopped at its budget, or skipped). */
    boolean ended() {
        return ended;
    }
}
