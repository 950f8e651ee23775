package io.warnews.query.audit;

import io.warnews.query.processing.TransientFailures;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A poison event does not stop a projection: when a handler fails deterministically, the event's
 * sequence (its stream: Axon's default sequencing per aggregate) goes to a dead-letter queue in
 * {@code read_model.dead_letter_entry}, later events of that stream follow it there, and the
 * processor goes on with the other streams. The queue is written through the processors' own
 * connection provider and transaction manager, so a dead letter commits with the token. The
 * handler's own writes are undone first ({@link SavepointPerHandler}). Auditors list, retry and
 * drop letters over {@code /api/audit/dead-letters}; a reset of a group (a rebuild) clears its
 * queue, since the replay meets every event again.
 * <p>
 * A {@link TransientFailures transient failure} (the database away, restarting, frozen, slow or
 * busy) is not dead-lettered: it is rethrown, the processor's batch is rolled back and the
 * processor retries it from its last token, backing off 1 s, 2 s, 4 s ... up to 60 s between
 * attempts, until the database answers again. Its status shows the error while it does.
 */
@Configuration
class DeadLetterConfiguration {

    static final DeadLetterSchema SCHEMA = DeadLetterSchema.builder()
            .deadLetterTable("read_model.dead_letter_entry")
            .deadLetterIdentifierColumn("dead_letter_id")
            .processingGroupColumn("processing_group")
            .sequenceIdentifierColumn("sequence_identifier")
            .sequenceIndexColumn("sequence_index")
            .messageTypeColumn("message_type")
            .eventIdentifierColumn("event_identifier")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .aggregateTypeColumn("aggregate_type")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .tokenTypeColumn("token_type")
            .tokenColumn("token")
            .enqueuedAtColumn("enqueued_at")
            .lastTouchedColumn("last_touched")
            .processingStartedColumn("processing_started")
            .causeTypeColumn("cause_type")
            .causeMessageColumn("cause_message")
            .diagnosticsColumn("diagnostics")
            .build();

    /** Diagnostics key counting the failed retries of a letter. */
    static final String RETRIES = "retries";

    @Bean
    ConfigurerModule deadLetterQueues(ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                      Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                      ListableBeanFactory beans) {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing()
                    .registerDefaultDeadLetterPolicy(configuration -> countingRetries());
            for (String group : processingGroups(beans)) {
                processing.registerDeadLetterQueue(group, configuration -> queue(group, connectionProvider,
                                transactionManager, serializer, eventSerializer))
                        .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                                (configuration, invoker) -> invoker.allowReset(true).enableSequenceIdentifierCache());
            }
        };
    }

    /** The groups named by {@link ProcessingGroup} on the handler beans, read without creating the beans. */
    private static Set<String> processingGroups(ListableBeanFactory beans) {
        Set<String> groups = new TreeSet<>();
        for (String name : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup group = beans.findAnnotationOnBean(name, ProcessingGroup.class);
            if (group != null) {
                groups.add(group.value());
            }
        }
        return groups;
    }

    private static SequencedDeadLetterQueue<EventMessage<?>> queue(String group, ConnectionProvider connectionProvider,
                                                                  TransactionManager transactionManager,
                                                                  Serializer serializer, Serializer eventSerializer) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(SCHEMA)
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
    }

    /**
     * A deterministic failure is dead-lettered, a failed retry puts the letter back with one more
     * retry counted; a transient one is thrown on to the processor, which backs off and retries.
     */
    static EnqueuePolicy<EventMessage<?>> countingRetries() {
        return (letter, cause) -> {
            if (TransientFailures.isTransient(cause)) {
                throw new RetryLater(cause);
            }
            return Decisions.enqueue(cause, failed -> failed.diagnostics().and(RETRIES,
                    failed.diagnostics().containsKey(RETRIES)
                            ? ((Number) failed.diagnostics().get(RETRIES)).longValue() + 1 : 0L));
        };
    }

    /** A transient failure on its way to the processor, which retries the batch. */
    static final class RetryLater extends RuntimeException {
        RetryLater(Throwable cause) {
            super("transient failure, retried: " + cause, cause);
        }
    }

    @Bean
    SavepointPerHandler savepointPerHandler(PlatformTransactionManager transactionManager) {
        return new SavepointPerHandler(transactionManager);
    }
}
