package io.warnews.query.processing;

import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
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
 * logged each time, not in a tight loop. Processors shut down on purpose (a rebuild's reset) are
 * not in the error state and are left alone.
 */
@Component
class ProcessorRestarts {

    private static final Logger log = LoggerFactory.getLogger(ProcessorRestarts.class);

    private final EventProcessingConfiguration processing;
    private final long firstWait;
    private final long maxWait;
    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "processor-restarts");
        thread.setDaemon(true);
        return thread;
    });

    /** A processor seen stopped by an error: when it may be started, and the wait after that. */
    private record Attempt(long due, long delay, long restartedAt) {
    }

    ProcessorRestarts(EventProcessingConfiguration processing, ProcessingProperties properties) {
        this.processing = processing;
        this.firstWait = properties.restartAfterError().toNanos();
        this.maxWait = properties.restartBackoffMax().toNanos();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long every = Math.max(100, Math.min(1_000, TimeUnit.NANOSECONDS.toMillis(firstWait) / 5));
        timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    void check() {
        try {
            long now = System.nanoTime();
            for (EventProcessor processor : processing.eventProcessors().values()) {
                if (processor instanceof StreamingEventProcessor streaming) {
                    check(streaming, now);
                }
            }
        } catch (RuntimeException e) {
            log.warn("the check for processors stopped by an error failed: {}", e.toString());
        }
    }

    void check(StreamingEventProcessor processor, long now) {
        String name = processor.getName();
        Attempt attempt = attempts.get(name);
        if (!processor.isError()) {
            if (attempt != null && attempt.due() != 0) {
                // started meanwhile by something else (a rebuild): counts as a restart
                attempts.put(name, new Attempt(0, attempt.delay(), now));
            } else if (attempt != null && now - attempt.restartedAt() > maxWait) {
                attempts.remove(name);
            }
            return;
        }
        if (attempt == null || attempt.due() == 0) {
            // newly seen stopped: the first wait, or twice the last one if the last restart was recent
            long wait = attempt == null ? firstWait : Math.min(maxWait, attempt.delay() * 2);
            attempts.put(name, new Attempt(now + wait, wait, 0));
            log.warn("processor {} was stopped by an error; starting it again in {} ms", name,
                    TimeUnit.NANOSECONDS.toMillis(wait));
            return;
        }
        if (now - attempt.due() >= 0) {
            log.warn("processor {} was stopped by an error: starting it again from its last committed position", name);
            processor.start();
            attempts.put(name, new Attempt(0, attempt.delay(), now));
        }
    }
}
