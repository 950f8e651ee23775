package io.warnews.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.warnews.query.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The feed's limits: one client address holds at most its share of the slots, and a client that
 * goes away frees its slot at the next heartbeat.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "warnews.feed.heartbeat=500ms", "warnews.feed.max-clients=10", "warnews.feed.max-clients-per-address=3"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
class FeedLimitsTest {

    @LocalServerPort
    int port;
    @Autowired
    FeedConnections connections;

    @Test
    void oneClientAddressHoldsAtMostItsShareOfTheSlotsAndAClientGoneFreesItsSlotAtTheNextHeartbeat()
            throws Exception {
        List<SseClient> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                SseClient feed = SseClient.open(port, "/api/feed", null);
                assertThat(feed.status()).isEqualTo(200);
                held.add(feed);
            }
            try (SseClient refused = SseClient.open(port, "/api/feed", null)) {
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isEqualTo("5");
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            }
            awaitConnections(3, Duration.ofSeconds(5));

            held.remove(0).close();
            long closed = System.nanoTime();
            awaitConnections(2, Duration.ofSeconds(5));
            long millis = (System.nanoTime() - closed) / 1_000_000;
            assertThat(millis).as("freed at the next heartbeat (500 ms), not two later").isLessThan(1_500);
            try (SseClient again = SseClient.open(port, "/api/feed", null)) {
                assertThat(again.status()).isEqualTo(200);
            }
        } finally {
            held.forEach(SseClient::close);
        }
    }

    private void awaitConnections(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (connections.openConnections() != count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(connections.openConnections()).isEqualTo(count);
    }
}
