package io.warnews.query.processing;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

/** The waits before a processor stopped by an error is started again: 5 s, doubling while it keeps stopping. */
class ProcessorRestartsBackoffTest {

    private static final long SECOND = 1_000_000_000L;

    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private final ProcessorRestarts restarts = new ProcessorRestarts(null,
            new ProcessingProperties(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(5),
                    Duration.ofSeconds(30)), new ProcessorLocks());

    @Test
    void startsAgainAfterTheWaitAndDoublesItWhileTheErrorComesBack() {
        when(processor.getName()).thenReturn("losses");
        when(processor.isError()).thenReturn(true);

        seenStoppedThenStartedAfter(0, 5, 1);
        // stopped again right away: 10 s this time, then 20, then 30 (the maximum)
        seenStoppedThenStartedAfter(6, 10, 2);
        seenStoppedThenStartedAfter(17, 20, 3);
        seenStoppedThenStartedAfter(38, 30, 4);
    }

    @Test
    void aProcessorRunningLongerThanTheMaximumSinceItsRestartStartsOverWithTheFirstWait() {
        when(processor.getName()).thenReturn("losses");
        when(processor.isError()).thenReturn(true);
        seenStoppedThenStartedAfter(0, 5, 1);

        when(processor.isError()).thenReturn(false);
        restarts.check(processor, 40 * SECOND);
        when(processor.isError()).thenReturn(true);
        seenStoppedThenStartedAfter(41, 5, 2);
    }

    /**
     * The processor, in its error state, is seen stopped at second {@code at}: it is not started
     * again just before {@code wait} seconds later, and is at that moment (its {@code nth} start).
     */
    private void seenStoppedThenStartedAfter(long at, long wait, int nth) {
        restarts.check(processor, at * SECOND);
        restarts.check(processor, (at + wait) * SECOND - 1);
        verify(processor, times(nth - 1)).start();
        restarts.check(processor, (at + wait) * SECOND);
        verify(processor, times(nth)).start();
    }

    @Test
    void aGroupBeingRebuiltIsLeftToTheRebuild() throws Exception {
        when(processor.getName()).thenReturn("losses");
        when(processor.isError()).thenReturn(true);
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessors()).thenReturn(Map.of("losses", processor));
        ProcessorLocks locks = new ProcessorLocks();
        ProcessorRestarts restarts = new ProcessorRestarts(processing, new ProcessingProperties(Duration.ofSeconds(2),
                Duration.ofSeconds(10), Duration.ofMillis(1), Duration.ofSeconds(30)), locks);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch rebuilt = new CountDownLatch(1);
        Thread rebuild = new Thread(() -> {
            locks.of("losses").lock();
            try {
                held.countDown();
                rebuilt.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                locks.of("losses").unlock();
            }
        });
        rebuild.start();
        held.await();
        for (int i = 0; i < 5; i++) {
            restarts.check();
            Thread.sleep(2);
        }
        verify(processor, never()).start();

        rebuilt.countDown();
        rebuild.join();
        restarts.check();
        Thread.sleep(2);
        restarts.check();
        verify(processor, times(1)).start();
    }

    @Test
    void aProcessorThatIsNotInErrorIsLeftAlone() {
        when(processor.getName()).thenReturn("losses");
        when(processor.isError()).thenReturn(false);
        restarts.check(processor, 0);
        restarts.check(processor, 100 * SECOND);
        verify(processor, never()).start();
    }
}
