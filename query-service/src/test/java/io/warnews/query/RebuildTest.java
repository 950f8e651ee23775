package io.warnews.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Every read model rebuilt from the first event answers exactly what it answered before. */
@QueryServiceTest
class RebuildTest {

    private static final List<String> GROUPS = List.of("conflicts", "losses", "attacks", "talks", "timeline");

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void resettingEveryProcessingGroupRebuildsTheSameAnswers() throws Exception {
        SeedStory story = new SeedStory("rebuilt-story");
        String waitFor = story.appendTo(new EventStoreWriter(context));
        List<String> reads = List.of(
                "/api/conflicts/rebuilt-story?asOf=2025-06-12",
                "/api/conflicts/rebuilt-story/losses",
                "/api/conflicts/rebuilt-story/losses?side=RU&asOf=2025-06-12",
                "/api/conflicts/rebuilt-story/losses/RU/PERSONNEL/series",
                "/api/conflicts/rebuilt-story/milestones",
                "/api/conflicts/rebuilt-story/attacks",
                "/api/conflicts/rebuilt-story/attacks/daily",
                "/api/conflicts/rebuilt-story/attacks/records",
                "/api/talks/" + story.talks(),
                "/api/conflicts/rebuilt-story/talks",
                "/api/conflicts/rebuilt-story/timeline");
        Map<String, String> before = answers(reads, waitFor);

        for (String group : GROUPS) {
            TrackingEventProcessor processor = processing.eventProcessor(group, TrackingEventProcessor.class)
                    .orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        awaitReplayed();

        assertThat(answers(reads, waitFor)).isEqualTo(before);
        assertThat(before.get(reads.get(1))).contains("1000340");
    }

    /**
     * Every segment of every group has replayed to the head: a processor's segments progress
     * independently, so a stream's version being reached says nothing of the others.
     */
    private void awaitReplayed() throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            boolean done = true;
            for (String group : GROUPS) {
                TrackingEventProcessor processor = processing.eventProcessor(group, TrackingEventProcessor.class)
                        .orElseThrow();
                Integer segments = jdbc.queryForObject(
                        "SELECT count(*) FROM read_model.token_entry WHERE processor_name = ?", Integer.class, group);
                var status = processor.processingStatus();
                done &= status.size() == segments && status.values().stream()
                        .allMatch(segment -> segment.isCaughtUp() && !segment.isReplaying());
            }
            if (done) {
                return;
            }
            Thread.sleep(50);
        }
    }

    private Map<String, String> answers(List<String> reads, String waitFor) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String read : reads) {
            answers.put(read, http.perform(get(read + (read.contains("?") ? "&" : "?") + "waitFor={w}&waitMillis=10000",
                            waitFor))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
        }
        return answers;
    }
}
