package io.warnews.query.feed;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The feed's connections: at most {@code max-clients} at once, and at most
 * {@code max-clients-per-address} from one client address, so that clients of one address cannot
 * hold every slot. Each connection has a thread of its own with a small stack, which waits on the
 * {@link FeedHub} and on its socket; it reads nothing from the database itself. One more
 * connection is refused with a 503 and Retry-After. When the service stops, every stream is ended
 * first (so that the web server's graceful shutdown does not wait on them) and clients resume
 * elsewhere with Last-Event-ID.
 */
@Component
@Profile("!axonserver")
class FeedConnections implements SmartLifecycle {

    private static final long STACK_BYTES = 256 * 1024;

    private final FeedHub hub;
    private final FeedProperties properties;
    /** Timing only (heartbeats), never world dates: the system clock, whatever clock the service reads. */
    private final Clock clock;
    private final Semaphore permits;
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final Set<FeedConnection> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private volatile boolean running;

    FeedConnections(FeedHub hub, FeedProperties properties) {
        this.hub = hub;
        this.properties = properties;
        this.clock = Clock.systemUTC();
        this.permits = new Semaphore(properties.maxClients());
    }

    /**
     * Opens a connection; its thread is handed to {@code startWhenDispatched}, to be started once the
     * request's thread has left the filter chain ({@link FeedStartFilter}): until then filters still
     * read and write the response's headers, which the container does not let two threads do at once.
     */
    SseEmitter open(FeedFilter filter, long after, String address, Consumer<Runnable> startWhenDispatched) {
        String client = address == null ? "" : address;
        if (!running || !permits.tryAcquire()) {
            throw full("the feed serves at most " + properties.maxClients() + " connections at once; retry later");
        }
        AtomicInteger fromAddress = perAddress.computeIfAbsent(client, key -> new AtomicInteger());
        if (fromAddress.incrementAndGet() > properties.maxClientsPerAddress()) {
            release(client);
            throw full("the feed serves at most " + properties.maxClientsPerAddress()
                    + " connections from one client address at once; retry later");
        }
        try {
            SseEmitter emitter = new SseEmitter(properties.maxConnection().plus(properties.heartbeat()).toMillis());
            FeedConnection connection = new FeedConnection(emitter, hub, properties, filter, after, clock);
            open.add(connection);
            Thread thread = new Thread(null, () -> {
                try {
                    connection.run();
                } finally {
                    open.remove(connection);
                    threads.remove(Thread.currentThread());
                    release(client);
                }
            }, "feed-" + count.incrementAndGet(), STACK_BYTES);
            thread.setDaemon(true);
            threads.add(thread);
            startWhenDispatched.accept(thread::start);
            return emitter;
        } catch (RuntimeException | Error e) {
            release(client);
            throw e;
        }
    }

    private void release(String client) {
        perAddress.computeIfPresent(client, (key, n) -> n.decrementAndGet() <= 0 ? null : n);
        permits.release();
    }

    /** Connections being served now. */
    int openConnections() {
        return open.size();
    }

    private ErrorResponseException full(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("Feed full");
        problem.setType(URI.create("urn:warnews:problem:feed-full"));
        ErrorResponseException refused = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        refused.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        return refused;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        open.forEach(FeedConnection::close);
        threads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + 5_000_000_000L;
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped before the web server's graceful shutdown (which would otherwise wait on open streams). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
