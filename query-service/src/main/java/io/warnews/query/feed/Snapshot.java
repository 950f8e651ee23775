package io.warnews.query.feed;

import java.util.Arrays;

/**
 * PostgreSQL's view of the transactions running when a read was made ({@code pg_current_snapshot()},
 * written {@code xmin:xmax:xip,...}): every transaction id below {@code xmax} had started, and of
 * those, the ones in {@code running} had not ended.
 */
record Snapshot(long xmin, long xmax, long[] running) {

    static Snapshot parse(String text) {
        String[] parts = text.split(":", -1);
        long[] running = parts.length < 3 || parts[2].isEmpty() ? new long[0]
                : Arrays.stream(parts[2].split(",")).mapToLong(Long::parseLong).toArray();
        return new Snapshot(Long.parseLong(parts[0]), Long.parseLong(parts[1]), running);
    }

    /** Whether a transaction that had started before {@code earlier} was taken is still running in this one. */
    boolean anyRunningFrom(Snapshot earlier) {
        return Arrays.stream(running).anyMatch(xid -> xid < earlier.xmax());
    }
}
