package io.warnews.query.audit;

import static io.warnews.query.audit.AuditHistoryTest.AUDITOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.warnews.events.Basis;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.LossReportCorrected;
import io.warnews.events.LossReportRetracted;
import io.warnews.events.LossesReported;
import io.warnews.events.Qualifier;
import io.warnews.events.TermsRejected;
import io.warnews.events.WorldDate;
import io.warnews.query.EventStoreWriter;
import io.warnews.query.QueryServiceTest;
import io.warnews.query.SeedStory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@QueryServiceTest
class AuditKnownAtTest {

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;

    private EventStoreWriter writer;
    private SeedStory story;
    private Instant beforeTheStory;
    private String waitFor;

    @BeforeEach
    void recordTheStory() throws InterruptedException {
        writer = new EventStoreWriter(context);
        story = new SeedStory("known-" + System.nanoTime());
        beforeTheStory = tick();
        waitFor = story.appendTo(writer);
    }

    @Test
    void knownAtNowAnswersExactlyWhatThePublicReads() throws Exception {
        waitFor = writer.append(story.ruLedger(), report("mod-2025-06-13", 1_001_500));
        for (String query : List.of("", "?side=RU", "?side=UA&asOf=2025-02", "?asOf=2025-06-12")) {
            String live = read("/api/conflicts/" + story.conflictId() + "/losses" + query
                    + (query.isEmpty() ? "?" : "&") + "waitFor=" + waitFor);
            String known = audit("/api/audit/conflicts/" + story.conflictId() + "/losses" + query
                    + (query.isEmpty() ? "?" : "&") + "knownAt=" + tick());
            assertThat(known).isEqualTo(live);
        }
        String talks = read("/api/talks/" + story.talks() + "?waitFor=" + waitFor);
        assertThat(audit("/api/audit/talks/" + story.talks() + "?knownAt=" + tick())).isEqualTo(talks);
    }

    @Test
    void correctionsAndRetractionsCountFromWhenTheyWereRecorded() throws Exception {
        Instant original = tick();
        writer.append(story.ruLedger(), new LossReportCorrected(story.ruLedger(), "mod-2025-06-12", story.conflictId(),
                "RU", "Ministry of Defence of Ukraine",
                WorldDate.parse("2025-06-12"), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, 1_000_440, Qualifier.ABOUT)), "typo",
                SeedStory.ARTICLE));
        Instant corrected = tick();
        String last = writer.append(story.ruLedger(), new LossReportRetracted(story.ruLedger(), "mod-2025-06-12",
                story.conflictId(), "RU", "Ministry of Defence of Ukraine", "wrong day"));
        Instant retracted = tick();
        read("/api/conflicts/" + story.conflictId() + "/losses?waitFor=" + last);

        String losses = "/api/audit/conflicts/" + story.conflictId() + "/losses?side=RU&knownAt=";
        http.perform(get(losses + original).with(AUDITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sides[0].categories[?(@.category == 'PERSONNEL')].headline.value")
                        .value(1_000_340));
        http.perform(get(losses + corrected).with(AUDITOR))
                .andExpect(jsonPath("$.sides[0].categories[?(@.category == 'PERSONNEL')].headline.value")
                        .value(1_000_440))
                .andExpect(jsonPath("$.sides[0].categories.length()").value(1));
        http.perform(get(losses + retracted).with(AUDITOR))
                .andExpect(jsonPath("$.sides[0].categories.length()").value(0));
        http.perform(get("/api/audit/streams/" + story.ruLedger() + "/events").with(AUDITOR))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.events[0].payload.figures[0].value").value(1_000_340));
    }

    @Test
    void theDayBeforesFigureInTheChangeIsTheOneKnownAtTheInstant() throws Exception {
        writer.append(story.ruLedger(), report("mod-2025-06-13", 1_001_500));
        Instant reported = tick();
        String last = writer.append(story.ruLedger(), new LossReportCorrected(story.ruLedger(), "mod-2025-06-12",
                story.conflictId(), "RU", "Ministry of Defence of Ukraine", WorldDate.parse("2025-06-12"),
                Basis.CUMULATIVE, List.of(new LossFigure(LossCategory.PERSONNEL, 1_000_440, Qualifier.ABOUT)), "typo",
                SeedStory.ARTICLE));
        Instant corrected = tick();
        read("/api/conflicts/" + story.conflictId() + "/losses?waitFor=" + last);

        String personnel = "$.sides[0].categories[?(@.category == 'PERSONNEL')]";
        String losses = "/api/audit/conflicts/" + story.conflictId() + "/losses?side=RU&knownAt=";
        http.perform(get(losses + reported).with(AUDITOR))
                .andExpect(jsonPath(personnel + ".headline.value").value(1_001_500))
                .andExpect(jsonPath(personnel + ".change.days1").value(1_001_500 - 1_000_340));
        http.perform(get(losses + corrected).with(AUDITOR))
                .andExpect(jsonPath(personnel + ".headline.value").value(1_001_500))
                .andExpect(jsonPath(personnel + ".change.days1").value(1_001_500 - 1_000_440));
    }

    @Test
    void aTalksStatusAsItWasKnown() throws Exception {
        Instant open = tick();
        String rejected = writer.append(story.talks(), new TermsRejected(story.talks(), story.conflictId(),
                "ua-memorandum", "RU", List.of("ceasefire"), "no", LocalDate.of(2025, 6, 14), SeedStory.ARTICLE));
        http.perform(get("/api/audit/talks/" + story.talks()).param("knownAt", open.toString())
                        .param("waitFor", rejected).with(AUDITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openTerms").value(7));
        http.perform(get("/api/audit/talks/" + story.talks()).param("knownAt", tick().toString()).with(AUDITOR))
                .andExpect(jsonPath("$.openTerms").value(6))
                .andExpect(jsonPath("$.settledTerms").value(1));
    }

    @Test
    void beforeAnythingWasRecordedNothingIsKnown() throws Exception {
        http.perform(get("/api/audit/conflicts/" + story.conflictId() + "/losses")
                        .param("knownAt", beforeTheStory.toString()).with(AUDITOR))
                .andExpect(status().isNotFound());
        http.perform(get("/api/audit/talks/" + story.talks()).param("knownAt", beforeTheStory.toString())
                        .with(AUDITOR))
                .andExpect(status().isNotFound());
    }

    @Test
    void aKnownAtThatIsNotAnInstantIsA400NamingIt() throws Exception {
        http.perform(get("/api/audit/conflicts/" + story.conflictId() + "/losses").param("knownAt", "yesterday")
                        .with(AUDITOR))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("knownAt"))
                .andExpect(jsonPath("$.detail", containsString("ISO-8601")));
        http.perform(get("/api/audit/talks/" + story.talks()).with(AUDITOR))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("knownAt"));
    }

    private LossesReported report(String reportId, long personnel) {
        return new LossesReported(story.ruLedger(), reportId, story.conflictId(), "RU",
                "Ministry of Defence of Ukraine", WorldDate.parse("2025-06-13"), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, personnel, Qualifier.ABOUT)), SeedStory.ARTICLE);
    }

    /** An instant strictly between what was stored before and what is stored after. */
    private static Instant tick() throws InterruptedException {
        Thread.sleep(5);
        Instant now = Instant.now();
        Thread.sleep(5);
        return now;
    }

    private String read(String uri) throws Exception {
        return http.perform(get(uri + "&waitMillis=10000")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private String audit(String uri) throws Exception {
        return http.perform(get(uri).with(AUDITOR)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
