package io.warnews.query.feed;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether every transaction that may still write below a position seen at some moment has ended:
 * rules 2 and 3 of {@link SafePosition}. PostgreSQL shows it ({@link Snapshot}) once a snapshot
 * taken after the moment, and after {@code settle} (a transaction that took a sequence value gets
 * its transaction id a moment later), lists none of the transactions running then; past
 * {@code timeout} after the moment they are given up on, when some long transaction keeps the
 * snapshots from deciding. Not thread-safe: one reader's.
 */
final class EarlierTransactions {

    private final Instant seenAt;
    private final Duration timeout;
    private final Duration settle;
    private Snapshot reference;

    EarlierTransactions(Instant seenAt, Duration timeout, Duration settle) {
        this.seenAt = seenAt;
        this.timeout = timeout;
        this.settle = settle;
    }

    /** Whether they have all ended, by the snapshot of a read made at {@code now} (or by the timeout). */
    boolean ended(Snapshot snapshot, Instant now) {
        if (!now.isBefore(seenAt.plus(timeout))) {
            return true;
        }
        if (reference == null) {
            if (!now.isBefore(seenAt.plus(settle))) {
                reference = snapshot;
            }
            return false;
        }
        return !snapshot.anyRunningFrom(reference);
    }
}
