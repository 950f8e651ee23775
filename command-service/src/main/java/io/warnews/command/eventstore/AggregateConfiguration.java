package io.warnews.command.eventstore;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** What aggregates are given: the clock their date rules read, and when long streams are snapshotted. */
@Configuration
class AggregateConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** A loss ledger receives a report a day for years: snapshot it every so many events. */
    @Bean
    SnapshotTriggerDefinition ledgerSnapshotTrigger(Snapshotter snapshotter,
                                                    @Value("${warnews.snapshots.ledger-threshold:250}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
