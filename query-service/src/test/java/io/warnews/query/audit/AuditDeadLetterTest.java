package io.warnews.query.audit;

import io.warnews.query.Feed;

import static io.warnews.query.audit.AuditHistoryTest.AUDITOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.warnews.events.Basis;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.LossesReported;
import io.warnews.events.Qualifier;
import io.warnews.events.WorldDate;
import io.warnews.query.EventStoreWriter;
import io.warnews.query.QueryServiceTest;
import io.warnews.query.SeedStory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A poison event: the loss table refuses one figure (a CHECK constraint the test adds), so the
 * losses projection fails on that report with an SQL error, as a real defect would.
 */
@QueryServiceTest
class AuditDeadLetterTest {

    private static final long POISON = 666_666;

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    private EventStoreWriter writer;
    private String conflict;

    @BeforeEach
    void refuseThePoisonFigure() {
        writer = new EventStoreWriter(context);
        conflict = "poisoned-" + System.nanoTime();
        writer.append(conflict, Feed.warBetweenRussiaAndUkraine(conflict));
        jdbc.execute("ALTER TABLE read_model.loss_figure ADD CONSTRAINT no_poison CHECK (value <> " + POISON
                + ") NOT VALID");
    }

    @AfterEach
    void allowItAgain() {
        jdbc.execute("ALTER TABLE read_model.loss_figure DROP CONSTRAINT IF EXISTS no_poison");
    }

    @Test
    void aPoisonEventIsSetAsideWithItsStreamAndRetriedOnceTheCauseIsGone() throws Exception {
        String poisoned = ledger("ministry-of-defence-of-ukraine");
        writer.append(poisoned, report(poisoned, "r1", POISON));
        writer.append(poisoned, report(poisoned, "r2", 1_000));
        String healthy = ledger("uk-defence-intelligence");
        String waitFor = writer.append(healthy, report(healthy, "r1", 2_000));

        http.perform(get("/api/conflicts/" + conflict + "/losses?waitFor=" + waitFor + "&waitMillis=10000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sides[0].categories[0].claimants.length()").value(1))
                .andExpect(jsonPath("$.sides[0].categories[0].headline.value").value(2_000));
        List<Map<String, Object>> letters = lettersOf(poisoned, 2);
        assertThat(letters.get(0)).containsEntry("processingGroup", "losses")
                .containsEntry("eventType", "io.warnews.events.LossesReported")
                .containsEntry("streamId", poisoned)
                .containsEntry("version", 0)
                .containsEntry("retries", 0);
        assertThat(letters.get(0).get("globalPosition")).isNotNull();
        assertThat(letters.get(0).get("enqueuedAt")).isNotNull();
        assertThat((String) letters.get(0).get("causeMessage")).contains("no_poison");
        assertThat(letters.get(1)).containsEntry("version", 1).containsEntry("index", 1);
        // The conflicts read model passes over loss reports: it has applied them once its processor is
        // past them. The losses read model holds them in its dead-letter queue: it has not, though its
        // processor is past them too.
        http.perform(get("/api/conflicts/" + conflict).param("waitFor", poisoned + "@1").param("waitMillis", "5000"))
                .andExpect(status().isOk());
        http.perform(get("/api/conflicts/" + conflict + "/losses").param("waitFor", poisoned + "@0")
                        .param("waitMillis", "300"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.processingGroups", org.hamcrest.Matchers.contains("losses")));

        http.perform(post("/api/audit/dead-letters/losses/retry").param("sequenceId", poisoned).with(AUDITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.succeeded").value(0));
        assertThat(lettersOf(poisoned, 2).get(0)).containsEntry("retries", 1);

        allowItAgain();
        http.perform(post("/api/audit/dead-letters/losses/retry").with(AUDITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.succeeded").value(1));
        assertThat(lettersOf(poisoned, 0)).isEmpty();
        http.perform(get("/api/conflicts/" + conflict + "/losses"))
                .andExpect(jsonPath("$.sides[0].categories[0].claimants.length()").value(2));
        http.perform(get("/api/conflicts/" + conflict + "/losses/RU/PERSONNEL/series")
                        .param("claimant", "ministry-of-defence-of-ukraine"))
                .andExpect(jsonPath("$.points.length()").value(2));
    }

    @Test
    void anAuditorDropsADeadSequence() throws Exception {
        String poisoned = ledger("president-of-ukraine");
        writer.append(poisoned, report(poisoned, "r1", POISON));
        lettersOf(poisoned, 1);

        http.perform(delete("/api/audit/dead-letters/losses/" + poisoned).with(AUDITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dropped").value(1));
        assertThat(lettersOf(poisoned, 0)).isEmpty();
        http.perform(delete("/api/audit/dead-letters/losses/" + poisoned).with(AUDITOR))
                .andExpect(status().isNotFound());
        http.perform(post("/api/audit/dead-letters/nothing/retry").with(AUDITOR)).andExpect(status().isNotFound());
    }

    /** A form body's field without '=' is a parameter without a value: it was a 500 (found by the hostile corpus). */
    @Test
    void aDropWithAFormBodyIsAnsweredAsWithout() throws Exception {
        http.perform(delete("/api/audit/dead-letters/losses/" + ledger("nobody")).with(AUDITOR)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("x"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        http.perform(delete("/api/audit/dead-letters/timeline?sequenceId=nope").with(AUDITOR)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("sequenceId&x"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    /**
     * Spring would join two ids with a comma and look for that stream; which of the two was meant?
     * A DELETE's form body counts as parameters too.
     */
    @Test
    void aSequenceIdGivenTwiceIsRefusedNamingIt() throws Exception {
        String query = "?sequenceId=" + ledger("one") + "&sequenceId=" + ledger("two");
        var inQueryAndBody = delete("/api/audit/dead-letters/losses?sequenceId=" + ledger("one"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("sequenceId=" + ledger("two"));
        for (var request : List.of(post("/api/audit/dead-letters/losses/retry" + query),
                delete("/api/audit/dead-letters/losses" + query), inQueryAndBody)) {
            http.perform(request.with(AUDITOR))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.parameter").value("sequenceId"))
                    .andExpect(jsonPath("$.detail", containsString("give it once")));
        }
    }

    private String ledger(String claimant) {
        return conflict + "/losses/RU/" + claimant;
    }

    private LossesReported report(String ledger, String reportId, long personnel) {
        String claimant = ledger.substring(ledger.lastIndexOf('/') + 1);
        return new LossesReported(ledger, reportId, conflict, "RU", claimant, WorldDate.parse("2025-06-1"
                + reportId.substring(1)), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, personnel, Qualifier.EXACT)), SeedStory.ARTICLE);
    }

    /** The stream's dead letters once there are {@code count} of them (waits up to 10 s). */
    private List<Map<String, Object>> lettersOf(String streamId, int count) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        List<Map<String, Object>> letters;
        do {
            String all = http.perform(get("/api/audit/dead-letters").param("group", "losses").with(AUDITOR))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            letters = JsonPath.read(all, "$[?(@.sequenceId == '" + streamId + "')]");
            if (letters.size() == count) {
                return letters;
            }
            Thread.sleep(50);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("expected " + count + " dead letters of " + streamId + ", found " + letters);
    }
}
