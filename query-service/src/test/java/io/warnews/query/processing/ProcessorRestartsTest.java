package io.warnews.query.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.warnews.events.ConflictRegistered;
import io.warnews.events.Party;
import io.warnews.query.TestDatabase;
import io.warnews.query.feed.StoredRows;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A processor whose handler throws an {@link Error} (a stack overflow here) is paused by Axon in
 * its error state; it is started again after {@code restart-after-error}, from its last committed
 * token: the event that met the error is handled, and none is skipped.
 */
@SpringBootTest(properties = {"warnews.processing.restart-after-error=500ms",
        "axon.eventhandling.processors.error-probe.mode=tracking"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
class ProcessorRestartsTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    ErrorProbe probe;
    @Autowired
    EventProcessingConfiguration processing;

    @TestConfiguration
    static class Probe {

        @Bean
        ErrorProbe errorProbe() {
            return new ErrorProbe();
        }
    }

    /** Handles conflicts; the first time it meets one named "poison-…", it overflows its stack. */
    @ProcessingGroup("error-probe")
    static class ErrorProbe {

        final List<String> handled = new CopyOnWriteArrayList<>();
        final AtomicInteger errors = new AtomicInteger();

        @EventHandler
        void on(ConflictRegistered event) {
            if (event.conflictId().startsWith("poison-") && errors.getAndIncrement() == 0) {
                throw new StackOverflowError("thrown by the test's handler");
            }
            handled.add(event.conflictId());
        }
    }

    @Test
    void aProcessorStoppedByAnErrorIsStartedAgainAndSkipsNothing() throws Exception {
        String before = "before-" + System.nanoTime();
        String poison = "poison-" + System.nanoTime();
        String after = "after-" + System.nanoTime();
        StoredRows.append(dataSource, before, 0, conflict(before));
        StoredRows.append(dataSource, poison, 0, conflict(poison));
        StoredRows.append(dataSource, after, 0, conflict(after));

        StreamingEventProcessor processor = processing.eventProcessor("error-probe", StreamingEventProcessor.class)
                .orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (probe.errors.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(probe.errors.get()).as("the handler met the poison event").isPositive();

        while (!probe.handled.contains(after) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // (the batch that met the error was rolled back: what it had handled is handled again)
        assertThat(probe.handled).containsSubsequence(before, poison, after);
        assertThat(processor.isError()).isFalse();
        assertThat(processor.isRunning()).isTrue();
    }

    private static ConflictRegistered conflict(String conflictId) {
        return new ConflictRegistered(conflictId, "Conflict " + conflictId,
                List.of(new Party("RU", "Russia"), new Party("UA", "Ukraine")), LocalDate.of(2022, 2, 24));
    }
}
