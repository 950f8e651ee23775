package io.warnews.query;

import io.warnews.events.ConflictRegistered;
import io.warnews.events.Party;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers events straight to the projections' handler methods, the way a processor would (one
 * transaction per delivery, the stream id, version and timestamp of a stored event), without the
 * event store: a test can deliver the same event twice.
 */
public final class Feed {

    private static final AtomicLong CLOCK = new AtomicLong(Instant.parse("2025-06-12T08:00:00Z").toEpochMilli());

    private final Collection<AnnotationEventHandlerAdapter> projections;
    private final TransactionTemplate transactions;

    public Feed(ApplicationContext context) {
        this.projections = context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .map(AnnotationEventHandlerAdapter::new)
                .toList();
        this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    /** A stored event: its stream, its version in the stream, and when it was recorded. */
    public record Stored(String streamId, long version, Object payload, Instant recordedAt) {
    }

    public static Stored event(String streamId, long version, Object payload) {
        return new Stored(streamId, version, payload, Instant.ofEpochMilli(CLOCK.addAndGet(1000)));
    }

    /** A conflict between RU and UA that started on 2022-02-24, the setting most tests need. */
    public static ConflictRegistered warBetweenRussiaAndUkraine(String conflictId) {
        return new ConflictRegistered(conflictId, "War", List.of(new Party("RU", "Russia"),
                new Party("UA", "Ukraine")), LocalDate.of(2022, 2, 24));
    }

    public Stored deliver(String streamId, long version, Object payload) {
        return deliver(event(streamId, version, payload));
    }

    public Stored deliver(Stored event) {
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>(
                event.payload().getClass().getSimpleName(), event.streamId(), event.version(), event.payload(),
                MetaData.with("editor", "test"), UUID.randomUUID().toString(), event.recordedAt());
        transactions.executeWithoutResult(status -> projections.forEach(projection -> {
            try {
                projection.handle(message);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        return event;
    }

    public void deliverAll(List<Stored> events) {
        events.forEach(this::deliver);
    }
}
