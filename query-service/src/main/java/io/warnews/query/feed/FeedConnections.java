package io.warnews.query.feed;

import java.net.URI;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The feed's connections: at most {@code max-clients} at once, each on a thread of a pool of that
 * size (platform threads: a connection mostly sleeps or waits on its socket). One more is refused
 * with a 503. When the service stops, every stream is ended first (so that the web server's
 * graceful shutdown does not wait on them) and clients resume elsewhere with Last-Event-ID.
 */
@Component
@Profile("!axonserver")
class FeedConnections implements SmartLifecycle {

    private final EventTable table;
    private final FeedProperties properties;
    /** Timing only (heartbeats, gap waits), never world dates: the system clock, whatever clock the service reads. */
    private final Clock clock;
    private final Semaphore permits;
    private final ThreadPoolExecutor threads;
    private final Set<FeedConnection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    FeedConnections(EventTable table, FeedProperties properties) {
        this.table = table;
        this.properties = properties;
        this.clock = Clock.systemUTC();
        this.permits = new Semaphore(properties.maxClients());
        AtomicInteger count = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(properties.maxClients(), properties.maxClients(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "feed-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        threads.allowCoreThreadTimeOut(true);
    }

    SseEmitter open(FeedFilter filter, long after) {
        if (!running || !permits.tryAcquire()) {
            throw full();
        }
        try {
            SseEmitter emitter = new SseEmitter(properties.maxConnection().plus(properties.heartbeat()).toMillis());
            FeedConnection connection = new FeedConnection(emitter, table, properties, filter, after, clock);
            open.add(connection);
            threads.execute(() -> {
                try {
                    connection.run();
                } finally {
                    open.remove(connection);
                    permits.release();
                }
            });
            return emitter;
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Connections being served now. */
    int openConnections() {
        return open.size();
    }

    private ErrorResponseException full() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the feed serves at most " + properties.maxClients() + " connections at once; retry later");
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
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
