package io.warnews.query.eventstore;

import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * The JDBC event store whose following reads (the ones Axon's shared read-ahead makes for the
 * processors) end after {@code chunk} events. Axon's read-ahead reads such a stream to its end
 * before it lets go of the first event it read: with a backlog of a million events it held all of
 * them, and the query-service ran out of its 512 MiB heap. Ended after a chunk, the read-ahead
 * goes on from where it stopped with a read of its own, and holds a chunk at most. A processor's
 * own catch-up read (not following) is not limited: it holds only what it has not handled yet.
 */
class ChunkedReadAheadEngine extends JdbcEventStorageEngine {

    private final int chunk;

    ChunkedReadAheadEngine(Builder builder, int chunk) {
        super(builder);
        if (chunk < 1) {
            throw new IllegalArgumentException("a read-ahead chunk of " + chunk + " events");
        }
        this.chunk = chunk;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = super.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.limit(chunk) : events;
    }
}
