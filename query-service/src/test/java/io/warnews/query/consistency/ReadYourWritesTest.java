package io.warnews.query.consistency;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.warnews.events.ConflictRegistered;
import io.warnews.events.Party;
import io.warnews.query.Feed;
import io.warnews.query.QueryServiceTest;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@QueryServiceTest
class ReadYourWritesTest {

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;

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
