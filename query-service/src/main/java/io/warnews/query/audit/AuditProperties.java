package io.warnews.query.audit;

import io.warnews.query.Settings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a rebuild waits: for the live processor to reach the event store's head (before the
 * replay, and again before the swap), and how long its replay may go without progress (no event
 * coming, the database failing) before it fails.
 */
@ConfigurationProperties("warnews.audit.rebuild")
record AuditProperties(@DefaultValue("30s") Duration catchUpTimeout,
                       @DefaultValue("30m") Duration replayTimeout,
                       @DefaultValue("50ms") Duration pollInterval) {

    AuditProperties {
        Settings.positive("warnews.audit.rebuild.catch-up-timeout", catchUpTimeout);
        Settings.positive("warnews.audit.rebuild.replay-timeout", replayTimeout);
        Settings.positive("warnews.audit.rebuild.poll-interval", pollInterval);
    }
}
