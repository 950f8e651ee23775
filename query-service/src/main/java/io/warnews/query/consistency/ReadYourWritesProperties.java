package io.warnews.query.consistency;

import io.warnews.query.Settings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long a read may wait for a stream version, and how often it looks. */
@ConfigurationProperties("warnews.read-your-writes")
record ReadYourWritesProperties(
        @DefaultValue("2s") Duration defaultWait,
        @DefaultValue("10s") Duration maxWait,
        @DefaultValue("10ms") Duration pollInterval) {

    ReadYourWritesProperties {
        if (defaultWait.isNegative()) {
            throw new IllegalArgumentException("warnews.read-your-writes.default-wait must not be negative, not "
                    + defaultWait);
        }
        if (maxWait.compareTo(defaultWait) < 0) {
            throw new IllegalArgumentException("warnews.read-your-writes.max-wait (" + maxWait
                    + ") must not be below default-wait (" + defaultWait + ")");
        }
        Settings.positive("warnews.read-your-writes.poll-interval", pollInterval);
    }
}
