package io.warnews.query.processing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the instances sharing the processing see each other: how often each writes its heartbeat
 * (and rebalances), and after how long without one an instance no longer counts.
 */
@ConfigurationProperties("warnews.processing")
record ProcessingProperties(@DefaultValue("2s") Duration heartbeat, @DefaultValue("10s") Duration nodeTimeout) {
}
