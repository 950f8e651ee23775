package io.warnews.query.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's feed, run on a thread of its own: reads the event table from the client's
 * position, sends what {@link SafePosition} allows and the filter wants, polls when caught up, and
 * sends a heartbeat when it has been quiet. It ends when the client goes away (a failed write, at
 * the latest at the next heartbeat), when its connection time is up, or when the service stops.
 */
final class FeedConnection implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedConnection.class);
    private static final MediaType JSON_TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    /** How long a transaction may take between drawing a position and getting its id, with a wide margin. */
    private static final Duration MIN_SETTLE = Duration.ofMillis(100);

    private final SseEmitter emitter;
    private final EventTable table;
    private final FeedProperties properties;
    private final FeedFilter filter;
    private final SafePosition safe;
    private final Clock clock;
    private volatile boolean closed;
    private long lastSent;

    FeedConnection(SseEmitter emitter, EventTable table, FeedProperties properties, FeedFilter filter, long after,
                   Clock clock) {
        this.emitter = emitter;
        this.table = table;
        this.properties = properties;
        this.filter = filter;
        this.clock = clock;
        this.lastSent = after;
        this.safe = new SafePosition(after, properties.gapTimeout(), max(properties.pollInterval(), MIN_SETTLE));
        emitter.onCompletion(this::close);
        emitter.onTimeout(this::close);
        emitter.onError(error -> close());
    }

    void close() {
        closed = true;
    }

    @Override
    public void run() {
        Instant end = clock.instant().plus(properties.maxConnection());
        try {
            emitter.send(SseEmitter.event().comment(" feed after position " + safe.position()));
            Instant lastWrite = clock.instant();
            while (!closed && !Thread.currentThread().isInterrupted() && clock.instant().isBefore(end)) {
                EventTable.Read read = table.after(safe.position(), properties.batchSize());
                List<StoredEvent> ready = safe.advance(read.events(), read.snapshot(), clock.instant());
                for (StoredEvent event : ready) {
                    ObjectNode payload = FeedMessages.payload(event);
                    if (filter.accepts(event, payload)) {
                        emitter.send(SseEmitter.event().id(Long.toString(event.position())).name(event.simpleType())
                                .data(FeedMessages.data(event, payload), JSON_TEXT));
                        lastSent = event.position();
                        lastWrite = clock.instant();
                    }
                }
                if (!clock.instant().isBefore(lastWrite.plus(properties.heartbeat()))) {
                    heartbeat();
                    lastWrite = clock.instant();
                }
                if (ready.size() < properties.batchSize()) {
                    Thread.sleep(properties.pollInterval().toMillis());
                }
            }
            emitter.complete();
        } catch (InterruptedException e) {
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the response was completed under us: nothing left to tell
            emitter.completeWithError(e);
        } catch (RuntimeException e) {
            LOG.warn("feed connection ended by a failure at position {}", safe.position(), e);
            emitter.completeWithError(e);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * A comment line; when filtered-out events moved the position on since the last event sent,
     * it carries that position as the id, so that a reconnect does not read them again.
     */
    private void heartbeat() throws IOException {
        SseEmitter.SseEventBuilder heartbeat = SseEmitter.event();
        if (safe.position() > lastSent) {
            heartbeat.id(Long.toString(safe.position()));
            lastSent = safe.position();
        }
        emitter.send(heartbeat.comment(" heartbeat"));
    }
}
