package io.warnews.query.processing;

import io.warnews.query.Settings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the instances sharing the processing see each other: how often each writes its heartbeat
 * (and rebalances), and after how long without one an instance no longer counts; and how soon a
 * processor stopped by an error of the JVM (not an exception) is started again
 * ({@link ProcessorRestarts}): after {@code restartAfterError}, doubling with each restart that
 * is followed by another such stop within {@code restartBackoffMax}, up to that.
 */
@ConfigurationProperties("warnews.processing")
record ProcessingProperties(@DefaultValue("2s") Duration heartbeat, @DefaultValue("10s") Duration nodeTimeout,
                            @DefaultValue("5s") Duration restartAfterError,
                            @DefaultValue("5m") Duration restartBackoffMax) {

    ProcessingProperties {
        Settings.positive("warnews.processing.heartbeat", heartbeat);
        Settings.positive("warnews.processing.node-timeout", nodeTimeout);
        Settings.positive("warnews.processing.restart-after-error", restartAfterError);
        if (restartBackoffMax.compareTo(restartAfterError) < 0) {
            throw new IllegalArgumentException("warnews.processing.restart-backoff-max (" + restartBackoffMax
                    + ") must not be below restart-after-error (" + restartAfterError + ")");
        }
    }
}
