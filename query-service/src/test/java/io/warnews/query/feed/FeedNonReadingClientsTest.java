package io.warnews.query.feed;

import static io.warnews.query.feed.Events.conflict;
import static io.warnews.query.feed.Events.ledger;
import static org.assertj.core.api.Assertions.assertThat;

import io.warnews.events.Basis;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.LossesReported;
import io.warnews.events.Qualifier;
import io.warnews.events.Source;
import io.warnews.events.WarEvent;
import io.warnews.events.WorldDate;
import io.warnews.query.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Feed clients that connect and never read: raw sockets that send the request and then read
 * nothing, more of them than the slots of their address and than all the slots. A well-behaved
 * subscriber (another address, reading) must still be served and get its events: a non-reading
 * address holds only its own share of the slots, and non-reading clients holding every slot are
 * ended by the web server's write timeout once their socket buffers are full (shortened here from
 * its 60 s to 2 s with {@code server.tomcat.connection-timeout}), which frees their slots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "warnews.feed.heartbeat=500ms", "warnews.feed.max-clients=4", "warnews.feed.max-clients-per-address=2",
        "server.tomcat.connection-timeout=2s"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
class FeedNonReadingClientsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** A bound for what is documented to take a few seconds here (the write timeout, 2 s, once the buffers are full). */
    private static final Duration SERVED_WITHIN = Duration.ofSeconds(90);

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    FeedConnections connections;

    private final List<Socket> nonReaders = new ArrayList<>();

    @AfterEach
    void closeTheNonReaders() throws Exception {
        for (Socket socket : nonReaders) {
            socket.close();
        }
        nonReaders.clear();
        awaitConnections(0);
    }

    @Test
    void clientsOfOneAddressThatNeverReadHoldOnlyThatAddressesSlotsAndASubscriberElsewhereGetsItsEvents()
            throws Exception {
        for (int i = 0; i < 5; i++) {
            nonReaders.add(connectAndNeverRead("127.0.0.2"));
        }
        awaitConnections(2);

        try (SseClient subscriber = SseClient.open(port, "/api/feed?from=now", null)) {
            assertThat(subscriber.status()).as("a subscriber of another address is served").isEqualTo(200);
            String c = "one-address-" + System.nanoTime();
            StoredRows.append(dataSource, c, 0, conflict(c));
            SseClient.Message event = subscriber.nextEvent(WAIT);
            assertThat(event.event()).isEqualTo("ConflictRegistered");
            assertThat(event.json().path("streamId").asText()).isEqualTo(c);
        }
    }

    @Test
    void clientsThatNeverReadAndHoldEverySlotAreEndedOnceTheirBuffersAreFullAndASubscriberThenGetsItsEvents()
            throws Exception {
        for (String address : List.of("127.0.0.2", "127.0.0.3")) {
            for (int i = 0; i < 3; i++) {
                nonReaders.add(connectAndNeverRead(address));
            }
        }
        awaitConnections(4);
        try (SseClient refused = SseClient.open(port, "/api/feed?from=now", null)) {
            assertThat(refused.status()).as("every slot is held by a client that reads nothing").isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("5");
        }

        // events flow (about 8 MB of them): the non-readers' socket buffers fill, their writes wait
        String c = "never-read-" + System.nanoTime();
        StoredRows.append(dataSource, c, 0, conflict(c));
        WarEvent[] big = new WarEvent[128];
        for (int i = 0; i < big.length; i++) {
            big[i] = bigReport(c, i);
        }
        StoredRows.append(dataSource, ledger(c), 0, big);

        SseClient subscriber = null;
        long deadline = System.nanoTime() + SERVED_WITHIN.toNanos();
        int refusals = 0;
        while (System.nanoTime() < deadline) {
            SseClient attempt = SseClient.open(port, "/api/feed?from=now", null);
            if (attempt.status() == 200) {
                subscriber = attempt;
                break;
            }
            assertThat(attempt.status()).isEqualTo(503);
            refusals++;
            long retryAfter = Long.parseLong(attempt.header("Retry-After"));
            attempt.close();
            Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
        }
        assertThat(subscriber).as("a subscriber honouring Retry-After is served within " + SERVED_WITHIN
                + " (refused " + refusals + " times)").isNotNull();
        try (SseClient served = subscriber) {
            String after = "after-" + System.nanoTime();
            StoredRows.append(dataSource, after, 0, conflict(after));
            SseClient.Message event = served.nextEvent(WAIT);
            assertThat(event.event()).isEqualTo("ConflictRegistered");
            assertThat(event.json().path("streamId").asText()).isEqualTo(after);
            awaitConnections(1);
        }
    }

    /** A loss report whose source carries a 64 KiB headline: a big event, to fill socket buffers quickly. */
    private static LossesReported bigReport(String conflictId, int n) {
        Source source = new Source("Outlet", "https://example.org/" + n, "h".repeat(64 * 1024),
                Instant.parse("2025-06-12T08:15:00Z"));
        return new LossesReported(ledger(conflictId), "big-" + n, conflictId, "RU", "Ministry of Defence of Ukraine",
                WorldDate.parse("2025-06-10"), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, 1_000 + n, Qualifier.ABOUT)), source);
    }

    /** A client from the given loopback address that sends the feed's request and never reads a byte. */
    private Socket connectAndNeverRead(String address) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(address, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/feed?from=now HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private void awaitConnections(int count) throws InterruptedException {
        long deadline = System.nanoTime() + SERVED_WITHIN.toNanos();
        while (connections.openConnections() != count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(connections.openConnections()).isEqualTo(count);
    }
}
