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
 * Feed clients that catch up from position 0 and never read: each is given a catch-up turn and
 * its page (2.5 MB here, more than its socket buffers hold), and its write then waits until the
 * web server's write timeout (60 s, as shipped) ends it. A well-behaved subscriber catching up
 * from 0 behind them must not wait for those timeouts: a connection keeps its turn at most
 * {@code catch-up-turn} (500 ms here) while it sends, then the next connection's turn starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "warnews.feed.heartbeat=500ms", "warnews.feed.buffer=10", "warnews.feed.batch-size=40",
        "warnews.feed.max-clients=20", "warnews.feed.max-clients-per-address=5", "warnews.feed.catch-up-turn=500ms"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
class FeedNonReadingCatchUpTest {

    /**
     * How long the subscriber may wait for each event: well under the write timeout (60 s) that
     * ends a non-reading client, and well over the few turns of 500 ms it may wait behind them.
     */
    private static final Duration WAIT = Duration.ofSeconds(30);

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
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (connections.openConnections() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(connections.openConnections()).isZero();
    }

    @Test
    void clientsCatchingUpThatNeverReadDoNotHoldTheCatchUpTurnsAndASubscriberCatchingUpGetsEveryEvent()
            throws Exception {
        String c = "catch-up-" + System.nanoTime();
        StoredRows.append(dataSource, c, 0, conflict(c));
        WarEvent[] big = new WarEvent[120];
        for (int i = 0; i < big.length; i++) {
            big[i] = bigReport(c, i);
        }
        StoredRows.append(dataSource, ledger(c), 0, big);
        List<Long> stored = StoredRows.positionsAfter(dataSource, 0);

        for (String address : List.of("127.0.0.2", "127.0.0.3")) {
            for (int i = 0; i < 4; i++) {
                nonReaders.add(connectAndNeverRead(address));
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (connections.openConnections() != 8 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(connections.openConnections()).isEqualTo(8);

        try (SseClient subscriber = SseClient.open(port, "/api/feed", null)) {
            assertThat(subscriber.status()).isEqualTo(200);
            List<SseClient.Message> events = subscriber.nextEvents(stored.size(), WAIT);
            assertThat(events).extracting(SseClient.Message::position).containsExactlyElementsOf(stored);
            assertThat(events.get(events.size() - 1).json().path("payload").path("reportId").asText())
                    .isEqualTo("big-119");
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

    /** A client from the given loopback address that sends the feed's request (from 0) and never reads a byte. */
    private Socket connectAndNeverRead(String address) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(address, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/feed HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
