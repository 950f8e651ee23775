package io.warnews.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.warnews.events.ConflictRegistered;
import io.warnews.events.Party;
import io.warnews.events.Basis;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.LossesReported;
import io.warnews.events.Qualifier;
import io.warnews.query.SeedStory;
import io.warnews.events.WorldDate;
import io.warnews.query.EventStoreWriter;
import io.warnews.query.Feed;
import io.warnews.query.QueryServiceTest;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@QueryServiceTest
class ReadYourWritesTest {

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReadWaitsUntilItsReadModelHasAppliedTheVersionItWasToldToWaitFor() throws Exception {
        Feed feed = new Feed(context);
        CompletableFuture.runAsync(() -> feed.deliver("ryw-1", 0, new ConflictRegistered("ryw-1", "War",
                List.of(new Party("RU", "Russia")), LocalDate.of(2022, 2, 24))),
                CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));

        http.perform(get("/api/conflicts/ryw-1").param("waitFor", "ryw-1@0"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("ryw-1"));
    }

    @Test
    void aVersionNotReachedInTimeIsServiceUnavailableWithRetryAfterNamingStreamVersionAndGroup() throws Exception {
        http.perform(get("/api/conflicts/ryw-2/losses")
                        .param("waitFor", "ryw-2/losses/RU/ministry@3").param("waitMillis", "50"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.streamId").value("ryw-2/losses/RU/ministry"))
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.detail", containsString("'ryw-2/losses/RU/ministry'")))
                .andExpect(jsonPath("$.detail", containsString("version 3")))
                .andExpect(jsonPath("$.detail", containsString("losses")));
    }

    /**
     * The conflicts read model has no handler for a loss report: its processor passes over the
     * event without writing anything, yet a read from it that waits for the report's version
     * answers as soon as the processor is past it, and waits for a version the store does not hold.
     */
    @Test
    void aReadModelThatPassesOverAnEventHasAppliedItOnceItsProcessorIsPastIt() throws Exception {
        EventStoreWriter writer = new EventStoreWriter(context);
        String ledger = "ryw-4/losses/RU/general-staff";
        String registered = writer.append("ryw-4", Feed.warBetweenRussiaAndUkraine("ryw-4"));
        String reported = writer.append(ledger, new LossesReported(ledger, "r1", "ryw-4", "RU", "General Staff",
                WorldDate.parse("2025-06-11"), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, 1_000, Qualifier.EXACT)), SeedStory.ARTICLE));
        http.perform(get("/api/conflicts/ryw-4").param("waitFor", registered)).andExpect(status().isOk());

        long start = System.nanoTime();
        http.perform(get("/api/conflicts/ryw-4").param("waitFor", reported).param("waitMillis", "5000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("ryw-4"));
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms waited for a passed-over event").isLessThan(2_000);
        http.perform(get("/api/conflicts/ryw-4/losses/RU/PERSONNEL/series").param("waitFor", reported))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points[*].value", contains(1_000)));
        assertThat(jdbc.queryForList("SELECT processing_group FROM read_model.stream_position WHERE stream_id = ?",
                String.class, ledger)).as("groups that wrote a position for the ledger")
                .containsExactlyInAnyOrder("losses", "timeline");

        http.perform(get("/api/conflicts/ryw-4").param("waitFor", ledger + "@1").param("waitMillis", "200"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail", containsString("conflicts")));
    }

    @Test
    void aWaitForThatIsNotStreamAtVersionOrAWaitTooLongIsABadRequest() throws Exception {
        http.perform(get("/api/conflicts/ryw-3").param("waitFor", "ryw-3"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("waitFor"));
        http.perform(get("/api/conflicts/ryw-3").param("waitFor", "ryw-3@0").param("waitMillis", "60000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("waitMillis"));
    }
}
