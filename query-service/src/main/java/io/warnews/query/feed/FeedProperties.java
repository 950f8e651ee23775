package io.warnews.query.feed;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP feed for downstream services ({@code GET /api/feed}).
 *
 * @param heartbeat     a comment line is sent after this long without an event, so that proxies keep the
 *                      connection and a dead client is noticed
 * @param pollInterval  how often the event table is read again once a client has caught up
 * @param gapTimeout    the longest the feed waits for a missing position to be filled before it gives the
 *                      position up as a rolled-back transaction's (see {@link SafePosition})
 * @param batchSize     events read per query
 * @param maxClients    feed connections served at once (one thread each); one more is answered 503
 * @param maxConnection how long one connection is served before the server ends it; the client resumes
 *                      with Last-Event-ID
 */
@ConfigurationProperties("warnews.feed")
record FeedProperties(@DefaultValue("15s") Duration heartbeat,
                      @DefaultValue("100ms") Duration pollInterval,
                      @DefaultValue("60s") Duration gapTimeout,
                      @DefaultValue("500") int batchSize,
                      @DefaultValue("50") int maxClients,
                      @DefaultValue("30m") Duration maxConnection) {
}
