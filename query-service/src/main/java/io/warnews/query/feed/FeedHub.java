package io.warnews.query.feed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
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
 */
@Component
@Profile("!axonserver")
class FeedHub implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(FeedHub.class);
    /** How far below the head the reader starts: positions of writes still committing when it starts. */
    private static final long START_MARGIN = 100;
    private static final long SETTLE_MILLIS = 100;

    private final EventTable table;
    private final FeedProperties properties;
    private final ArrayDeque<FeedEvent> recent = new ArrayDeque<>();
    private final Semaphore catchUpReaders;
    private final Map<Long, List<FeedEvent>> pages;
    private final Object signal = new Object();
    private volatile long position = -1;
    private volatile long bufferStart = -1;
    private volatile boolean running;
    private Thread reader;

    /** Events after a position, and the position a connection has covered by taking them (filtered or not). */
    record Batch(List<FeedEvent> events, long upTo, boolean catchUp) {
    }

    FeedHub(EventTable table, FeedProperties properties) {
        this.table = table;
        this.properties = properties;
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
        if (position < 0) {
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
                    return new Batch(first, first.get(max - 1).position(), false);
                }
                return new Batch(events, Math.max(after, position), false);
            }
        }
        return page(after);
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
        long to = Math.min(from + span, bufferStart);
        List<FeedEvent> events;
        catchUpReaders.acquire();
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
                catchUpReaders.release();
            }
        }
        return new Batch(events.stream().filter(event -> event.position() > after).toList(), to, true);
    }

    /** Ends the catch-up turn a {@link Batch#catchUp()} batch holds, once it has been sent. */
    void sent(Batch batch) {
        if (batch != null && batch.catchUp()) {
            catchUpReaders.release();
        }
    }

    private void read() {
        SafePosition safe = null;
        long errorWait = 100;
        while (running) {
            try {
                if (safe == null) {
                    safe = new SafePosition(Math.max(0, table.last() - START_MARGIN), properties.gapTimeout(),
                            java.time.Duration.ofMillis(Math.max(SETTLE_MILLIS, properties.pollInterval().toMillis())));
                    synchronized (recent) {
                        bufferStart = safe.position();
                        position = safe.position();
                    }
                    synchronized (signal) {
                        signal.notifyAll();
                    }
                }
                EventTable.Read read = table.after(safe.position(), properties.batchSize());
                List<StoredEvent> ready = safe.advance(read.events(), read.snapshot(), java.time.Instant.now());
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
