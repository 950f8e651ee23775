package io.warnews.query.talks;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.warnews.events.AgreementSigned;
import io.warnews.events.RoundHeld;
import io.warnews.events.Source;
import io.warnews.events.TalksCollapsed;
import io.warnews.events.TalksOpened;
import io.warnews.events.TalksResumed;
import io.warnews.events.TalksSuspended;
import io.warnews.events.Term;
import io.warnews.events.TermType;
import io.warnews.events.TermsAccepted;
import io.warnews.events.TermsProposed;
import io.warnews.events.TermsRejected;
import io.warnews.query.Feed;
import io.warnews.query.QueryServiceTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@QueryServiceTest
class TalksReadModelTest {

    private static final AtomicInteger CONFLICTS = new AtomicInteger();
    private static final LocalDate DAY = LocalDate.of(2025, 6, 2);

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;

    private Feed feed;
    private String conflict;
    private String talks;

    @BeforeEach
    void openTalks() {
        feed = new Feed(context);
        conflict = "talks-" + CONFLICTS.incrementAndGet();
        talks = conflict + "-istanbul";
        feed.deliver(conflict, 0, Feed.warBetweenRussiaAndUkraine(conflict));
        feed.deliver(talks, 0, new TalksOpened(talks, conflict, "Istanbul talks", List.of("RU", "UA"), List.of("TR"),
                "Istanbul", LocalDate.of(2025, 5, 16), null));
        feed.deliver(talks, 1, new TermsProposed(talks, conflict, "p1", "UA", List.of(
                new Term("ceasefire", TermType.CEASEFIRE, "30-day ceasefire", Map.of("durationDays", "30")),
                new Term("prisoners", TermType.PRISONER_RELEASE, "All for all", null),
                new Term("reparations", TermType.REPARATIONS, "Reparations", null)), DAY, null));
    }

    @Test
    void aTermIsSettledOnceTheOtherPartyAcceptsOrRejectsIt() throws Exception {
        feed.deliver(talks, 2, new TermsAccepted(talks, conflict, "p1", "RU", List.of("prisoners"), DAY.plusDays(1),
                null));
        feed.deliver(talks, 3, new TermsRejected(talks, conflict, "p1", "RU", List.of("reparations"), "never",
                DAY.plusDays(2), null));
        feed.deliver(talks, 4, new RoundHeld(talks, conflict, 2, "Istanbul", "one hour", DAY.plusDays(3), null));

        http.perform(get("/api/talks/{t}", talks))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.proposals[0].terms[*].status", contains("OPEN", "ACCEPTED", "REJECTED")))
                .andExpect(jsonPath("$.proposals[0].terms[2].responses[0].reason").value("never"))
                .andExpect(jsonPath("$.openTerms").value(1))
                .andExpect(jsonPath("$.settledTerms").value(2))
                .andExpect(jsonPath("$.rounds[0].round").value(2))
                .andExpect(jsonPath("$.lastActivity").value("2025-06-05"));
    }

    @Test
    void everyMoveReadsBackWithTheSourceItWasRecordedFrom() throws Exception {
        String withSources = conflict + "-sourced";
        Source opening = new Source("MFA of Ukraine", "https://mfa.gov.ua/opened", null,
                Instant.parse("2025-05-16T15:00:00Z"));
        Source round = new Source("Anadolu", "https://aa.com.tr/round-1", "Round one ends", null);
        Source proposal = new Source("MFA of Ukraine", "https://mfa.gov.ua/terms", null,
                Instant.parse("2025-06-02T18:00:00Z"));
        Source accepted = new Source("TASS", "https://tass.com/accepted", null, Instant.parse("2025-06-03T09:00:00Z"));
        Source rejected = new Source("Kremlin", "https://kremlin.ru/rejected", null,
                Instant.parse("2025-06-04T10:00:00Z"));
        feed.deliver(withSources, 0, new TalksOpened(withSources, conflict, "Talks with sources", List.of("RU", "UA"),
                List.of(), "Istanbul", LocalDate.of(2025, 5, 16), opening));
        feed.deliver(withSources, 1, new RoundHeld(withSources, conflict, 1, "Istanbul", "one hour",
                LocalDate.of(2025, 5, 16), round));
        feed.deliver(withSources, 2, new TermsProposed(withSources, conflict, "p1", "UA", List.of(
                new Term("ceasefire", TermType.CEASEFIRE, "30-day ceasefire", null),
                new Term("reparations", TermType.REPARATIONS, "Reparations", null)), DAY, proposal));
        feed.deliver(withSources, 3, new TermsAccepted(withSources, conflict, "p1", "RU", List.of("ceasefire"),
                DAY.plusDays(1), accepted));
        feed.deliver(withSources, 4, new TermsRejected(withSources, conflict, "p1", "RU", List.of("reparations"),
                "never", DAY.plusDays(2), rejected));

        http.perform(get("/api/talks/{t}", withSources))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source.url").value("https://mfa.gov.ua/opened"))
                .andExpect(jsonPath("$.source.publishedAt").value("2025-05-16T15:00:00Z"))
                .andExpect(jsonPath("$.rounds[0].source.url").value("https://aa.com.tr/round-1"))
                .andExpect(jsonPath("$.rounds[0].source.headline").value("Round one ends"))
                .andExpect(jsonPath("$.proposals[0].source.url").value("https://mfa.gov.ua/terms"))
                .andExpect(jsonPath("$.proposals[0].terms[0].responses[0].source.url").value("https://tass.com/accepted"))
                .andExpect(jsonPath("$.proposals[0].terms[1].responses[0].source.outlet").value("Kremlin"))
                .andExpect(jsonPath("$.proposals[0].terms[1].responses[0].source.url")
                        .value("https://kremlin.ru/rejected"));
        http.perform(get("/api/talks/{t}", talks))
                .andExpect(jsonPath("$.source").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.proposals[0].source").value(org.hamcrest.Matchers.nullValue()));
    }

    @Test
    void theStatusFollowsSuspensionResumptionAndTheEnding() throws Exception {
        feed.deliver(talks, 2, new TalksSuspended(talks, conflict, "walk-out", DAY, null));
        http.perform(get("/api/talks/{t}", talks)).andExpect(jsonPath("$.status").value("SUSPENDED"));
        feed.deliver(talks, 3, new TalksResumed(talks, conflict, null, DAY, null));
        http.perform(get("/api/talks/{t}", talks)).andExpect(jsonPath("$.status").value("OPEN"));
        feed.deliver(talks, 4, new AgreementSigned(talks, conflict, "Accord", List.of("RU", "UA"), null, DAY, null));
        http.perform(get("/api/talks/{t}", talks)).andExpect(jsonPath("$.status").value("CONCLUDED"));

        String other = conflict + "-geneva";
        feed.deliver(other, 0, new TalksOpened(other, conflict, "Geneva", List.of("RU", "UA"), List.of(), "Geneva",
                DAY, null));
        feed.deliver(other, 1, new TalksCollapsed(other, conflict, "no-show", DAY, null));
        http.perform(get("/api/conflicts/{c}/talks", conflict))
                .andExpect(jsonPath("$[*].talksId", contains(talks, other)))
                .andExpect(jsonPath("$[*].status", contains("CONCLUDED", "COLLAPSED")));
    }

    @Test
    void theSameEventDeliveredTwiceChangesNothing() throws Exception {
        Feed.Stored accepted = feed.deliver(talks, 2,
                new TermsAccepted(talks, conflict, "p1", "RU", List.of("prisoners"), DAY, null));
        String before = http.perform(get("/api/talks/{t}", talks)).andReturn().getResponse().getContentAsString();

        feed.deliver(accepted);
        feed.deliver(talks, 1, new TermsProposed(talks, conflict, "p1", "UA", List.of(), DAY, null));

        http.perform(get("/api/talks/{t}", talks)).andExpect(content().json(before, true));
    }

    @Test
    void unknownTalksAreNotFound() throws Exception {
        http.perform(get("/api/talks/nowhere"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("talks 'nowhere'")));
    }
}
