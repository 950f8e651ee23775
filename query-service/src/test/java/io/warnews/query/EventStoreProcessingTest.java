package io.warnews.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.warnews.events.Basis;
import io.warnews.events.ConflictRegistered;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.LossReportCorrected;
import io.warnews.events.LossesReported;
import io.warnews.events.Party;
import io.warnews.events.Qualifier;
import io.warnews.events.WorldDate;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Events appended to the event store as the command-service appends them reach every read model. */
@QueryServiceTest
class EventStoreProcessingTest {

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void appendedEventsAreReadBackThroughTheProcessorsOnceTheReadWaitedForTheirVersion() throws Exception {
        EventStoreWriter writer = new EventStoreWriter(context);
        String ledger = "processed/losses/RU/ministry-of-defence-of-ukraine";
        String registered = writer.append("processed", new ConflictRegistered("processed", "War",
                List.of(new Party("RU", "Russia"), new Party("UA", "Ukraine")), LocalDate.of(2022, 2, 24)));
        writer.append(ledger, new LossesReported(ledger, "r1", "processed", "RU", "Ministry of Defence of Ukraine",
                WorldDate.parse("2025-06-11"), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, 999_000, Qualifier.ABOUT)), SeedStory.ARTICLE));
        String corrected = writer.append(ledger, new LossReportCorrected(ledger, "r1", "processed", "RU",
                "Ministry of Defence of Ukraine", WorldDate.parse("2025-06-11"), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, 999_340, Qualifier.ABOUT)), "typo", SeedStory.ARTICLE));

        assertThat(registered).isEqualTo("processed@0");
        assertThat(corrected).isEqualTo(ledger + "@1");
        http.perform(get("/api/conflicts/processed/losses/RU/PERSONNEL/series").param("waitFor", corrected))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points[*].value", contains(999_340)));
        http.perform(get("/api/conflicts/processed/timeline").param("waitFor", corrected))
                .andExpect(jsonPath("$[1].corrected").value(true));
        http.perform(get("/api/conflicts/processed").param("asOf", "2025-06-12").param("waitFor", registered))
                .andExpect(jsonPath("$.dayOfWar").value(1205));
        assertThat(jdbc.queryForList("SELECT DISTINCT processor_name FROM read_model.token_entry ORDER BY 1",
                String.class)).containsExactly("attacks", "conflicts", "losses", "talks", "timeline");
    }

    @Test
    void aWriteFromAnotherProcessReachesEveryReadModelByItself() throws Exception {
        EventStoreWriter writer = new EventStoreWriter(context);
        List<Long> millis = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String stream = "latency-" + i;
            long start = System.nanoTime();
            writer.append(stream, new ConflictRegistered(stream, "War", List.of(new Party("RU", "Russia")),
                    LocalDate.of(2022, 2, 24)));
            writer.awaitApplied(stream, 0, List.of("conflicts", "losses", "attacks", "talks", "timeline"));
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        millis.sort(null);
        // How fast is measured by mvn -Pbench verify; this test shows that it happens.
        System.out.println("write -> all five read models, ms (sorted): " + millis);
    }
}
