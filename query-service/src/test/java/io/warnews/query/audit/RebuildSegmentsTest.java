package io.warnews.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.warnews.events.Basis;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.LossesReported;
import io.warnews.events.Qualifier;
import io.warnews.events.WorldDate;
import io.warnews.query.EventStoreWriter;
import io.warnews.query.QueryServiceTest;
import io.warnews.query.SeedStory;
import io.warnews.query.processing.ProcessingGroups;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A rebuild of a read model whose processor has two segments: the swap sets both segments' tokens
 * to the replay's, and each goes on with exactly its own events that the replay had not applied:
 * none twice, none missed.
 */
@QueryServiceTest(properties = {"PROCESSOR_SEGMENTS=2", "warnews.audit.rebuild.poll-interval=20ms",
        "warnews.audit.rebuild.catch-up-timeout=5s"})
@DirtiesContext
class RebuildSegmentsTest {

    /** Ledgers enough that both segments have some (a ledger's segment follows from its id). */
    private static final int LEDGERS = 16;

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void afterARebuildEachSegmentGoesOnWithExactlyTheEventsTheReplayDidNotApply() throws Exception {
        SeedStory story = new SeedStory("segments-" + System.nanoTime());
        EventStoreWriter writer = new EventStoreWriter(context);
        story.appendTo(writer);
        for (int day = 1; day <= 3; day++) {
            reportOnEveryLedger(writer, story, day);
        }
        StreamingEventProcessor losses = processing.eventProcessor(ProcessingGroups.LOSSES,
                StreamingEventProcessor.class).orElseThrow();
        assertThat(losses.processingStatus()).as("segments of the losses processor").hasSize(2);
        assertThat(jdbc.queryForList("SELECT DISTINCT segment FROM read_model.token_entry WHERE processor_name = ?",
                Integer.class, losses.getName())).hasSize(2);

        Map<String, Object> first = new RebuildsOverHttp(http).rebuilt("losses");
        assertThat(first).containsEntry("state", "VERIFIED").containsEntry("matches", true);

        // after the swap: one more report on every ledger, applied by whichever segment owns it
        reportOnEveryLedger(writer, story, 4);
        for (int ledger = 0; ledger < LEDGERS; ledger++) {
            http.perform(get("/api/conflicts/" + story.conflictId() + "/losses/RU/PERSONNEL/series")
                            .param("claimant", "segment-claimant-" + ledger))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.points.length()").value(4))
                    .andExpect(jsonPath("$.points[-1].value").value(1_000L * ledger + 4));
        }
        assertThat(jdbc.queryForList("""
                SELECT ledger_id FROM read_model.loss_report WHERE conflict_id = ? AND claimant LIKE 'segment-%'
                GROUP BY ledger_id HAVING count(*) <> 4""", String.class, story.conflictId()))
                .as("ledgers without exactly their four reports").isEmpty();

        Map<String, Object> second = new RebuildsOverHttp(http).rebuilt("losses");
        assertThat(second).containsEntry("state", "VERIFIED").containsEntry("matches", true);
        assertThat(second.get("rowsAfter")).isEqualTo(second.get("rowsBefore"));
    }

    private void reportOnEveryLedger(EventStoreWriter writer, SeedStory story, int day) throws Exception {
        for (int ledger = 0; ledger < LEDGERS; ledger++) {
            String claimant = "segment-claimant-" + ledger;
            String ledgerId = story.conflictId() + "/losses/RU/" + claimant;
            writer.append(ledgerId, new LossesReported(ledgerId, "day-" + day, story.conflictId(), "RU", claimant,
                    WorldDate.parse(LocalDate.of(2024, 1, 1).plusDays(day).toString()), Basis.CUMULATIVE,
                    List.of(new LossFigure(LossCategory.PERSONNEL, 1_000L * ledger + day, Qualifier.EXACT)),
                    SeedStory.ARTICLE));
        }
        for (int ledger = 0; ledger < LEDGERS; ledger++) {
            writer.awaitApplied(story.conflictId() + "/losses/RU/segment-claimant-" + ledger, day - 1,
                    List.of(ProcessingGroups.LOSSES));
        }
    }
}
