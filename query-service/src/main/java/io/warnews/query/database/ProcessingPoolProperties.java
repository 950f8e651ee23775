package io.warnews.query.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The processing pool's limits ({@code warnews.database.processing}): the connections of the event
 * processors, token store, dead letters, rebuilds and the feed's reader. The other settings (URL,
 * user, connect and login timeouts) are the requests pool's ({@code spring.datasource.*}).
 *
 * @param poolSize            connections at most
 * @param connectionTimeoutMs longest wait for a pooled connection (milliseconds; at least 250)
 * @param socketTimeoutSeconds longest silence of the database on an open connection (seconds, whole; 0 waits
 *                            forever); above the statement timeout, so that a long statement ends with its own
 *                            timeout, not a broken connection
 * @param statementTimeoutMs  the server cancels a statement running longer (milliseconds; 0 = no limit)
 */
@ConfigurationProperties("warnews.database.processing")
record ProcessingPoolProperties(@DefaultValue("10") int poolSize,
                                @DefaultValue("10000") long connectionTimeoutMs,
                                @DefaultValue("75") int socketTimeoutSeconds,
                                @DefaultValue("60000") long statementTimeoutMs) {

    ProcessingPoolProperties {
        if (socketTimeoutSeconds > 0 && (statementTimeoutMs == 0 || statementTimeoutMs >= socketTimeoutSeconds * 1000L)) {
            throw new IllegalArgumentException("warnews.database.processing.socket-timeout-seconds ("
                    + socketTimeoutSeconds + ") must be above statement-timeout-ms (" + statementTimeoutMs
                    + "), or 0: otherwise a long statement breaks its connection instead of ending with its timeout");
        }
    }
}
