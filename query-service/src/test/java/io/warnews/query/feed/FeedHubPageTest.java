package io.warnews.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Connections catching up through the hub's shared pages, while the hub's buffer moves on under
 * them: whatever the order in which they get their catch-up turns, each one is handed every
 * position once, in order. The event table is a stand-in whose page reads can be held, so that a
 * connection is made to wait for its turn while the buffer moves past its page and another
 * connection keeps the whole page.
 */
class FeedHubPageTest {

    private static final int PAGE = 40;

    /**
     * The event table as far as the hub reads it: committed rows, the snapshot of running
     * transactions its reads see, and page reads that can be held.
     */
    static final class Table extends EventTable {

        private final ConcurrentSkipListMap<Long, StoredEvent> committed = new ConcurrentSkipListMap<>();
        private final AtomicInteger pageReads = new AtomicInteger();
        private volatile CountDownLatch hold = new CountDownLatch(0);
        private volatile String snapshot = "1:1:";

        Table() {
            super(null);
        }

        void commitUpTo(long last) {
            commit(committed.isEmpty() ? 1 : committed.lastKey() + 1, last);
        }

        void commit(long first, long last) {
            for (long p = first; p <= last; p++) {
                committed.put(p, new StoredEvent(p, "ledger-x", p - 1, "2026-12-03T10:00:00Z",
                        "io.warnews.events.LossesReported", "1", "{\"conflictId\":\"x\"}", "{}"));
            }
        }

        /** What pg_current_snapshot() answers from now on, e.g. {@code 500:1002:500} while transaction 500 runs. */
        void snapshot(String text) {
            snapshot = text;
        }

        @Override
        Read after(long position, int limit) {
            String seen = snapshot;
            List<StoredEvent> events = committed.tailMap(position, false).values().stream().limit(limit).toList();
            return new Read(events, Snapshot.parse(seen));
        }

        @Override
        List<StoredEvent> between(long after, long upTo) {
            pageReads.incrementAndGet();
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return List.copyOf(committed.subMap(after, false, upTo, true).values());
        }

        @Override
        long last() {
            return committed.isEmpty() ? 0 : committed.lastKey();
        }
    }

    @Test
    void aConnectionThatWaitedForItsTurnWhileAnotherKeptTheWholePageGetsEachPositionOnce() throws Exception {
        // the turn goes to whichever waiting connection asks first after it is given back: a few
        // rounds see both orders
        for (int round = 0; round < 12; round++) {
            oneRound();
        }
    }

    /**
     * A connection waiting for a catch-up turn held by another is handed an empty batch now and
     * then, so that it can send its heartbeats and notice its client going away.
     */
    @Test
    void aConnectionWaitingForATurnIsHandedAnEmptyBatchMeanwhile() throws Exception {
        Table table = new Table();
        FeedHub hub = hub(table);
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            table.commitUpTo(100);
            hub.start();
            awaitPosition(hub, 100);
            table.hold = new CountDownLatch(1);
            Future<FeedHub.Batch> holder = threads.submit(() -> hub.after(0, PAGE));
            awaitPageReads(table, 1);

            Future<FeedHub.Batch> waiting = threads.submit(() -> hub.after(0, PAGE));
            FeedHub.Batch meanwhile = waiting.get(5, TimeUnit.SECONDS);
            assertThat(meanwhile.events()).isEmpty();
            assertThat(meanwhile.upTo()).as("it stays where it is").isZero();
            hub.sent(meanwhile);

            table.hold.countDown();
            hub.sent(holder.get(10, TimeUnit.SECONDS));
            assertThat(catchUp(hub, 100)).containsExactlyElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
        } finally {
            table.hold.countDown();
            hub.stop();
            threads.shutdownNow();
        }
    }

    private void oneRound() throws Exception {
        Table table = new Table();
        FeedHub hub = hub(table);
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            table.commitUpTo(48);
            hub.start();
            awaitPosition(hub, 48);

            // one connection holds the only catch-up turn, reading the first page
            table.hold = new CountDownLatch(1);
            CountDownLatch holderRead = table.hold;
            Future<FeedHub.Batch> holder = threads.submit(() -> hub.after(0, PAGE));
            awaitPageReads(table, 1);

            // a second one asks for the same page (the buffer starts after position 38) and waits for the turn
            Future<List<Long>> waiting = threads.submit(() -> catchUp(hub, 100));
            Thread.sleep(100);

            // the buffer moves past the whole first page; a third connection asks for it too
            table.commitUpTo(100);
            awaitPosition(hub, 100);
            Future<List<Long>> late = threads.submit(() -> catchUp(hub, 100));
            Thread.sleep(100);

            holderRead.countDown();
            hub.sent(holder.get(10, TimeUnit.SECONDS));

            List<Long> every = LongStream.rangeClosed(1, 100).boxed().toList();
            assertThat(waiting.get(10, TimeUnit.SECONDS)).containsExactlyElementsOf(every);
            assertThat(late.get(10, TimeUnit.SECONDS)).containsExactlyElementsOf(every);
        } finally {
            table.hold.countDown();
            hub.stop();
            threads.shutdownNow();
        }
    }

    /**
     * A hub over the stand-in table: pages of {@link #PAGE} positions, 10 events in memory, one
     * catch-up reader whose turn is never taken back (10 minutes), no catch-up rate.
     */
    static FeedHub hub(Table table) {
        return new FeedHub(table, new FeedProperties(Duration.ofSeconds(15), Duration.ofMillis(5),
                Duration.ofSeconds(60), PAGE, 10, 10, Duration.ofMinutes(30), 10, 1, 16, Duration.ofMinutes(10), 0));
    }

    /**
     * What a feed connection starting at 0 is handed, batch after batch, up to the given position;
     * like a connection, it asks again while the hub's reader has not started.
     */
    static List<Long> catchUp(FeedHub hub, long upTo) throws InterruptedException {
        List<Long> positions = new ArrayList<>();
        long position = 0;
        while (position < upTo) {
            if (Thread.interrupted()) {
                throw new InterruptedException("caught up to " + position + " of " + upTo);
            }
            FeedHub.Batch batch = hub.after(position, PAGE);
            if (batch == null) {
                // as a connection does: nothing yet while the reader has not read its start
                if (!hub.isRunning()) {
                    throw new IllegalStateException("the hub stopped at " + position + " of " + upTo);
                }
                Thread.sleep(5);
                continue;
            }
            try {
                batch.events().forEach(event -> positions.add(event.position()));
            } finally {
                hub.sent(batch);
            }
            position = Math.max(position, batch.upTo());
        }
        return positions;
    }

    static void awaitPosition(FeedHub hub, long position) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (hub.position() < position && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(hub.position()).isEqualTo(position);
    }

    private static void awaitPageReads(Table table, int reads) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (table.pageReads.get() < reads && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(table.pageReads.get()).isEqualTo(reads);
    }
}
