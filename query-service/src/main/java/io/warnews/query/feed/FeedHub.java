package io.warnews.query.feed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The one reader of the event table behind every feed connection. A single thread follows the
 * table's head with {@link SafePosition}, prepares each new event once ({@link FeedEvent}) and keeps
 * the latest {@code buffer} of them in memory; every connection takes what it needs from there, so
 * that a thousand subscribers cost one query per poll, not a thousand.
 * <p>
 * A connection further behind than that buffer (a client catching up from position 0, or one too
 * slow to keep up) reads the settled part of the table in pages of {@code batch-size} positions,
 * aligned on multiples of it, so that clients catching up together read the same pages: the last
 * {@code catch-up-pages} pages are kept. At most {@code catch-up-readers} connections catch up at
 * once, a page each (read, or taken from those kept, then sent), taking turns fairly, so that
 * catching up never takes more of the database and of the processors than that, whatever the
 * number of clients catching up.
 * <p>
 * A connection keeps its turn while it sends its page for at most {@code catch-up-turn}: a client
 * that reads slower than that, or not at all (its write then waits on its full socket buffers until
 * the web server's write timeout ends it), goes on sending without the turn, and the next
 * connection's turn starts. So clients that never read cannot hold the turns, nor stall the
 * catching up of the others.
 * <p>
 * The reader starts a little below the table's last position; the positions below its start are
 * read from the table as pages, and are only served once every transaction that was running when
 * the reader started has ended (the rule {@link SafePosition} applies to a gap): a large batch still
 * committing below the start would otherwise be passed over by a client resuming from before it.
 * A connection waiting for that, or for a catch-up turn, is handed an empty batch now and then, so
 * that it sends its heartbeats and notices its client going away.
 * <p>
 * Connections catching up (started from a past position, until they reach the head) are sent at
 * most {@code catch-up-rate} events a second, all of them together ({@link #reserveCatchUp}): a
 * crowd replaying the whole history cannot take the processors from the public reads and the live
 * subscribers, whose events are never paced.
 */
@Component
@Profile("!axonserver")
class FeedHub implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(FeedHub.class);
    /** How far below the head the reader starts: positions of writes still committing when it starts. */
    private static final long START_MARGIN = 100;
    private static final long SETTLE_MILLIS = 100;
    /** How often a connection waiting for a catch-up turn looks for a turn held too long. */
    private static final long TURN_CHECK_MILLIS = 50;
    /**
     * The longest a connection waits in the hub for a catch-up turn, or for the positions below the
     * reader's start to settle, before it is handed an empty batch (and sends a heartbeat if due).
     */
    private static final long WAIT_MILLIS = 500;

    private final EventTable table;
    private final FeedProperties properties;
    /** How long after a moment a snapshot shows the transactions running then (see {@link EarlierTransactions}). */
    private final java.time.Duration settle;
    private final ArrayDeque<FeedEvent> recent = new ArrayDeque<>();
    private final Semaphore catchUpReaders;
    private final Set<Turn> turns = ConcurrentHashMap.newKeySet();
    private final Map<Long, List<FeedEvent>> pages;
    private final Object signal = new Object();
    private volatile long position = -1;
    private volatile long bufferStart = -1;
    private volatile boolean running;
    /** The reader's start: positions at or below it are served once {@link #startSettled}. */
    private volatile long startPosition = -1;
    private volatile boolean startSettled;
    /** The transactions that may still write below the start (reader's thread only; from its first read). */
    private EarlierTransactions startWriters;
    private Thread reader;
    /** When the catch-up rate lets the next reserved events be sent (System.nanoTime). */
    private long catchUpNext = Long.MIN_VALUE;

    /**
     * Events after a position, and the position a connection has covered by taking them (filtered or
     * not); a page for a connection catching up holds a catch-up {@code turn}, null otherwise.
     */
    record Batch(List<FeedEvent> events, long upTo, Turn turn) {

        boolean catchUp() {
            return turn != null;
        }
    }

    /** A catch-up turn: held from its page's read until the page is sent, or until it was held too long. */
    static final class Turn {

        private final AtomicBoolean held = new AtomicBoolean(true);
        /** Whether the page has been handed over for sending (not while it is being read), and since when. */
        private volatile boolean sending;
        private volatile long sendingSince;

        private void sending() {
            sendingSince = System.nanoTime();
            sending = true;
        }
    }

    FeedHub(EventTable table, FeedProperties properties) {
        this.table = table;
        this.properties = properties;
        this.settle = java.time.Duration.ofMillis(Math.max(SETTLE_MILLIS, properties.pollInterval().toMillis()));
        this.catchUpReaders = new Semaphore(properties.catchUpReaders(), true);
        int cached = properties.catchUpPages();
        this.pages = new LinkedHashMap<>(cached, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, List<FeedEvent>> eldest) {
                return size() > cached;
            }
        };
    }

    /** The position up to which every event has been read (-1 until the reader has started). */
    long position() {
        return position;
    }

    /**
     * The events after {@code after}, at most {@code max} of them, from memory or, for a position
     * older than what memory holds, from one page of the table; null while the reader has not started.
     */
    Batch after(long after, int max) throws InterruptedException {
        if (position < 0 || !running) {
            return null;
        }
        synchronized (recent) {
            if (after >= bufferStart) {
                List<FeedEvent> events = new ArrayList<>();
                Iterator<FeedEvent> newestFirst = recent.descendingIterator();
                while (newestFirst.hasNext()) {
                    FeedEvent event = newestFirst.next();
                    if (event.position() <= after) {
                        break;
                    }
                    events.add(event);
                }
                java.util.Collections.reverse(events);
                if (events.size() > max) {
                    List<FeedEvent> first = List.copyOf(events.subList(0, max));
                    return new Batch(first, first.get(max - 1).position(), null);
                }
                return new Batch(events, Math.max(after, position), null);
            }
        }
        return page(after);
    }

    /**
     * Reserves {@code events} of the shared catch-up rate: how long (nanoseconds) the caller must
     * wait before sending them, 0 when the rate is not limited or has room now. Reservations are
     * served in order, so every connection catching up gets its share and the total stays within
     * the rate.
     */
    long reserveCatchUp(int events) {
        return reserveCatchUp(events, System.nanoTime());
    }

    synchronized long reserveCatchUp(int events, long now) {
        int rate = properties.catchUpRate();
        if (rate == 0 || events <= 0) {
            return 0;
        }
        long start = catchUpNext == Long.MIN_VALUE || catchUpNext - now < 0 ? now : catchUpNext;
        catchUpNext = start + events * 1_000_000_000L / rate;
        return start - now;
    }

    /** Waits until the reader has moved past {@code after}, at most {@code millis}. */
    void await(long after, long millis) throws InterruptedException {
        synchronized (signal) {
            if (running && position <= after && millis > 0) {
                signal.wait(millis);
            }
        }
    }

    private Batch page(long after) throws InterruptedException {
        long span = properties.batchSize();
        long block = after / span;
        long from = block * span;
        if (from < startPosition && !awaitStartSettled()) {
            return new Batch(List.of(), after, null);
        }
        Turn turn = takeTurn();
        if (turn == null) {
            return new Batch(List.of(), after, null);
        }
        // The page's end is read once the turn is held: while this connection waited for it, the
        // buffer may have moved past the whole page and another connection may have kept the
        // whole page, which must then not be sent with an end read before the wait (its last
        // events would be sent again in the next batch).
        long to = Math.min(from + span, bufferStart);
        List<FeedEvent> events;
        boolean served = false;
        try {
            synchronized (pages) {
                events = pages.get(block);
            }
            if (events == null) {
                events = table.between(from, to).stream().map(FeedEvent::of).toList();
                if (to == from + span) {
                    synchronized (pages) {
                        pages.put(block, events);
                    }
                }
            }
            served = true;
        } finally {
            if (!served) {
                giveBack(turn);
            }
        }
        turn.sending();
        return new Batch(events.stream().filter(event -> event.position() > after && event.position() <= to).toList(),
                to, turn);
    }

    /** Whether the positions at or below the reader's start may be served, after waiting for it a while. */
    private boolean awaitStartSettled() throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        synchronized (signal) {
            long left;
            while (!startSettled && running && (left = giveUp - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(signal, left);
            }
        }
        return startSettled;
    }

    /**
     * Settles the positions at or below the reader's start (reader's thread), by the rule
     * {@link SafePosition} applies to a gap, measured from the reader's first read that succeeded:
     * a database away since the start does not count as time waited for the transactions running then.
     */
    private void settleStart(Snapshot snapshot, java.time.Instant now) {
        if (startSettled) {
            return;
        }
        if (startWriters == null) {
            startWriters = new EarlierTransactions(now, properties.gapTimeout(), settle);
        }
        if (startWriters.ended(snapshot, now)) {
            startSettled = true;
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }

    /**
     * Waits for a catch-up turn, at most {@link #WAIT_MILLIS} (null then); meanwhile, a turn whose
     * page has been sending for longer than {@code catch-up-turn} (a client reading slowly or not at
     * all) is taken back from its connection.
     */
    private Turn takeTurn() throws InterruptedException {
        long limit = properties.catchUpTurn().toNanos();
        long giveUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (!catchUpReaders.tryAcquire(TURN_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
            long now = System.nanoTime();
            for (Turn held : turns) {
                if (held.sending && now - held.sendingSince > limit) {
                    giveBack(held);
                }
            }
            if (now - giveUp >= 0) {
                return null;
            }
        }
        Turn turn = new Turn();
        turns.add(turn);
        return turn;
    }

    private void giveBack(Turn turn) {
        if (turn.held.compareAndSet(true, false)) {
            turns.remove(turn);
            catchUpReaders.release();
        }
    }

    /** Ends the catch-up turn a {@link Batch#catchUp()} batch holds (if it still does), once it has been sent. */
    void sent(Batch batch) {
        if (batch != null && batch.catchUp()) {
            giveBack(batch.turn());
        }
    }

    private void read() {
        SafePosition safe = null;
        long errorWait = 100;
        while (running) {
            try {
                if (safe == null) {
                    long start = Math.max(0, table.last() - START_MARGIN);
                    safe = new SafePosition(start, properties.gapTimeout(), settle);
                    startWriters = null;
                    startPosition = start;
                    startSettled = start == 0;
                    synchronized (recent) {
                        bufferStart = safe.position();
                        position = safe.position();
                    }
                    synchronized (signal) {
                        signal.notifyAll();
                    }
                }
                EventTable.Read read = table.after(safe.position(), properties.batchSize());
                java.time.Instant readAt = java.time.Instant.now();
                settleStart(read.snapshot(), readAt);
                List<StoredEvent> ready = safe.advance(read.events(), read.snapshot(), readAt);
                if (!ready.isEmpty()) {
                    List<FeedEvent> events = ready.stream().map(FeedEvent::of).toList();
                    synchronized (recent) {
                        recent.addAll(events);
                        while (recent.size() > properties.buffer()) {
                            bufferStart = recent.removeFirst().position();
                        }
                        position = safe.position();
                    }
                    synchronized (signal) {
                        signal.notifyAll();
                    }
                }
                errorWait = 100;
                if (ready.size() < properties.batchSize()) {
                    Thread.sleep(properties.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("the feed could not read the event table; trying again in {} ms: {}", errorWait,
                        e.toString());
                try {
                    Thread.sleep(errorWait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                errorWait = Math.min(errorWait * 2, 5_000);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        reader = new Thread(this::read, "feed-reader");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void stop() {
        running = false;
        if (reader != null) {
            reader.interrupt();
        }
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started before the connections, stopped after them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }
}
