package io.warnews.query.consistency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long a read may wait for a stream version, and how often it looks. */
@ConfigurationProperties("warnews.read-your-writes")
record ReadYourWritesProperties(
        @DefaultValue("2s") Duration defaultWait,
        @DefaultValue("10s") Duration maxWait,
        @DefaultValue("10ms") Duration pollInterval) {
}
