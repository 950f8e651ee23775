package io.warnews.query.feed;

import static io.warnews.query.feed.Events.conflict;
import static io.warnews.query.feed.Events.ledger;
import static io.warnews.query.feed.Events.losses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warnews.query.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The HTTP feed over a real connection: order, ids, filters, resuming, heartbeats, gaps, limits. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "warnews.feed.heartbeat=300ms", "warnews.feed.gap-timeout=30s", "warnews.feed.max-clients=8"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
class FeedTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    FeedConnections connections;

    @Test
    void everyEventArrivesFromTheFirstOneInGlobalOrderWithItsPositionAsId() throws Exception {
        String c = "all-" + System.nanoTime();
        StoredRows.append(dataSource, c, 0, conflict(c));
        StoredRows.append(dataSource, ledger(c), 0, losses(c, "r1", "2025-06-10", 1_000),
                losses(c, "r2", "2025-06-11", 1_100));
        List<Long> stored = StoredRows.positionsAfter(dataSource, 0);

        try (SseClient feed = open("/api/feed", null)) {
            assertThat(feed.status()).isEqualTo(200);
            assertThat(feed.header("Content-Type")).startsWith("text/event-stream");
            List<SseClient.Message> events = feed.nextEvents(stored.size(), WAIT);

            assertThat(events).extracting(SseClient.Message::position).containsExactlyElementsOf(stored);
            List<SseClient.Message> mine = events.subList(events.size() - 3, events.size());
            assertThat(mine).extracting(SseClient.Message::event)
                    .containsExactly("ConflictRegistered", "LossesReported", "LossesReported");
            JsonNode registered = mine.get(0).json();
            assertThat(registered.path("position").asLong()).isEqualTo(mine.get(0).position());
            assertThat(registered.path("streamId").asText()).isEqualTo(c);
            assertThat(registered.path("version").asLong()).isZero();
            assertThat(registered.path("type").asText()).isEqualTo("ConflictRegistered");
            assertThat(registered.path("revision").asText()).isEqualTo("1");
            assertThat(registered.path("recordedBy").asText()).isEqualTo("editor-in-test");
            assertThat(registered.path("recordedAt").asText()).isNotBlank();
            assertThat(registered.path("correlationId").asText()).isNotBlank();
            assertThat(registered.path("payload").path("name").asText()).isEqualTo("Russia-Ukraine war (Україна)");
            JsonNode report = mine.get(2).json();
            assertThat(report.path("streamId").asText()).isEqualTo(ledger(c));
            assertThat(report.path("version").asLong()).isEqualTo(1);
            assertThat(report.path("revision").asText()).isEqualTo("2");
            assertThat(report.path("payload").path("figures").get(0).path("value").asLong()).isEqualTo(1_100);
        }
    }

    @Test
    void anEventStoredInAnOlderRevisionIsSentInItsCurrentForm() throws Exception {
        long start = StoredRows.lastPosition(dataSource);
        String c = "old-form-" + System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            StoredRows.insert(connection, ledger(c), 0, "io.warnews.events.LossesReported", "1", """
                    {"ledgerId":"%s","reportId":"r1","conflictId":"%s","side":"RU","claimant":"MoD",
                     "asOf":"2025-06-12","basis":"CUMULATIVE",
                     "figures":{"PERSONNEL":{"value":1000340,"qualifier":"ABOUT"}}}""".formatted(ledger(c), c));
        }
        try (SseClient feed = open("/api/feed?after=" + start, null)) {
            JsonNode report = feed.nextEvent(WAIT).json();
            assertThat(report.path("revision").asText()).isEqualTo("2");
            assertThat(report.path("payload").path("figures").toString())
                    .isEqualTo("[{\"category\":\"PERSONNEL\",\"value\":1000340,\"qualifier\":\"ABOUT\"}]");
        }
    }

    @Test
    void eventsAreFilteredByConflictAndByType() throws Exception {
        long start = StoredRows.lastPosition(dataSource);
        String one = "filter-one-" + System.nanoTime();
        String two = "filter-two-" + System.nanoTime();
        StoredRows.append(dataSource, one, 0, conflict(one));
        StoredRows.append(dataSource, ledger(one), 0, losses(one, "r1", "2025-06-10", 10), losses(one, "r2", "2025-06-11", 20));
        StoredRows.append(dataSource, two, 0, conflict(two));
        StoredRows.append(dataSource, ledger(two), 0, losses(two, "r1", "2025-06-10", 30));
        long last = StoredRows.lastPosition(dataSource);

        try (SseClient feed = open("/api/feed?after=" + start + "&conflict=" + one, null)) {
            assertThat(feed.nextEvents(3, WAIT)).allSatisfy(event ->
                    assertThat(event.json().path("payload").path("conflictId").asText()).isEqualTo(one));
            assertThat(heartbeatsFor(feed, Duration.ofSeconds(1)))
                    .as("a heartbeat carries the position the filtered-out events moved to").contains(Long.toString(last));
        }
        try (SseClient feed = open("/api/feed?after=" + start + "&type=LossesReported", null)) {
            assertThat(feed.nextEvents(3, WAIT)).extracting(event -> event.json().path("payload").path("reportId").asText()
                    + "@" + event.json().path("payload").path("conflictId").asText())
                    .containsExactly("r1@" + one, "r2@" + one, "r1@" + two);
        }
        try (SseClient feed = open(
                "/api/feed?after=" + start + "&conflict=" + two + "&type=ConflictRegistered,LossesReported", null)) {
            assertThat(feed.nextEvents(2, WAIT)).extracting(SseClient.Message::event)
                    .containsExactly("ConflictRegistered", "LossesReported");
            assertThat(dataWithin(feed, Duration.ofMillis(700))).isEmpty();
        }
    }

    @Test
    void anUnknownEventTypeIsA400NamingIt() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/feed?type=LossesReported,LossesInvented")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("LossesInvented").contains("\"parameter\":\"type\"")
                .contains("AttackLaunched");
    }

    @Test
    void aConsumerThatReconnectsWithLastEventIdGetsExactlyTheRest() throws Exception {
        long start = StoredRows.lastPosition(dataSource);
        String c = "resume-" + System.nanoTime();
        StoredRows.append(dataSource, c, 0, conflict(c));
        StoredRows.append(dataSource, ledger(c), 0, losses(c, "r1", "2025-06-06", 1), losses(c, "r2", "2025-06-07", 2),
                losses(c, "r3", "2025-06-08", 3), losses(c, "r4", "2025-06-09", 4), losses(c, "r5", "2025-06-10", 5));
        List<Long> stored = StoredRows.positionsAfter(dataSource, start);

        List<Long> received = new ArrayList<>();
        String lastEventId;
        try (SseClient feed = open("/api/feed?after=" + start, null)) {
            feed.nextEvents(2, WAIT).forEach(event -> received.add(event.position()));
            lastEventId = feed.lastEventId();
        }
        try (SseClient feed = open("/api/feed?after=" + start, lastEventId)) {
            feed.nextEvents(4, WAIT).forEach(event -> received.add(event.position()));
            assertThat(dataWithin(feed, Duration.ofMillis(700))).as("nothing twice").isEmpty();
        }
        assertThat(received).containsExactlyElementsOf(stored);

        try (SseClient feed = open("/api/feed?after=" + stored.get(3), null)) {
            assertThat(feed.nextEvents(2, WAIT)).extracting(SseClient.Message::position)
                    .containsExactlyElementsOf(stored.subList(4, 6));
        }
    }

    @Test
    void anIdleFeedSendsHeartbeats() throws Exception {
        try (SseClient feed = open("/api/feed?after=" + StoredRows.lastPosition(dataSource), null)) {
            assertThat(feed.nextMessage(WAIT).comments()).singleElement().asString().startsWith("feed after position");
            List<String> heartbeats = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofMillis(1_500).toNanos();
            while (System.nanoTime() < deadline) {
                SseClient.Message message = feed.nextMessage(Duration.ofMillis(100));
                if (message != null) {
                    heartbeats.addAll(message.comments());
                }
            }
            assertThat(heartbeats).hasSizeGreaterThanOrEqualTo(3).containsOnly("heartbeat");
        }
    }

    @Test
    void anEventCommittedLateWithALowerPositionIsStillDeliveredInPositionOrder() throws Exception {
        long start = StoredRows.lastPosition(dataSource);
        String early = "gap-early-" + System.nanoTime();
        String late = "gap-late-" + System.nanoTime();
        try (SseClient feed = open("/api/feed?after=" + start, null);
             Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            StoredRows.insert(slow, early, 0, conflict(early));
            StoredRows.append(dataSource, late, 0, conflict(late));

            assertThat(dataWithin(feed, Duration.ofMillis(1_500)))
                    .as("nothing past the position the open transaction holds").isEmpty();
            slow.commit();

            List<SseClient.Message> events = feed.nextEvents(2, WAIT);
            assertThat(events).extracting(event -> event.json().path("streamId").asText()).containsExactly(early, late);
            assertThat(events).extracting(SseClient.Message::position)
                    .containsExactlyElementsOf(StoredRows.positionsAfter(dataSource, start)).isSorted();
        }
    }

    @Test
    void aPositionLeftByARolledBackTransactionHoldsTheFeedBackOnlyBriefly() throws Exception {
        long start = StoredRows.lastPosition(dataSource);
        String after = "rolled-back-" + System.nanoTime();
        try (SseClient feed = open("/api/feed?after=" + start, null);
             Connection lost = dataSource.getConnection()) {
            lost.setAutoCommit(false);
            StoredRows.insert(lost, after + "-lost", 0, conflict(after + "-lost"));
            StoredRows.append(dataSource, after, 0, conflict(after));
            assertThat(dataWithin(feed, Duration.ofMillis(500))).isEmpty();
            long rolledBack = System.nanoTime();
            lost.rollback();

            SseClient.Message event = feed.nextEvent(WAIT);
            long millis = (System.nanoTime() - rolledBack) / 1_000_000;
            assertThat(event.json().path("streamId").asText()).isEqualTo(after);
            assertThat(event.position()).isEqualTo(start + 2);
            assertThat(millis).as("well within the 30 s gap timeout").isLessThan(3_000);
        }
    }

    @Test
    void connectionsAreCappedAndAClientThatGoesAwayFreesItsPlace() throws Exception {
        awaitNoConnections();
        List<SseClient> held = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                held.add(open("/api/feed?after=" + Long.MAX_VALUE / 2, null));
            }
            assertThat(held).allSatisfy(client -> assertThat(client.status()).isEqualTo(200));
            try (SseClient refused = SseClient.open(port, "/api/feed", null)) {
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isEqualTo("5");
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            }
        } finally {
            held.forEach(SseClient::close);
        }
        awaitNoConnections();
        try (SseClient again = open("/api/feed?after=" + Long.MAX_VALUE / 2, null)) {
            assertThat(again.status()).isEqualTo(200);
        }
    }

    @Test
    void aBadPositionIsA400() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/feed")).header("Last-Event-ID", "abc").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Last-Event-ID");
    }

    @Test
    void fromNowSendsOnlyWhatIsRecordedAfterTheConnectionAndAReconnectResumesFromItsOpeningId() throws Exception {
        String c = "now-" + System.nanoTime();
        StoredRows.append(dataSource, c, 0, conflict(c));
        StoredRows.append(dataSource, ledger(c), 0, losses(c, "r1", "2025-06-10", 10));
        long before = StoredRows.lastPosition(dataSource);
        try (SseClient reading = open("/api/feed?after=" + (before - 1), null)) {
            assertThat(reading.nextEvent(WAIT).position()).as("the feed has read the events so far").isEqualTo(before);
        }

        String opening;
        try (SseClient live = open("/api/feed?from=now&conflict=" + c, null)) {
            SseClient.Message first = live.nextMessage(WAIT);
            assertThat(first).isNotNull();
            assertThat(first.data()).as("no replay: the conflict and r1 are not sent").isNull();
            assertThat(first.id()).as("the position it starts after, for a reconnect").isNotNull();
            assertThat(first.position()).isGreaterThanOrEqualTo(before);
            opening = first.id();
            StoredRows.append(dataSource, ledger(c), 1, losses(c, "r2", "2025-06-11", 20));
            assertThat(live.nextEvent(WAIT).json().path("payload").path("reportId").asText()).isEqualTo("r2");
        }
        try (SseClient reconnected = open("/api/feed?from=now&conflict=" + c, opening)) {
            assertThat(reconnected.nextEvent(WAIT).json().path("payload").path("reportId").asText())
                    .as("Last-Event-ID wins: what came after the opening id, nothing lost").isEqualTo("r2");
        }
    }

    @Test
    void anUnknownStartingPointOrFromNowWithAfterIsA400() throws Exception {
        for (String query : List.of("from=yesterday", "from=now&after=3")) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/feed?" + query)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"parameter\":\"from\"");
        }
    }

    private SseClient open(String pathAndQuery, String lastEventId) {
        SseClient feed = SseClient.open(port, pathAndQuery, lastEventId);
        assertThat(feed.status()).as(pathAndQuery).isEqualTo(200);
        return feed;
    }

    private void awaitNoConnections() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (connections.openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(connections.openConnections()).as("connections of clients gone").isZero();
    }

    private static List<SseClient.Message> dataWithin(SseClient feed, Duration duration) throws InterruptedException {
        List<SseClient.Message> events = new ArrayList<>();
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            SseClient.Message message = feed.nextMessage(Duration.ofMillis(50));
            if (message != null && message.data() != null) {
                events.add(message);
            }
        }
        return events;
    }

    private static List<String> heartbeatsFor(SseClient feed, Duration duration) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            SseClient.Message message = feed.nextMessage(Duration.ofMillis(50));
            if (message != null && message.comments().contains("heartbeat") && message.id() != null) {
                ids.add(message.id());
            }
        }
        return ids;
    }
}
