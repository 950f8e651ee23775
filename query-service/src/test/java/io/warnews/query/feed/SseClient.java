package io.warnews.query.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A consumer of the feed as a downstream service would write one: a real HTTP connection read
 * line by line with java.net.http, messages parsed by the Server-Sent Events rules, and the last
 * id remembered for a reconnect.
 */
final class SseClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Message END = new Message(null, null, null, List.of());

    /** One message: {@code id}, {@code event} and {@code data} fields, and any comment lines. */
    record Message(String id, String event, String data, List<String> comments) {

        long position() {
            return Long.parseLong(id);
        }

        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + data, e);
            }
        }
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private volatile String lastEventId;
    private volatile boolean ended;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the feed; the answer's status is checked by the caller. */
    static SseClient open(int port, String pathAndQuery, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The id of the last message taken that had one, as EventSource would send it on reconnect. */
    String lastEventId() {
        return lastEventId;
    }

    boolean ended() {
        return ended;
    }

    /** The next message with data, skipping comment-only ones; fails after the timeout or at the end of the stream. */
    Message nextEvent(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Message message = nextMessage(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (message == null) {
                throw new AssertionError("no event within " + timeout);
            }
            if (message == END) {
                throw new AssertionError("the stream ended");
            }
            if (message.data() != null) {
                return message;
            }
        }
    }

    List<Message> nextEvents(int count, Duration timeout) throws InterruptedException {
        List<Message> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(nextEvent(timeout));
        }
        return events;
    }

    /** The next message of any kind, {@code null} after the timeout. */
    Message nextMessage(Duration timeout) throws InterruptedException {
        Message message = messages.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (message != null && message.id() != null) {
            lastEventId = message.id();
        }
        return message;
    }

    /** Waits for the server to end the stream, collecting the events that come before the end. */
    List<Message> untilEnd(Duration timeout) throws InterruptedException {
        List<Message> events = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Message message = nextMessage(Duration.ofMillis(50));
            if (message == END) {
                return events;
            }
            if (message != null && message.data() != null) {
                events.add(message);
            }
        }
        throw new AssertionError("the stream did not end within " + timeout);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            StringBuilder data = null;
            List<String> comments = new ArrayList<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (id != null || data != null || !comments.isEmpty()) {
                        messages.add(new Message(id, event, data == null ? null : data.toString(), List.copyOf(comments)));
                    }
                    id = null;
                    event = null;
                    data = null;
                    comments.clear();
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).trim());
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> event = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> {
                        }
                    }
                }
            }
        } catch (IOException e) {
            // closed by us, or the server went away: either way the stream has ended
        } finally {
            ended = true;
            messages.add(END);
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
