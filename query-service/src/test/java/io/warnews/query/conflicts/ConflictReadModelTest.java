package io.warnews.query.conflicts;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.warnews.events.ConflictRegistered;
import io.warnews.events.Party;
import io.warnews.query.Feed;
import io.warnews.query.QueryServiceTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@QueryServiceTest
class ConflictReadModelTest {

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;

    @BeforeEach
    void registerTheConflictTwice() {
        Feed feed = new Feed(context);
        Feed.Stored registered = feed.deliver("conflict-1", 0, new ConflictRegistered("conflict-1", "War",
                List.of(new Party("RU", "Russia"), new Party("UA", "Ukraine")), LocalDate.of(2022, 2, 24)));
        feed.deliver(registered);
    }

    @Test
    void theStartDateIsDayOneOfTheWar() throws Exception {
        http.perform(get("/api/conflicts/conflict-1").param("asOf", "2022-02-24"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dayOfWar").value(1))
                .andExpect(jsonPath("$.name").value("War"));
        http.perform(get("/api/conflicts/conflict-1").param("asOf", "2025-06"))
                .andExpect(jsonPath("$.asOf").value("2025-06-30"))
                .andExpect(jsonPath("$.dayOfWar").value(1223));
        http.perform(get("/api/conflicts/conflict-1").param("asOf", "2022-02-23"))
                .andExpect(jsonPath("$.dayOfWar").doesNotExist());
    }

    @Test
    void asOfDefaultsToToday() throws Exception {
        http.perform(get("/api/conflicts/conflict-1"))
                .andExpect(jsonPath("$.asOf").value(LocalDate.now(java.time.Clock.systemUTC()).toString()));
    }

    @Test
    void anUnknownConflictIsNotFoundAndABadDateIsABadRequest() throws Exception {
        http.perform(get("/api/conflicts/atlantis"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("conflict 'atlantis' is not known"));
        http.perform(get("/api/conflicts/conflict-1").param("asOf", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("asOf"))
                .andExpect(jsonPath("$.detail", containsString("yyyy-MM-dd")));
    }
}
