package io.warnews.query.feed;

import static io.warnews.query.feed.Events.conflict;
import static io.warnews.query.feed.Events.ledger;
import static io.warnews.query.feed.Events.losses;
import static org.assertj.core.api.Assertions.assertThat;

import io.warnews.query.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Hundreds of subscribers connecting at the same moment, live and from position 0: every one is
 * answered 200 and gets every event, in order, with a stream that stays well-formed. A connection
 * used to write its first event while the request's thread was still writing the response's
 * headers in the filters; under such a burst that corrupted the container's header table and
 * broke some of the streams.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "warnews.feed.max-clients-per-address=1000", "warnews.feed.heartbeat=1s"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
// settings of its own: closed after the class rather than kept with its threads in the shared test JVM
@DirtiesContext
class FeedManyAtOnceTest {

    private static final int CLIENTS = 300;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    FeedHub hub;

    @Test
    void threeHundredSubscribersConnectingAtOnceAllGetEveryEvent() throws Exception {
        String c = "many-" + System.nanoTime();
        StoredRows.append(dataSource, c, 0, conflict(c));
        StoredRows.append(dataSource, ledger(c), 0, losses(c, "before", "2025-06-10", 1_000));
        // from=now starts after what the feed has read: let it read these two first
        StoredRows.awaitFeedRead(hub, dataSource, WAIT);

        ExecutorService connecting = Executors.newFixedThreadPool(60);
        List<Future<SseClient>> opening = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String path = i % 2 == 0 ? "/api/feed?from=now" : "/api/feed";
            opening.add(connecting.submit(() -> SseClient.open(port, path, null)));
        }
        List<SseClient> clients = new ArrayList<>();
        try {
            for (Future<SseClient> open : opening) {
                clients.add(open.get(60, TimeUnit.SECONDS));
            }
            assertThat(clients).extracting(SseClient::status).containsOnly(200);
            // the live half has taken its start position once its first comment came
            for (int i = 0; i < CLIENTS; i += 2) {
                assertThat(clients.get(i).nextMessage(WAIT)).as("client %d's first message", i).isNotNull();
            }
            StoredRows.append(dataSource, ledger(c), 1, losses(c, "after", "2025-06-11", 1_100));
            List<Long> all = StoredRows.positionsAfter(dataSource, 0);
            long last = all.get(all.size() - 1);

            List<Future<List<Long>>> received = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                SseClient client = clients.get(i);
                int count = i % 2 == 0 ? 1 : all.size();
                received.add(connecting.submit(() -> client.nextEvents(count, WAIT).stream()
                        .map(SseClient.Message::position).toList()));
            }
            for (int i = 0; i < CLIENTS; i++) {
                List<Long> positions = received.get(i).get(120, TimeUnit.SECONDS);
                if (i % 2 == 0) {
                    assertThat(positions).as("live client %d", i).containsExactly(last);
                } else {
                    assertThat(positions).as("client %d from position 0", i).containsExactlyElementsOf(all);
                }
            }
        } finally {
            clients.forEach(SseClient::close);
            connecting.shutdownNow();
        }
    }
}
