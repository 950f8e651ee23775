package io.warnews.query.audit;

import io.warnews.query.losses.LossReadModel;
import io.warnews.query.processing.TransientFailures;
import static io.warnews.query.audit.AuditHistoryTest.AUDITOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import io.warnews.query.Feed;
import io.warnews.query.QueryServiceTest;
import io.warnews.query.SeedStory;
import io.warnews.query.processing.ProcessingGroups;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Rule {@link TransientFailures}: while the database makes the losses projection fail (its tables
 * locked, the waiting statement cancelled as a statement timeout does, then its connection
 * terminated as a restart of PostgreSQL does), the processor retries with back-off, its status says
 * it is failing and how far behind it is, nothing is dead-lettered, and once the database is well
 * again the read model converges by itself.
 */
@QueryServiceTest
class TransientFailuresAreRetriedTest {

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void transientFailuresAreRetriedNeverDeadLettered() throws Exception {
        EventStoreWriter writer = new EventStoreWriter(context);
        String conflict = "transient-" + System.nanoTime();
        writer.append(conflict, Feed.warBetweenRussiaAndUkraine(conflict));
        String ledger = conflict + "/losses/RU/ministry-of-defence-of-ukraine";
        String first = writer.append(ledger, report(ledger, conflict, "r1", 1_000));
        http.perform(get("/api/conflicts/" + conflict + "/losses?waitFor=" + first + "&waitMillis=10000"))
                .andExpect(status().isOk());

        try (Connection lock = dataSource.getConnection(); Statement sql = lock.createStatement()) {
            lock.setAutoCommit(false);
            for (String table : LossReadModel.MODEL.tables()) {
                sql.execute("LOCK TABLE read_model." + table + " IN ACCESS EXCLUSIVE MODE");
            }
            writer.append(ledger, report(ledger, conflict, "r2", 2_000), report(ledger, conflict, "r3", 3_000));

            jdbc.queryForObject("SELECT pg_cancel_backend(?)", Boolean.class, blockedProjection(-1));
            Map<String, Object> failing = statusUntil(status -> Boolean.TRUE.equals(status.get("error")));
            assertThat((String) failing.get("failure")).as("the cause, as the status shows it")
                    .contains("canceling statement");
            int retried = blockedProjection(-1);
            jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, retried);
            assertThat(blockedProjection(retried)).as("retried on a new connection").isNotEqualTo(retried);
            Map<String, Object> lagging = statusUntil(status -> Boolean.TRUE.equals(status.get("error")));
            assertThat(lagging).containsEntry("caughtUp", false).containsEntry("deadLetters", 0);
            assertThat(((Number) lagging.get("behind")).longValue()).isGreaterThanOrEqualTo(2);
            assertThat(((Number) lagging.get("head")).longValue() - ((Number) lagging.get("position")).longValue())
                    .isEqualTo(((Number) lagging.get("behind")).longValue());
            lock.commit();
        }

        Map<String, Object> healed = statusUntil(status -> Boolean.TRUE.equals(status.get("caughtUp")));
        assertThat(healed).containsEntry("error", false).containsEntry("behind", 0).containsEntry("deadLetters", 0);
        http.perform(get("/api/conflicts/" + conflict + "/losses/RU/PERSONNEL/series")
                        .param("claimant", "ministry-of-defence-of-ukraine"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points.length()").value(3));
        String letters = http.perform(get("/api/audit/dead-letters").with(AUDITOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Object>>read(letters, "$")).as("nothing dead-lettered").isEmpty();
    }

    /** The backend of the projection waiting for the locked tables, other than {@code not} (waits up to 20 s). */
    private int blockedProjection(int not) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            List<Integer> waiting = jdbc.queryForList("""
                    SELECT pid FROM pg_stat_activity
                    WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()
                      AND pid <> ?""", Integer.class, not);
            if (!waiting.isEmpty()) {
                return waiting.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the losses projection never waited on its locked tables");
    }

    private Map<String, Object> statusUntil(Predicate<Map<String, Object>> condition) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        Map<String, Object> status;
        do {
            String body = http.perform(get("/api/audit/projections/" + ProcessingGroups.LOSSES).with(AUDITOR))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            status = JsonPath.read(body, "$");
            if (condition.test(status)) {
                return status;
            }
            Thread.sleep(50);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("the losses projection's status never got there: " + status);
    }

    private static LossesReported report(String ledger, String conflict, String reportId, long personnel) {
        return new LossesReported(ledger, reportId, conflict, "RU", "ministry-of-defence-of-ukraine",
                WorldDate.parse("2025-06-1" + reportId.substring(1)), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, personnel, Qualifier.EXACT)), SeedStory.ARTICLE);
    }
}
