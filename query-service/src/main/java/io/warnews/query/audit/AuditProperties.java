package io.warnews.query.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a rebuild waits: for the live processor to reach the head before its tables are
 * captured, and for the replay to reach that head again before the rebuilt tables are compared.
 */
@ConfigurationProperties("warnews.audit.rebuild")
record AuditProperties(@DefaultValue("30s") Duration catchUpTimeout,
                       @DefaultValue("30m") Duration replayTimeout,
                       @DefaultValue("50ms") Duration pollInterval) {
}
