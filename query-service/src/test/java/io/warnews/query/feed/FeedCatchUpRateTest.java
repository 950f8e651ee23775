package io.warnews.query.feed;

import static io.warnews.query.feed.Events.conflict;
import static io.warnews.query.feed.Events.ledger;
import static io.warnews.query.feed.Events.losses;
import static org.assertj.core.api.Assertions.assertThat;

import io.warnews.events.WarEvent;
import io.warnews.query.TestDatabase;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * Clients catching up from position 0 share one catch-up rate (200 events a second here, batches
 * of 50): two of them over 600 stored events take about six seconds together, every event in
 * order, while a live subscriber ({@code from=now}) gets an event recorded meanwhile at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "warnews.feed.batch-size=50", "warnews.feed.buffer=200", "warnews.feed.catch-up-rate=200",
        "warnews.feed.heartbeat=1s"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
// settings of its own: closed after the class rather than kept with its threads in the shared test JVM
@DirtiesContext
class FeedCatchUpRateTest {

    private static final int RATE = 200;
    private static final int BATCH = 50;

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    FeedHub hub;
    @Autowired
    FeedProperties properties;

    @Test
    void clientsCatchingUpShareTheRateAndALiveSubscriberIsNotHeldBehindThem() throws Exception {
        String c = "rate-" + System.nanoTime();
        StoredRows.append(dataSource, c, 0, conflict(c));
        WarEvent[] reports = new WarEvent[599];
        for (int i = 0; i < reports.length; i++) {
            // one report a day, rising, as a claimant publishes them: cheap for the projections, whose
            // catching up must not load the machine for the tests that run next
            reports[i] = losses(c, "r-" + i, LocalDate.of(2023, 1, 1).plusDays(i).toString(), 1_000 + 10L * i);
        }
        StoredRows.append(dataSource, ledger(c), 0, reports);
        List<Long> stored = StoredRows.positionsAfter(dataSource, 0);
        StoredRows.awaitFeedRead(hub, dataSource, Duration.ofSeconds(30));

        try (SseClient live = SseClient.open(port, "/api/feed?from=now", null);
             SseClient first = SseClient.open(port, "/api/feed", null);
             SseClient second = SseClient.open(port, "/api/feed", null)) {
            assertThat(List.of(live.status(), first.status(), second.status())).containsOnly(200);
            long start = System.nanoTime();
            CompletableFuture<List<SseClient.Message>> firstEvents = catchUp(first, stored.size());
            CompletableFuture<List<SseClient.Message>> secondEvents = catchUp(second, stored.size());

            Thread.sleep(1_000);
            StoredRows.append(dataSource, ledger(c), reports.length, losses(c, "during", "2025-06-11", 100_000));
            long written = System.nanoTime();
            SseClient.Message news = live.nextEvent(Duration.ofSeconds(3));
            double liveDelay = (System.nanoTime() - written) / 1e9;
            assertThat(news.json().path("payload").path("reportId").asText()).isEqualTo("during");
            assertThat(firstEvents).isNotDone();
            assertThat(secondEvents).isNotDone();

            List<SseClient.Message> a = firstEvents.get(60, TimeUnit.SECONDS);
            List<SseClient.Message> b = secondEvents.get(60, TimeUnit.SECONDS);
            double took = (System.nanoTime() - start) / 1e9;
            assertThat(a).extracting(SseClient.Message::position).containsExactlyElementsOf(stored);
            assertThat(b).extracting(SseClient.Message::position).containsExactlyElementsOf(stored);
            // each batch reserves its 50 events of the shared rate before it is sent: the last of the
            // 2 × 12 batches waits for the 23 before it, 23 × 50 / 200 = 5.75 s
            double floor = (2.0 * Math.ceil(stored.size() / (double) BATCH) - 1) * BATCH / RATE;
            assertThat(took).as("catch-up of two clients over %d events", stored.size()).isGreaterThan(floor * 0.95);
            assertThat(liveDelay).as("the live subscriber's delay, in seconds").isLessThan(2.0);
        }
    }

    @Test
    void theRateIsReservedInOrderAndIdleTimeIsNotSavedUp() {
        FeedHub hub = new FeedHub(null, properties);
        long now = System.nanoTime();
        assertThat(hub.reserveCatchUp(50, now)).isZero();
        assertThat(hub.reserveCatchUp(50, now)).isEqualTo(250_000_000L);
        assertThat(hub.reserveCatchUp(100, now + 100_000_000L)).isEqualTo(400_000_000L);
        assertThat(hub.reserveCatchUp(50, now + 10_000_000_000L)).isZero();
    }

    private static CompletableFuture<List<SseClient.Message>> catchUp(SseClient client, int count) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                List<SseClient.Message> events = new java.util.ArrayList<>();
                while (events.size() < count) {
                    try {
                        events.add(client.nextEvent(Duration.ofSeconds(30)));
                    } catch (AssertionError e) {
                        throw new AssertionError("after " + events.size() + " of " + count + " events: "
                                + e.getMessage(), e);
                    }
                }
                return events;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, task -> new Thread(task, "catching-up").start());
    }
}
