package io.warnews.query.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.warnews.query.EventStoreWriter;
import io.warnews.query.Feed;
import io.warnews.query.QueryServiceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With a poll only every 30 s, an event appended by another process still reaches the read models
 * at once: PostgreSQL notifies the append listener, which wakes the processors. When the
 * listener's connection is cut, it listens again by itself.
 */
@QueryServiceTest(properties = "warnews.event-store.fetch-delay=30s")
@DirtiesContext
class AppendListenerTest {

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAppendFromAnotherProcessIsProjectedWithoutWaitingForThePollAndAfterTheListenerLostItsConnection()
            throws Exception {
        EventStoreWriter writer = new EventStoreWriter(context);
        long first = awaitListener(-1);
        assertProjectedWithin(writer, "notified-1", 3_000);

        jdbc.queryForList("SELECT pg_terminate_backend(?::int)", Boolean.class, first);
        long second = awaitListener(first);
        assertThat(second).isNotEqualTo(first);
        assertProjectedWithin(writer, "notified-2", 3_000);
    }

    private void assertProjectedWithin(EventStoreWriter writer, String conflictId, long millis) throws Exception {
        long start = System.nanoTime();
        String version = writer.append(conflictId, Feed.warBetweenRussiaAndUkraine(conflictId));
        http.perform(get("/api/conflicts/" + conflictId).param("waitFor", version).param("waitMillis", "10000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(conflictId));
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms until '%s' was projected", conflictId)
                .isLessThan(millis);
    }

    /** The process id of the listener's connection once it listens, other than {@code other}. */
    private long awaitListener(long other) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<Long> pids = jdbc.queryForList("""
                    SELECT pid::bigint FROM pg_stat_activity
                    WHERE application_name = 'query-service append listener' AND query LIKE 'LISTEN%'
                      AND datname = current_database() AND pid <> ?""", Long.class, other);
            if (!pids.isEmpty()) {
                return pids.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the append listener did not listen within 20 s");
    }
}
