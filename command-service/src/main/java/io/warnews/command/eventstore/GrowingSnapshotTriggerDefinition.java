package io.warnews.command.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.AbstractSnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;

/**
 * Snapshots a stream after {@code minimum} events, or after a {@code fraction} of its length,
 * whichever is more. A snapshot is written from the whole stream's state, so its cost grows with
 * the stream: taken every fixed number of events, a ledger of ten thousand reports would write
 * megabytes every few hundred reports. Growing the interval with the stream keeps the cost per
 * event constant, and reading a stream back stays one snapshot plus at most that fraction of its
 * events.
 */
public class GrowingSnapshotTriggerDefinition implements SnapshotTriggerDefinition {

    private final Snapshotter snapshotter;
    private final int minimum;
    private final int divisor;

    /** @param divisor a snapshot every {@code length / divisor} events once that is above {@code minimum} */
    public GrowingSnapshotTriggerDefinition(Snapshotter snapshotter, int minimum, int divisor) {
        if (minimum < 1 || divisor < 1) {
            throw new IllegalArgumentException("minimum and divisor must be at least 1");
        }
        this.snapshotter = snapshotter;
        this.minimum = minimum;
        this.divisor = divisor;
    }

    @Override
    public SnapshotTrigger prepareTrigger(Class<?> aggregateType) {
        return new Trigger(snapshotter, aggregateType, minimum, divisor);
    }

    @Override
    public SnapshotTrigger reconfigure(Class<?> aggregateType, SnapshotTrigger trigger) {
        if (trigger instanceof Trigger growing) {
            growing.setSnapshotter(snapshotter);
            return growing;
        }
        return prepareTrigger(aggregateType);
    }

    /** Counts the events since the last snapshot and knows the stream's length from their sequence numbers. */
    static final class Trigger extends AbstractSnapshotTrigger {

        private static final long serialVersionUID = 1L;

        private final int minimum;
        private final int divisor;
        private int counter;
        private long length;

        Trigger(Snapshotter snapshotter, Class<?> aggregateType, int minimum, int divisor) {
            super(snapshotter, aggregateType);
            this.minimum = minimum;
            this.divisor = divisor;
        }

        @Override
        public void eventHandled(EventMessage<?> message) {
            if (message instanceof DomainEventMessage<?> domainEvent) {
                length = domainEvent.getSequenceNumber() + 1;
            }
            super.eventHandled(message);
        }

        @Override
        protected boolean exceedsThreshold() {
            return ++counter >= threshold(length);
        }

        long threshold(long streamLength) {
            return Math.max(minimum, streamLength / divisor);
        }

        @Override
        protected void reset() {
            counter = 0;
        }
    }
}
