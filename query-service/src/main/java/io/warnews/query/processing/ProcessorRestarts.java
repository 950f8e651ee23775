package io.warnews.query.processing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts again a processor that an error of the JVM has stopped. A projection's exception is
 * retried (transient) or dead-lettered by the processor itself; an {@link Error} (out of memory, a
 * stack overflow) ends the processor's thread instead, and Axon leaves the processor paused in its
 * error state, its read model behind for good, until the service restarts. Here it is started
 * again (from its last committed token, so nothing is skipped) after {@code restart-after-error},
 * and, should it stop again within {@code restart-backoff-max} of a restart, after twice the
 * previous wait, up to that maximum: an error that comes back every time is retried slowly and
 * logged each time, not in a tight loop. A group being rebuilt is left to the rebuild (both hold
 * its {@link ProcessorLocks} lock), nothing is started once the context is closing, and a
 * processor whose other segments' workers are still finishing is started at a later check.
 * A restart after an {@link OutOfMemoryError} is attempted but cannot be relied on: the JVM may
 * be in no state to go on.
 */
@Component
class ProcessorRestarts {

    private static final Logger log = LoggerFactory.getLogger(ProcessorRestarts.class);

    private final EventProcessingConfiguration processing;
    private final ProcessorLocks locks;
    private final long firstWait;
    private final long maxWait;
    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "processor-restarts");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closing;

    /**
     * A processor seen stopped by an error: {@code pending}, to be started at {@code at}; or
     * started again at {@code at}. {@code delay}: the wait it was given.
     */
    private record Attempt(boolean pending, long at, long delay) {
    }

    ProcessorRestarts(EventProcessingConfiguration processing, ProcessingProperties properties, ProcessorLocks locks) {
        this.processing = processing;
        this.locks = locks;
        this.firstWait = properties.restartAfterError().toNanos();
        this.maxWait = properties.restartBackoffMax().toNanos();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long every = Math.max(100, Math.min(1_000, TimeUnit.NANOSECONDS.toMillis(firstWait) / 5));
        timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Published as the context closes, before its processors are shut down (and before any bean is
     * destroyed): no restart from then on.
     */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        closing = true;
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void check() {
        long now = System.nanoTime();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (closing) {
                return;
            }
            if (processor instanceof StreamingEventProcessor streaming) {
                ReentrantLock lock = locks.of(streaming.getName());
                // a group being rebuilt is the rebuild's to stop and start
                if (!lock.tryLock()) {
                    continue;
                }
                try {
                    check(streaming, now);
                } catch (RuntimeException e) {
                    // e.g. another segment's worker still finishing its batch: the next check tries again
                    log.warn("processor {} could not be started again yet: {}", streaming.getName(), e.toString());
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    void check(StreamingEventProcessor processor, long now) {
        String name = processor.getName();
        Attempt attempt = attempts.get(name);
        if (!processor.isError()) {
            if (attempt != null && attempt.pending()) {
                // started meanwhile by something else (a rebuild): counts as a restart
                attempts.put(name, new Attempt(false, now, attempt.delay()));
            } else if (attempt != null && now - attempt.at() > maxWait) {
                attempts.remove(name);
            }
            return;
        }
        if (attempt == null || !attempt.pending()) {
            // newly seen stopped: the first wait, or twice the last one if the last restart was recent
            long wait = attempt == null ? firstWait : Math.min(maxWait, attempt.delay() * 2);
            attempts.put(name, new Attempt(true, now + wait, wait));
            log.warn("processor {} was stopped by an error; starting it again in {} ms", name,
                    TimeUnit.NANOSECONDS.toMillis(wait));
            return;
        }
        if (now - attempt.at() >= 0 && !closing && !workersStillRunning(processor)) {
            log.warn("processor {} was stopped by an error: starting it again from its last committed position", name);
            processor.start();
            attempts.put(name, new Attempt(false, now, attempt.delay()));
        }
    }

    /** Whether another segment's worker of the stopped processor is still finishing its batch. */
    private static boolean workersStillRunning(StreamingEventProcessor processor) {
        return processor instanceof TrackingEventProcessor tracking && tracking.activeProcessorThreads() > 0;
    }
}
