package io.warnews.query.processing;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Shares each processor's segments among the query-service instances running on one database.
 * Every instance writes a heartbeat to {@code read_model.processing_node}; an instance holding more
 * than its share of a processor's segments (segments divided by live instances, rounded up)
 * releases one for a while, and an idle processing thread of another instance claims it through the
 * token store. An instance that stops (or is killed) stops renewing its claims: after the token
 * store's claim timeout the others claim its segments.
 */
@Component
class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final NamedParameterJdbcTemplate jdbc;
    private final ProcessingProperties properties;
    private final String node = UUID.randomUUID().toString();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "segment-balancer");
        thread.setDaemon(true);
        return thread;
    });

    SegmentBalancer(EventProcessingConfiguration processing, NamedParameterJdbcTemplate jdbc,
                    ProcessingProperties properties) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long every = properties.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::balance, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        try {
            jdbc.update("DELETE FROM read_model.processing_node WHERE node_id = :node", Map.of("node", node));
        } catch (RuntimeException e) {
            log.debug("could not remove this instance's heartbeat", e);
        }
    }

    void balance() {
        try {
            jdbc.update("""
                    INSERT INTO read_model.processing_node (node_id, seen_at) VALUES (:node, now())
                    ON CONFLICT (node_id) DO UPDATE SET seen_at = now()""", Map.of("node", node));
            Duration timeout = properties.nodeTimeout();
            Integer live = jdbc.queryForObject("""
                    SELECT count(*) FROM read_model.processing_node
                    WHERE seen_at > now() - make_interval(secs => :seconds)""",
                    Map.of("seconds", timeout.toMillis() / 1000.0), Integer.class);
            jdbc.update("DELETE FROM read_model.processing_node WHERE seen_at < now() - interval '1 day'", Map.of());
            if (live == null || live < 2) {
                return;
            }
            for (EventProcessor processor : processing.eventProcessors().values()) {
                if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                    releaseSurplus(streaming, live);
                }
            }
        } catch (RuntimeException e) {
            log.warn("segment balancing skipped: {}", e.toString());
        }
    }

    private void releaseSurplus(StreamingEventProcessor processor, int live) {
        Integer segments = jdbc.queryForObject(
                "SELECT count(*) FROM read_model.token_entry WHERE processor_name = :name",
                Map.of("name", processor.getName()), Integer.class);
        Map<Integer, ?> mine = processor.processingStatus();
        int share = (segments == null ? 0 : segments + live - 1) / live;
        if (share > 0 && mine.size() > share) {
            int segment = mine.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
            log.info("{} holds {} of {} segments with {} instances running: releasing segment {}",
                    processor.getName(), mine.size(), segments, live, segment);
            processor.releaseSegment(segment, properties.nodeTimeout().toMillis() + properties.heartbeat().toMillis() * 3,
                    TimeUnit.MILLISECONDS);
        }
    }
}
