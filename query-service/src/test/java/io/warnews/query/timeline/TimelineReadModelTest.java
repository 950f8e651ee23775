package io.warnews.query.timeline;

import io.warnews.events.AttackCorrected;
import io.warnews.events.AttackRetracted;
import io.warnews.events.Weapon;
import io.warnews.events.WeaponType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.warnews.events.AttackCasualtiesRevised;
import io.warnews.events.AttackDetails;
import io.warnews.events.AttackLaunched;
import io.warnews.events.Basis;
import io.warnews.events.Casualties;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.LossReportCorrected;
import io.warnews.events.LossReportRetracted;
import io.warnews.events.LossesReported;
import io.warnews.events.Qualifier;
import io.warnews.events.Target;
import io.warnews.events.WorldDate;
import io.warnews.query.Feed;
import io.warnews.query.QueryServiceTest;
import io.warnews.query.SeedStory;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@QueryServiceTest
class TimelineReadModelTest {

    private static final RequestPostProcessor AUDITOR = httpBasic("auditor", "auditor-secret");

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;

    @Test
    void factsReadInWorldDateOrderAsCurrentlyKnownAndTwiceDeliveredEventsChangeNothing() throws Exception {
        Feed feed = new Feed(context);
        String conflict = "timeline-1";
        String ledger = conflict + "/losses/RU/mod";
        String attack = conflict + "-kharkiv";
        feed.deliver(conflict, 0, Feed.warBetweenRussiaAndUkraine(conflict));
        feed.deliver(ledger, 0, report(ledger, conflict, "late", "2025-06-12", 1_000_340));
        feed.deliver(ledger, 1, report(ledger, conflict, "early", "2025-06-01", 990_000));
        feed.deliver(ledger, 2, report(ledger, conflict, "gone", "2025-06-02", 991_000));
        feed.deliver(ledger, 3, new LossReportRetracted(ledger, "gone", conflict, "RU", "MoD", "wrong"));
        feed.deliver(ledger, 4, new LossReportCorrected(ledger, "early", conflict, "RU", "MoD",
                WorldDate.parse("2025-06-01"), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.TANKS, 10_900, Qualifier.EXACT)), "typo", SeedStory.ARTICLE));
        Feed.Stored launched = feed.deliver(attack, 0, new AttackLaunched(attack, conflict, new AttackDetails("RU", null,
                List.of(new Target("Kharkiv", "Kharkiv Oblast")), LocalDate.of(2025, 6, 11), null, null, null,
                List.of(), new Casualties(1, 20)), "Mayor", SeedStory.ARTICLE));
        feed.deliver(attack, 1, new AttackCasualtiesRevised(attack, conflict, new Casualties(1, 23), "Mayor", null));
        String before = http.perform(get("/api/conflicts/{c}/timeline", conflict))
                .andReturn().getResponse().getContentAsString();

        feed.deliver(launched);

        http.perform(get("/api/conflicts/{c}/timeline", conflict))
                .andExpect(content().json(before, true))
                .andExpect(jsonPath("$[*].kind", contains("CONFLICT_REGISTERED", "LOSSES_REPORTED", "ATTACK",
                        "ATTACK_CASUALTIES_REVISED", "LOSSES_REPORTED")))
                .andExpect(jsonPath("$[1].corrected").value(true))
                .andExpect(jsonPath("$[1].summary").value(
                        "MoD reports RU losses since the start, as of 2025-06-01: tanks 10,900."))
                .andExpect(jsonPath("$[2].summary").value("RU attack on Kharkiv (Kharkiv Oblast): 1 killed, 20 injured."))
                .andExpect(jsonPath("$[3].summary").value("Toll revised: 1 killed, 23 injured."))
                .andExpect(jsonPath("$[2].streamId").value(attack));
        http.perform(get("/api/conflicts/{c}/timeline", conflict).param("from", "2025-06-02").param("to", "2025-06-11"))
                .andExpect(jsonPath("$[*].kind", contains("ATTACK", "ATTACK_CASUALTIES_REVISED")));
    }

    @Test
    void theTimelineAsKnownAtAnInstantShowsTheVersionsCurrentThen() throws Exception {
        Feed feed = new Feed(context);
        String conflict = "timeline-known-at";
        String attack = conflict + "-rivne";
        feed.deliver(conflict, 0, Feed.warBetweenRussiaAndUkraine(conflict));
        Feed.Stored launched = feed.deliver(attack, 0, new AttackLaunched(attack, conflict, rivne(479), "Air Force",
                SeedStory.ARTICLE));
        Feed.Stored corrected = feed.deliver(attack, 1, new AttackCorrected(attack, conflict, rivne(497),
                "digits transposed", null));
        Feed.Stored retracted = feed.deliver(attack, 2, new AttackRetracted(attack, conflict, "duplicate"));
        String timeline = "/api/audit/conflicts/{c}/timeline";

        http.perform(get(timeline, conflict).param("knownAt", launched.recordedAt().toString()).with(AUDITOR))
                .andExpect(jsonPath("$[*].kind", contains("CONFLICT_REGISTERED", "ATTACK")))
                .andExpect(jsonPath("$[1].summary").value(
                        "RU attack on Rivne (Rivne Oblast): 479 launched, interceptions not reported."))
                .andExpect(jsonPath("$[1].corrected").value(false));
        http.perform(get(timeline, conflict).param("knownAt", corrected.recordedAt().toString()).with(AUDITOR))
                .andExpect(jsonPath("$[1].summary").value(
                        "RU attack on Rivne (Rivne Oblast): 497 launched, interceptions not reported."))
                .andExpect(jsonPath("$[1].corrected").value(true));
        http.perform(get(timeline, conflict).param("knownAt", retracted.recordedAt().toString()).with(AUDITOR))
                .andExpect(jsonPath("$[*].kind", contains("CONFLICT_REGISTERED")));
        http.perform(get("/api/conflicts/{c}/timeline", conflict))
                .andExpect(jsonPath("$[*].kind", contains("CONFLICT_REGISTERED")));
        http.perform(get(timeline, conflict).with(AUDITOR))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("knownAt"));
    }

    private static AttackDetails rivne(int launched) {
        return new AttackDetails("RU", null, List.of(new Target("Rivne", "Rivne Oblast")), LocalDate.of(2025, 6, 9),
                null, null, null, List.of(new Weapon(WeaponType.ATTACK_DRONE, "Shahed-136", launched, null)), null);
    }

    private static LossesReported report(String ledger, String conflict, String id, String asOf, long personnel) {
        return new LossesReported(ledger, id, conflict, "RU", "MoD", WorldDate.parse(asOf), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, personnel, Qualifier.ABOUT)), SeedStory.ARTICLE);
    }
}
