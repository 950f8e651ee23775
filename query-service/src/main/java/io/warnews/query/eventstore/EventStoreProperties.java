package io.warnews.query.eventstore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How the event store is polled once the processors have caught up. */
@ConfigurationProperties("warnews.event-store")
record EventStoreProperties(@DefaultValue("25ms") Duration fetchDelay) {
}
