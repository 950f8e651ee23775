package io.warnews.query.audit;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.warnews.query.EventStoreWriter;
import io.warnews.query.QueryServiceTest;
import io.warnews.query.SeedStory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@QueryServiceTest
class AuditHistoryTest {

    static final RequestPostProcessor AUDITOR = httpBasic("auditor", "auditor-secret");

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;

    private SeedStory story;

    @BeforeEach
    void recordTheStory() {
        story = new SeedStory("history-" + System.nanoTime());
        story.appendTo(new EventStoreWriter(context));
    }

    @Test
    void aStreamWhoseIdHasSlashesReadsBackWithEveryEventsProvenance() throws Exception {
        http.perform(get("/api/audit/streams/" + story.ruLedger() + "/events").with(AUDITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.streamId").value(story.ruLedger()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.next").value(nullValue()))
                .andExpect(jsonPath("$.events", hasSize(1)))
                .andExpect(jsonPath("$.events[0].type").value("LossesReported"))
                .andExpect(jsonPath("$.events[0].payloadType").value("io.warnews.events.LossesReported"))
                .andExpect(jsonPath("$.events[0].payload.figures[0].value").value(1_000_340))
                .andExpect(jsonPath("$.events[0].version").value(0))
                .andExpect(jsonPath("$.events[0].globalPosition", notNullValue()))
                .andExpect(jsonPath("$.events[0].recordedBy").value("editor-in-test"))
                .andExpect(jsonPath("$.events[0].recordedAt", notNullValue()))
                .andExpect(jsonPath("$.events[0].source.outlet").value("Ukrainska Pravda"))
                .andExpect(jsonPath("$.events[0].correlationId", notNullValue()))
                .andExpect(jsonPath("$.events[0].eventId", notNullValue()));
    }

    @Test
    void theQueryFormTakesAnyStreamIdAndPages() throws Exception {
        http.perform(get("/api/audit/events").param("streamId", story.talks()).param("size", "2").with(AUDITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.next").value(1))
                .andExpect(jsonPath("$.events[0].type").value("TalksOpened"))
                .andExpect(jsonPath("$.events[1].version").value(1));
        http.perform(get("/api/audit/events").param("streamId", story.talks()).param("size", "2")
                        .param("page", "1").with(AUDITOR))
                .andExpect(jsonPath("$.events", hasSize(1)))
                .andExpect(jsonPath("$.events[0].type").value("PrisonersExchanged"))
                .andExpect(jsonPath("$.next").value(nullValue()));
    }

    @Test
    void theGlobalOrderContinuesAfterAPosition() throws Exception {
        String first = http.perform(get("/api/audit/streams/" + story.conflictId() + "/events").with(AUDITOR))
                .andReturn().getResponse().getContentAsString();
        long position = JsonPath.<Number>read(first, "$.events[0].globalPosition").longValue();
        http.perform(get("/api/audit/events").param("after", String.valueOf(position - 1)).param("size", "2")
                        .with(AUDITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events", hasSize(2)))
                .andExpect(jsonPath("$.events[0].streamId").value(story.conflictId()))
                .andExpect(jsonPath("$.events[1].streamId").value(story.ruLedger()))
                .andExpect(jsonPath("$.next").value(position + 1));
    }

    @Test
    void anUnknownStreamIsA404AndBadPagingA400() throws Exception {
        http.perform(get("/api/audit/streams/nobody/losses/RU/x/events").with(AUDITOR))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        http.perform(get("/api/audit/events").param("streamId", story.talks()).param("size", "0").with(AUDITOR))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("size"));
        http.perform(get("/api/audit/events").param("after", "x").with(AUDITOR))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("after"));
    }

    @Test
    void onlyAuditorsMayAudit() throws Exception {
        String stream = "/api/audit/streams/" + story.ruLedger() + "/events";
        http.perform(get(stream)).andExpect(status().isUnauthorized());
        http.perform(get(stream).with(httpBasic("editor", "editor-secret"))).andExpect(status().isForbidden());
        http.perform(get("/api/audit/projections").with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isForbidden());
        http.perform(post("/api/audit/projections/losses/rebuild").with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isForbidden());
        http.perform(get("/api/audit/dead-letters")).andExpect(status().isUnauthorized());
        http.perform(get("/api/audit/dead-letters").with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isForbidden());
        http.perform(get("/api/audit/dead-letters").with(AUDITOR)).andExpect(status().isOk());
        http.perform(get("/api/audit/projections/nothing").with(AUDITOR)).andExpect(status().isNotFound());
        http.perform(get("/api/audit/conflicts/" + story.conflictId() + "/losses").with(AUDITOR))
                .andExpect(status().isBadRequest());
        http.perform(get(stream).with(AUDITOR)).andExpect(jsonPath("$.total", is(1)));
    }
}
