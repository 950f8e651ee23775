package io.warnews.query.audit;

import static io.warnews.query.audit.AuditHistoryTest.AUDITOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.warnews.query.EventStoreWriter;
import io.warnews.query.QueryServiceTest;
import io.warnews.query.SeedStory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** In a context (and database) of its own: read models fed around the event store by other tests would not rebuild. */
@QueryServiceTest
@TestPropertySource(properties = "warnews.audit.rebuild.poll-interval=20ms")
class AuditRebuildTest {

    private static final List<String> GROUPS = List.of("conflicts", "losses", "attacks", "talks", "timeline");

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    private SeedStory story;

    @BeforeEach
    void recordTheStoryAndSeeItProjected() throws Exception {
        story = new SeedStory("rebuild-" + System.nanoTime());
        String waitFor = story.appendTo(new EventStoreWriter(context));
        http.perform(get("/api/conflicts/" + story.conflictId() + "/timeline?waitFor=" + waitFor
                + "&waitMillis=10000")).andExpect(status().isOk());
        http.perform(get("/api/talks/" + story.talks() + "?waitFor=" + waitFor + "&waitMillis=10000"))
                .andExpect(status().isOk());
    }

    @Test
    void everyReadModelRebuiltFromTheFirstEventEqualsTheLiveOne() throws Exception {
        for (String group : GROUPS) {
            Map<String, Object> rebuild = rebuilt(group);
            assertThat(rebuild).as(group).containsEntry("state", "VERIFIED").containsEntry("matches", true);
            assertThat(rebuild.get("checksumAfter")).as(group).isEqualTo(rebuild.get("checksumBefore"));
            assertThat((List<?>) rebuild.get("differences")).as(group).isEmpty();
            assertThat(((Number) rebuild.get("rowsAfter")).longValue()).as(group).isPositive();
        }
        http.perform(get("/api/audit/projections").with(AUDITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'losses')].lastRebuild.matches").value(true));
        http.perform(get("/api/conflicts/" + story.conflictId() + "/losses"))
                .andExpect(jsonPath("$.sides[0].categories[?(@.category == 'PERSONNEL')].headline.value")
                        .value(1_000_340));
    }

    @Test
    void aTamperedTableIsReportedWithTheRowsThatDiffer() throws Exception {
        jdbc.update("UPDATE read_model.loss_figure SET value = 7 WHERE ledger_id = ? AND category = 'PERSONNEL'",
                story.ruLedger());

        Map<String, Object> rebuild = rebuilt("losses");

        assertThat(rebuild).containsEntry("state", "VERIFIED").containsEntry("matches", false);
        assertThat(rebuild.get("checksumAfter")).isNotEqualTo(rebuild.get("checksumBefore"));
        List<Map<String, String>> differences = JsonPath.read(rebuild, "$.differences");
        assertThat(differences).hasSize(2);
        assertThat(differences.get(0)).containsEntry("in", "before").containsEntry("table", "loss_figure");
        assertThat(differences.get(0).get("row")).contains(story.ruLedger()).contains(",7,");
        assertThat(differences.get(1)).containsEntry("in", "after").containsEntry("table", "loss_figure");
        assertThat(differences.get(1).get("row")).contains(",1000340,");
    }

    @Test
    void anUnknownProjectionIsA404() throws Exception {
        http.perform(post("/api/audit/projections/nothing/rebuild").with(AUDITOR)).andExpect(status().isNotFound());
    }

    /** Starts a rebuild and follows the group's status until it is verified; answers the last rebuild. */
    private Map<String, Object> rebuilt(String group) throws Exception {
        String accepted = http.perform(post("/api/audit/projections/" + group + "/rebuild").with(AUDITOR))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.rebuildId", notNullValue()))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(accepted, "$.rebuildId");
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            String status = http.perform(get("/api/audit/projections/" + group).with(AUDITOR))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            Map<String, Object> rebuild = JsonPath.read(status, "$.lastRebuild");
            if (id.equals(rebuild.get("rebuildId")) && List.of("VERIFIED", "FAILED").contains(rebuild.get("state"))) {
                assertThat(JsonPath.<Boolean>read(status, "$.running")).isTrue();
                assertThat(JsonPath.<Integer>read(status, "$.behind")).isZero();
                return rebuild;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the rebuild of " + group + " did not finish");
    }
}
