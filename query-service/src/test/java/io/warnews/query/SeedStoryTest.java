package io.warnews.query;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The article the project started from, written to the event store, reads back as the article says. */
@QueryServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedStoryTest {

    private static final SeedStory STORY = new SeedStory("seed-story");

    @Autowired
    MockMvc http;

    private String waitFor;

    @BeforeAll
    void recordTheArticle(@Autowired ApplicationContext context) {
        waitFor = STORY.appendTo(new EventStoreWriter(context));
    }

    @Test
    void onTwelfthJuneTwentyTwentyFiveTheWarIsInItsTwelveHundredAndFifthDay() throws Exception {
        http.perform(get("/api/conflicts/seed-story").param("asOf", "2025-06-12").param("waitFor", waitFor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dayOfWar").value(1205))
                .andExpect(jsonPath("$.startDate").value("2022-02-24"))
                .andExpect(jsonPath("$.parties[*].code", contains("RU", "UA")));
    }

    @Test
    void russianPersonnelLossesHeadlineIsAboutOneMillionThreeHundredForty() throws Exception {
        http.perform(get("/api/conflicts/seed-story/losses").param("side", "RU").param("waitFor", waitFor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sides[0].side").value("RU"))
                .andExpect(jsonPath("$.sides[0].categories[?(@.category == 'PERSONNEL')].headline.value")
                        .value(contains(1_000_340)))
                .andExpect(jsonPath("$.sides[0].categories[?(@.category == 'PERSONNEL')].headline.qualifier")
                        .value(contains("ABOUT")))
                .andExpect(jsonPath("$.sides[0].categories[?(@.category == 'PERSONNEL')].headline.claimant")
                        .value(contains("Ministry of Defence of Ukraine")))
                .andExpect(jsonPath("$.sides[0].categories[?(@.category == 'UAVS')].headline.qualifier")
                        .value(contains("AT_LEAST")));
    }

    @Test
    void ukrainianLossesAreKnownForFebruaryTwentyTwentyFive() throws Exception {
        http.perform(get("/api/conflicts/seed-story/losses").param("side", "UA").param("waitFor", waitFor))
                .andExpect(jsonPath("$.sides[0].categories[?(@.category == 'KILLED')].headline.value")
                        .value(contains(45_000)))
                .andExpect(jsonPath("$.sides[0].categories[?(@.category == 'KILLED')].headline.asOf")
                        .value(contains("2025-02")))
                .andExpect(jsonPath("$.sides[0].categories[?(@.category == 'WOUNDED')].headline.value")
                        .value(contains(390_000)));
    }

    @Test
    void russianPersonnelPassesTheOneMillionMilestone() throws Exception {
        http.perform(get("/api/conflicts/seed-story/milestones").param("side", "RU").param("category", "PERSONNEL")
                        .param("waitFor", waitFor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.milestones[*].threshold", contains(1_000_000)))
                .andExpect(jsonPath("$.milestones[0].value").value(1_000_340))
                .andExpect(jsonPath("$.milestones[0].asOf").value("2025-06-12"))
                .andExpect(jsonPath("$.milestones[0].reportId").value("mod-2025-06-12"));
    }

    @Test
    void theFourHundredSeventyNineDroneAttackIsTheRecord() throws Exception {
        http.perform(get("/api/conflicts/seed-story/attacks/records").param("waitFor", waitFor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mostLaunched.launched.value").value(479))
                .andExpect(jsonPath("$.mostLaunched.intercepted.value").doesNotExist())
                .andExpect(jsonPath("$.mostLaunched.targets[0].region").value("Rivne Oblast"))
                .andExpect(jsonPath("$.mostLaunchedByWeaponType[0].weaponType").value("ATTACK_DRONE"))
                .andExpect(jsonPath("$.deadliest.attackId").value(STORY.kharkivAttack()));
    }

    @Test
    void theKharkivStrikeKilledOneAndInjuredTwentyThree() throws Exception {
        http.perform(get("/api/conflicts/seed-story/attacks").param("region", "kharkiv").param("waitFor", waitFor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].attackId", contains(STORY.kharkivAttack())))
                .andExpect(jsonPath("$[0].startDate").value("2025-06-11"))
                .andExpect(jsonPath("$[0].casualties.killed").value(1))
                .andExpect(jsonPath("$[0].casualties.injured").value(23));
    }

    @Test
    void theIstanbulTalksAreOpenWithSevenUkrainianTermsAndNoRussianResponse() throws Exception {
        http.perform(get("/api/talks/" + STORY.talks()).param("waitFor", waitFor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.openTerms").value(7))
                .andExpect(jsonPath("$.settledTerms").value(0))
                .andExpect(jsonPath("$.proposals[0].proposer").value("UA"))
                .andExpect(jsonPath("$.proposals[0].terms[0].parameters.durationDays").value("30"))
                .andExpect(jsonPath("$.proposals[0].terms[*].responses", everyItem(empty())))
                .andExpect(jsonPath("$.prisonerExchanges[0].description")
                        .value("Prisoners of war and bodies exchanged"))
                .andExpect(jsonPath("$.lastActivity").value("2025-06-10"));
    }

    @Test
    void theTimelineTellsTheStoryInWorldDateOrder() throws Exception {
        http.perform(get("/api/conflicts/seed-story/timeline").param("waitFor", waitFor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].kind", contains("CONFLICT_REGISTERED", "LOSSES_REPORTED", "TALKS_OPENED",
                        "TERMS_PROPOSED", "ATTACK", "PRISONERS_EXCHANGED", "ATTACK", "LOSSES_REPORTED")))
                .andExpect(jsonPath("$[7].summary").value("Ministry of Defence of Ukraine reports RU losses since the"
                        + " start, as of 2025-06-12: personnel about 1,000,340; vehicles and fuel tanks at least"
                        + " 50,000; UAVs at least 40,000."));
    }
}
