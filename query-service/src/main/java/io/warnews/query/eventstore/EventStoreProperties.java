package io.warnews.query.eventstore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the processors read the event store.
 *
 * @param fetchDelay         how long caught-up processors wait before polling the store again
 * @param laggingReaderCheck how often a processor that has fallen behind the events read ahead for
 *                           all processors (the shared cache) is moved to a stream of its own; until
 *                           then every event read ahead since its position stays in memory
 */
@ConfigurationProperties("warnews.event-store")
record EventStoreProperties(@DefaultValue("25ms") Duration fetchDelay,
                            @DefaultValue("250ms") Duration laggingReaderCheck) {
}
