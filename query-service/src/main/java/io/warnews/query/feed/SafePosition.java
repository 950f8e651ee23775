package io.warnews.query.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How far one reader of the event table may go without ever skipping an event that is still to
 * come. {@code global_index} comes from a sequence: a transaction that took a lower value can
 * commit after a higher one is visible, so a missing position may be an event not yet committed
 * (it will appear) or one rolled back (it never will: a lost race for a stream version leaves one).
 * The reader hands out events strictly in position order and stops before a missing position
 * until one of these holds:
 * <ol>
 *   <li>the event appears: it is handed out in its place;</li>
 *   <li>PostgreSQL shows that every transaction that had started shortly after the gap was first
 *       seen has ended ({@link EarlierTransactions}): whoever took the position rolled back. This takes two
 *       reads, some 200 ms, and makes a rolled-back append cost a live consumer almost nothing;</li>
 *   <li>the gap has been waited on for {@code gapTimeout}: the safety net when some long write
 *       transaction keeps rule 2 from deciding, as Axon gives up gaps after its own timeout.</li>
 * </ol>
 * Not thread-safe: one per feed connection.
 */
final class SafePosition {

    private final Duration gapTimeout;
    private final Duration settle;
    private long position;
    private Gap gap;

    /** A position waited for, and the transactions that may still write it. */
    private record Gap(long at, EarlierTransactions writers) {
    }

    SafePosition(long after, Duration gapTimeout, Duration settle) {
        this.position = after;
        this.gapTimeout = gapTimeout;
        this.settle = settle;
    }

    /** The position of the last event handed out (or given up as missing). */
    long position() {
        return position;
    }

    /** Whether a gap is being waited on. */
    boolean waiting() {
        return gap != null;
    }

    /**
     * Of the rows read after {@link #position()} (in position order, with the snapshot of the
     * same read), those that may be handed out now, in order; the position moves past them.
     */
    List<StoredEvent> advance(List<StoredEvent> rows, Snapshot snapshot, Instant now) {
        List<StoredEvent> ready = new ArrayList<>();
        for (StoredEvent row : rows) {
            if (row.position() <= position) {
                continue;
            }
            if (row.position() > position + 1 && !givenUp(position + 1, snapshot, now)) {
                break;
            }
            ready.add(row);
            position = row.position();
            gap = null;
        }
        return ready;
    }

    private boolean givenUp(long missing, Snapshot snapshot, Instant now) {
        if (gap == null || gap.at() != missing) {
            gap = new Gap(missing, new EarlierTransactions(now, gapTimeout, settle));
            return false;
        }
        return gap.writers().ended(snapshot, now);
    }
}
