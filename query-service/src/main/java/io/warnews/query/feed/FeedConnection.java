package io.warnews.query.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's feed, on a thread of its own that mostly waits: takes the events after the
 * client's position from the {@link FeedHub} (memory, or a shared page for a client catching up),
 * sends those the filter wants, and sends a heartbeat when it has been quiet. A slow client only
 * slows its own thread: when it falls behind what memory holds it catches up from the table like
 * any late client. It ends when the client goes away, when its connection time is up, or when the
 * service stops.
 * <p>
 * A heartbeat is written in two parts a moment apart: a peer that has closed its end answers the
 * first with a reset, so the second fails and the connection's slot is freed at that heartbeat,
 * not one later.
 * <p>
 * A connection that starts from a past position is catching up until it reaches the head; until
 * then, each of its batches first waits for its share of the hub's catch-up rate, for as many
 * events as lie between it and the head (batch-size at most; heartbeats go on meanwhile): a
 * subscriber resuming a few events back waits for a few events' share, not a batch's. Once at
 * the head it is live and never paced again, even when a burst of writes puts it behind for a
 * moment.
 */
final class FeedConnection implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedConnection.class);
    private static final MediaType JSON_TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final long PROBE_MILLIS = 100;
    /** The start position that means "after the last event the feed has read when the connection starts". */
    static final long NOW = -1;

    private final SseEmitter emitter;
    private final FeedHub hub;
    private final FeedProperties properties;
    private final FeedFilter filter;
    private final Clock clock;
    private final boolean fromNow;
    private volatile boolean closed;
    private volatile boolean ended;
    private long position;
    private long lastSent;
    private Instant lastWrite;
    private boolean catchingUp;
    /** Whether the next batch's share of the catch-up rate has been waited for already. */
    private boolean paced;

    FeedConnection(SseEmitter emitter, FeedHub hub, FeedProperties properties, FeedFilter filter, long after,
                   Clock clock) {
        this.emitter = emitter;
        this.hub = hub;
        this.properties = properties;
        this.filter = filter;
        this.clock = clock;
        this.fromNow = after == NOW;
        // from now: resolved here, on the request's thread, before the response's headers are sent, so
        // that a client that sees the feed open knows anything recorded later will come (once the
        // feed's reader has started; until then, when the connection starts)
        long start = fromNow ? hub.position() : after;
        this.position = fromNow && start < 0 ? NOW : start;
        this.lastSent = this.position;
        this.catchingUp = !fromNow;
        emitter.onCompletion(this::ended);
        emitter.onTimeout(this::ended);
        emitter.onError(error -> ended());
    }

    void close() {
        closed = true;
    }

    /** The container has ended the response (the client went away, or it timed out). */
    private void ended() {
        ended = true;
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    @Override
    public void run() {
        Instant end = clock.instant().plus(properties.maxConnection());
        try {
            if (position == NOW && !startNow()) {
                finish(null);
                return;
            }
            if (fromNow) {
                // the id makes a reconnect (EventSource sends it as Last-Event-ID) resume from here, not from now
                emitter.send(SseEmitter.event().id(Long.toString(position))
                        .comment(" feed after position " + position + " (from now)"));
            } else {
                emitter.send(SseEmitter.event().comment(" feed after position " + position));
            }
            lastWrite = clock.instant();
            while (!closed && !Thread.currentThread().isInterrupted() && clock.instant().isBefore(end)
                    && hub.isRunning()) {
                long head = hub.position();
                if (catchingUp && head >= 0) {
                    catchingUp = position < head;
                    if (catchingUp && !paced) {
                        pace(Math.min(properties.batchSize(), head - position), end);
                        paced = true;
                    }
                }
                FeedHub.Batch batch = hub.after(position, properties.batchSize());
                boolean moved = false;
                if (batch != null) {
                    try {
                        for (FeedEvent event : batch.events()) {
                            if (filter.accepts(event)) {
                                emitter.send(SseEmitter.event().id(Long.toString(event.position()))
                                        .name(event.type()).data(event.data(), JSON_TEXT));
                                lastSent = event.position();
                                lastWrite = clock.instant();
                            }
                        }
                    } finally {
                        hub.sent(batch);
                    }
                    moved = batch.upTo() > position;
                    position = Math.max(position, batch.upTo());
                    // an empty batch (the hub's turns busy, or the start not settled) has not used its share
                    paced = paced && !moved;
                }
                Instant heartbeatDue = lastWrite.plus(properties.heartbeat());
                if (!clock.instant().isBefore(heartbeatDue)) {
                    heartbeat();
                    lastWrite = clock.instant();
                } else if (!moved) {
                    hub.await(position, Math.min(heartbeatDue.toEpochMilli() - clock.millis(),
                            end.toEpochMilli() - clock.millis()));
                }
            }
            finish(null);
        } catch (InterruptedException e) {
            finish(null);
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the response was completed under us: nothing left to tell
            finish(e);
        } catch (RuntimeException e) {
            LOG.warn("feed connection ended by a failure at position {}", position, e);
            finish(e);
        }
    }

    /**
     * Ends the response, unless the container has ended it already (the client went away: its
     * error or completion callback has run), when ending it again is refused.
     */
    private void finish(Throwable error) {
        if (ended) {
            return;
        }
        try {
            if (error == null) {
                emitter.complete();
            } else {
                emitter.completeWithError(error);
            }
        } catch (IllegalStateException alreadyEnded) {
            // ended by the container meanwhile
        }
    }

    /**
     * Waits for this connection's share of the catch-up rate for its next batch, at most
     * {@code events} (what lies between its position and the head, up to batch-size), sending
     * heartbeats while it waits; at most until the connection's end.
     */
    private void pace(long events, Instant end) throws IOException, InterruptedException {
        long until = System.nanoTime() + hub.reserveCatchUp((int) events);
        long left;
        while (!closed && (left = until - System.nanoTime()) > 0 && clock.instant().isBefore(end)) {
            long heartbeatIn = Duration.between(clock.instant(), lastWrite.plus(properties.heartbeat())).toNanos();
            if (heartbeatIn <= 0) {
                heartbeat();
                lastWrite = clock.instant();
            } else {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, heartbeatIn));
            }
        }
    }

    /** Starts after the hub's position, once its reader has started; false if the connection ended first. */
    private boolean startNow() throws InterruptedException {
        while (!closed && !Thread.currentThread().isInterrupted() && hub.isRunning()) {
            long now = hub.position();
            if (now >= 0) {
                position = now;
                lastSent = now;
                return true;
            }
            hub.await(NOW, 100);
        }
        return false;
    }

    /**
     * A comment line; when filtered-out events moved the position on since the last event sent,
     * it carries that position as the id, so that a reconnect does not read them again.
     */
    private void heartbeat() throws IOException, InterruptedException {
        String id = "";
        if (position > lastSent) {
            id = "id:" + position + "\n";
            lastSent = position;
        }
        emitter.send(Set.of(new ResponseBodyEmitter.DataWithMediaType(id + ": heartbeat\n", MediaType.TEXT_PLAIN)));
        Thread.sleep(PROBE_MILLIS);
        emitter.send(Set.of(new ResponseBodyEmitter.DataWithMediaType("\n", MediaType.TEXT_PLAIN)));
    }
}
