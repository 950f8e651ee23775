package io.warnews.command.eventstore;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.Executors;

/** What aggregates are given: the clock their date rules read, and when long streams are snapshotted. */
@Configuration
class AggregateConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The most recently used aggregates stay in memory between commands, so a busy ledger is not
     * read back from its snapshot for every report. Another instance's write to a cached stream makes
     * the next write here lose the race for the version: a 409, after which the stream is read anew.
     */
    @Bean
    Cache aggregateCache(@Value("${warnews.aggregate-cache.max-entries:200}") int maxEntries) {
        return new BoundedCache(maxEntries);
    }

    /** Which aggregate a command is for, with each command class's annotated members found once. */
    @Bean
    CommandTargetResolver commandTargetResolver() {
        return new CommandTargets();
    }

    /**
     * Snapshots are taken on a thread of their own, after the write that triggered one has been
     * answered: a snapshot of a long ledger takes a while, and no editor should wait for it.
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "snapshotter");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    /**
     * A loss ledger receives a report a day for years: snapshot it every so many events, and once it
     * is long, every quarter of its length (a snapshot costs as much as the ledger is long).
     */
    @Bean
    SnapshotTriggerDefinition ledgerSnapshotTrigger(Snapshotter snapshotter,
                                                    @Value("${warnews.snapshots.ledger-threshold:250}") int threshold,
                                                    @Value("${warnews.snapshots.ledger-fraction:4}") int divisor) {
        return new GrowingSnapshotTriggerDefinition(snapshotter, threshold, divisor);
    }
}
