package io.warnews.query.feed;

import io.warnews.query.Settings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP feed for downstream services ({@code GET /api/feed}).
 *
 * @param heartbeat            a comment line is sent after this long without an event, so that proxies keep
 *                             the connection and a client that went away is noticed (its slot freed)
 * @param pollInterval         how often the one reader of the event table reads it again once it has caught up
 * @param gapTimeout           the longest the feed waits for a missing position to be filled before it gives the
 *                             position up as a rolled-back transaction's (see {@link SafePosition})
 * @param batchSize            events read per query, and the size in positions of a catch-up page
 * @param maxClients           feed connections served at once; one more is answered 503
 * @param maxClientsPerAddress feed connections served at once to one client address; one more is answered 503
 * @param maxConnection        how long one connection is served before the server ends it; the client resumes
 *                             with Last-Event-ID
 * @param buffer               the latest events kept in memory for every connection to take from
 * @param catchUpReaders       connections catching up served at once, a page (read and sent) each in turn
 * @param catchUpPages         catch-up pages kept in memory, shared by clients catching up together
 * @param catchUpTurn          the longest a connection keeps its catch-up turn while sending its page; a client
 *                             reading slower (or not at all) goes on without it and the next turn starts
 * @param catchUpRate          events a second sent to the connections catching up (started from a past
 *                             position, until they reach the head), all of them together; 0: not limited
 */
@ConfigurationProperties("warnews.feed")
record FeedProperties(@DefaultValue("15s") Duration heartbeat,
                      @DefaultValue("50ms") Duration pollInterval,
                      @DefaultValue("60s") Duration gapTimeout,
                      @DefaultValue("500") int batchSize,
                      @DefaultValue("2000") int maxClients,
                      @DefaultValue("100") int maxClientsPerAddress,
                      @DefaultValue("30m") Duration maxConnection,
                      @DefaultValue("10000") int buffer,
                      @DefaultValue("1") int catchUpReaders,
                      @DefaultValue("16") int catchUpPages,
                      @DefaultValue("1s") Duration catchUpTurn,
                      @DefaultValue("20000") int catchUpRate) {

    FeedProperties {
        Settings.positive("warnews.feed.heartbeat", heartbeat);
        Settings.positive("warnews.feed.poll-interval", pollInterval);
        Settings.positive("warnews.feed.gap-timeout", gapTimeout);
        Settings.positive("warnews.feed.max-connection", maxConnection);
        Settings.positive("warnews.feed.catch-up-turn", catchUpTurn);
        if (catchUpRate < 0) {
            throw new IllegalArgumentException("warnews.feed.catch-up-rate must be 0 (not limited) or more, not "
                    + catchUpRate);
        }
        atLeastOne("batch-size", batchSize);
        atLeastOne("buffer", buffer);
        atLeastOne("catch-up-readers", catchUpReaders);
        atLeastOne("max-clients", maxClients);
        atLeastOne("max-clients-per-address", maxClientsPerAddress);
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("warnews.feed." + name + " must be 1 or more, not " + value);
        }
    }
}
