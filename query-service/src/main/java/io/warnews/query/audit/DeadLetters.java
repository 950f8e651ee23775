package io.warnews.query.audit;

import io.warnews.query.database.PoolPerPurpose;
import io.warnews.query.web.NotFound;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/** The processing groups' dead-letter queues: list, retry (through the group's handlers) and drop. */
@Component
class DeadLetters {

    private final EventProcessingConfiguration processing;
    private final Rebuilds rebuilds;

    DeadLetters(EventProcessingConfiguration processing, Rebuilds rebuilds) {
        this.processing = processing;
        this.rebuilds = rebuilds;
    }

    /** What a retry did. */
    record Retried(String processingGroup, String sequenceId, int attempted, int succeeded, long remaining) {
    }

    List<DeadLetterView> list(String group) {
        List<String> groups = group == null || group.isBlank()
                ? rebuilds.processors().stream().map(processor -> processor.getName()).toList()
                : List.of(queueName(group));
        List<DeadLetterView> letters = new ArrayList<>();
        for (String name : groups) {
            processing.deadLetterQueue(name).ifPresent(queue -> {
                for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                    long index = 0;
                    for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                        letters.add(view(name, letter, index++));
                    }
                }
            });
        }
        return letters;
    }

    /**
     * Retries one sequence, or each sequence once when {@code sequenceId} is null. The handlers run
     * as processing does, on the processing pool's connections and limits, although an auditor's
     * request asked for it.
     */
    Retried retry(String group, String sequenceId) {
        queueName(group);
        return rebuilds.whileNotRebuilding(group, () -> PoolPerPurpose.forProcessing(() -> retrying(group, sequenceId)));
    }

    private Retried retrying(String group, String sequenceId) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(
                queueName(group)).orElseThrow(() -> new NotFound("dead-letter queue", group));
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        int attempted = 0;
        int succeeded = 0;
        if (sequenceId != null) {
            if (!queue.contains(sequenceId)) {
                throw new NotFound("dead-letter sequence", group + "/" + sequenceId);
            }
            attempted = 1;
            succeeded = processor.process(letter -> sequenceId.equals(sequenceOf(letter))) ? 1 : 0;
        } else {
            long sequences = queue.amountOfSequences();
            for (long i = 0; i < sequences; i++) {
                attempted++;
                if (processor.processAny()) {
                    succeeded++;
                }
            }
        }
        return new Retried(group, sequenceId, attempted, succeeded, queue.size());
    }

    /** Drops every letter of the sequence: its events will not be applied. */
    int drop(String group, String sequenceId) {
        queueName(group);
        return rebuilds.whileNotRebuilding(group, () -> dropping(group, sequenceId));
    }

    private int dropping(String group, String sequenceId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(sequenceId).forEach(letters::add);
        if (letters.isEmpty()) {
            throw new NotFound("dead-letter sequence", group + "/" + sequenceId);
        }
        letters.forEach(queue::evict);
        return letters.size();
    }

    private String queueName(String group) {
        return rebuilds.processor(group).getName();
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.deadLetterQueue(queueName(group))
                .orElseThrow(() -> new NotFound("dead-letter queue", group));
    }

    private static String sequenceOf(DeadLetter<?> letter) {
        if (letter instanceof JdbcDeadLetter<?> stored) {
            return stored.getSequenceIdentifier();
        }
        return letter.message() instanceof DomainEventMessage<?> event ? event.getAggregateIdentifier() : null;
    }

    private static DeadLetterView view(String group, DeadLetter<? extends EventMessage<?>> letter, long index) {
        EventMessage<?> message = letter.message();
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> event ? event : null;
        Long position = message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                && tracked.trackingToken().position().isPresent() ? tracked.trackingToken().position().getAsLong() : null;
        Object retries = letter.diagnostics().get(DeadLetterConfiguration.RETRIES);
        return new DeadLetterView(
                group,
                sequenceOf(letter),
                index,
                letter instanceof JdbcDeadLetter<?> stored ? stored.getIdentifier() : null,
                message.getIdentifier(),
                message.getPayloadType().getName(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(),
                position,
                letter.cause().map(cause -> cause.type()).orElse(null),
                letter.cause().map(cause -> cause.message()).orElse(null),
                letter.enqueuedAt(),
                letter.lastTouched(),
                retries instanceof Number number ? number.longValue() : 0);
    }
}
