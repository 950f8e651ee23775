package io.warnews.query.eventstore;

import java.util.List;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, which polls the event table for the processors, with one addition:
 * {@link #appended} makes a waiting poll look at once, when another process has said that it
 * appended events ({@link AppendListener}).
 */
public class AppendedEventStore extends EmbeddedEventStore {

    AppendedEventStore(Builder builder) {
        super(builder);
    }

    /** Events were appended elsewhere: the poller, if it is waiting, reads now. */
    public void appended() {
        afterCommit(List.of());
    }
}
