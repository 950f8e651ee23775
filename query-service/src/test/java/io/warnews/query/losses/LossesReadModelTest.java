package io.warnews.query.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.warnews.events.Basis;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.LossReportCorrected;
import io.warnews.events.LossReportRetracted;
import io.warnews.events.LossesReported;
import io.warnews.events.Qualifier;
import io.warnews.events.WorldDate;
import io.warnews.query.Feed;
import io.warnews.query.QueryServiceTest;
import io.warnews.query.SeedStory;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@QueryServiceTest
class LossesReadModelTest {

    private static final AtomicInteger CONFLICTS = new AtomicInteger();
    private static final String MOD = "Ministry of Defence of Ukraine";
    private static final String ORC = "Orc Losses";

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;

    private Feed feed;
    private String conflict;

    @BeforeEach
    void registerAConflict() {
        feed = new Feed(context);
        conflict = "losses-" + CONFLICTS.incrementAndGet();
        feed.deliver(conflict, 0, Feed.warBetweenRussiaAndUkraine(conflict));
    }

    private String ledger(String claimant) {
        return conflict + "/losses/RU/" + claimant.toLowerCase().replace(' ', '-');
    }

    private LossesReported report(String claimant, String reportId, String asOf, long personnel) {
        return report(claimant, reportId, asOf, Basis.CUMULATIVE, personnel);
    }

    private LossesReported report(String claimant, String reportId, String asOf, Basis basis, long personnel) {
        return new LossesReported(ledger(claimant), reportId, conflict, "RU", claimant, WorldDate.parse(asOf), basis,
                List.of(new LossFigure(LossCategory.PERSONNEL, personnel, Qualifier.ABOUT)), SeedStory.ARTICLE);
    }

    private String personnel() {
        return "$.sides[0].categories[?(@.category == 'PERSONNEL')]";
    }

    @Test
    void theHeadlineIsTheNewestFigureAcrossClaimantsAndEveryClaimantKeepsItsLatest() throws Exception {
        feed.deliver(ledger(MOD), 0, report(MOD, "m1", "2025-06-10", 999_000));
        feed.deliver(ledger(MOD), 1, report(MOD, "m2", "2025-06-11", 1_000_000));
        feed.deliver(ledger(ORC), 0, report(ORC, "o1", "2025-06-12", 1_000_100));

        http.perform(get("/api/conflicts/{c}/losses", conflict).param("side", "RU"))
                .andExpect(status().isOk())
                .andExpect(jsonPath(personnel() + ".headline.value").value(contains(1_000_100)))
                .andExpect(jsonPath(personnel() + ".headline.claimant").value(contains(ORC)))
                .andExpect(jsonPath(personnel() + ".claimants[*].claimant").value(contains(MOD, ORC)))
                .andExpect(jsonPath(personnel() + ".claimants[0].value").value(contains(1_000_000)));
    }

    @Test
    void forTheSameWorldDateTheMostRecentlyRecordedFigureIsTheHeadline() throws Exception {
        feed.deliver(ledger(ORC), 0, report(ORC, "o1", "2025-06-12", 1_000_100));
        feed.deliver(ledger(MOD), 0, report(MOD, "m1", "2025-06-12", 1_000_340));

        http.perform(get("/api/conflicts/{c}/losses", conflict).param("side", "RU"))
                .andExpect(jsonPath(personnel() + ".headline.claimant").value(contains(MOD)));
    }

    @Test
    void aMonthFigureIsShownFromItsPublicationAndAsOfLeavesOutFiguresShownLater() throws Exception {
        feed.deliver(ledger(MOD), 0, report(MOD, "m1", "2025-05-31", 990_000));
        feed.deliver(ledger(MOD), 1, report(MOD, "m2", "2025-06", 1_010_000));

        http.perform(get("/api/conflicts/{c}/losses", conflict).param("side", "RU").param("asOf", "2025-06-11"))
                .andExpect(jsonPath("$.asOf").value("2025-06-11"))
                .andExpect(jsonPath(personnel() + ".headline.value").value(contains(990_000)));
        http.perform(get("/api/conflicts/{c}/losses", conflict).param("side", "RU").param("asOf", "2025-06-12"))
                .andExpect(jsonPath(personnel() + ".headline.value").value(contains(1_010_000)))
                .andExpect(jsonPath(personnel() + ".headline.asOf").value(contains("2025-06")));
        http.perform(get("/api/conflicts/{c}/losses", conflict).param("side", "RU").param("asOf", "2025-06-30"))
                .andExpect(jsonPath(personnel() + ".headline.value").value(contains(1_010_000)))
                .andExpect(jsonPath(personnel() + ".headline.asOf").value(contains("2025-06")));
    }

    @Test
    void theChangeComparesTheHeadlineWithItsClaimantsFiguresOneSevenAndThirtyDaysBefore() throws Exception {
        feed.deliver(ledger(MOD), 0, report(MOD, "m1", "2025-06-05", 998_000));
        feed.deliver(ledger(MOD), 1, report(MOD, "m2", "2025-06-11", 999_340));
        feed.deliver(ledger(MOD), 2, report(MOD, "m3", "2025-06-12", 1_000_340));

        http.perform(get("/api/conflicts/{c}/losses", conflict))
                .andExpect(jsonPath(personnel() + ".change.days1").value(contains(1_000)))
                .andExpect(jsonPath(personnel() + ".change.days7").value(contains(2_340)))
                .andExpect(jsonPath(personnel() + ".change.days30").value(contains((Object) null)));
    }

    @Test
    void aCorrectionReplacesTheReportsFiguresAndARetractionRemovesTheReport() throws Exception {
        feed.deliver(ledger(MOD), 0, report(MOD, "m1", "2025-06-11", 999_000));
        feed.deliver(ledger(MOD), 1, report(MOD, "m2", "2025-06-12", 1_000_340));
        feed.deliver(ledger(MOD), 2, new LossReportCorrected(ledger(MOD), "m1", conflict, "RU", MOD,
                WorldDate.parse("2025-06-11"), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, 999_500, Qualifier.EXACT)), "typo", SeedStory.ARTICLE));
        feed.deliver(ledger(MOD), 3, new LossReportRetracted(ledger(MOD), "m2", conflict, "RU", MOD, "wrong day"));

        http.perform(get("/api/conflicts/{c}/losses/RU/PERSONNEL/series", conflict))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points[*].value", contains(999_500)))
                .andExpect(jsonPath("$.points[0].qualifier").value("EXACT"));
        http.perform(get("/api/conflicts/{c}/losses", conflict))
                .andExpect(jsonPath(personnel() + ".headline.value").value(contains(999_500)));
    }

    @Test
    void theSameEventDeliveredTwiceChangesNothing() throws Exception {
        Feed.Stored first = feed.deliver(ledger(MOD), 0, report(MOD, "m1", "2025-06-11", 999_000));
        Feed.Stored correction = feed.deliver(ledger(MOD), 1, new LossReportCorrected(ledger(MOD), "m1", conflict,
                "RU", MOD, WorldDate.parse("2025-06-11"), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, 999_500, Qualifier.EXACT)), "typo", SeedStory.ARTICLE));
        String before = http.perform(get("/api/conflicts/{c}/losses", conflict))
                .andReturn().getResponse().getContentAsString();

        feed.deliver(first);
        feed.deliver(correction);

        http.perform(get("/api/conflicts/{c}/losses", conflict)).andExpect(content().json(before, true));
        assertThat(before).contains("999500").doesNotContain("999000");
    }

    @Test
    void incrementReportsDoNotCountTowardRunningTotals() throws Exception {
        feed.deliver(ledger(MOD), 0, report(MOD, "m1", "2025-06-11", 999_000));
        feed.deliver(ledger(MOD), 1, report(MOD, "m2", "2025-06-12", Basis.INCREMENT, 1_340));

        http.perform(get("/api/conflicts/{c}/losses", conflict))
                .andExpect(jsonPath(personnel() + ".headline.value").value(contains(999_000)));
        http.perform(get("/api/conflicts/{c}/losses/RU/PERSONNEL/series", conflict))
                .andExpect(jsonPath("$.points[*].reportId", contains("m1")));
    }

    @Test
    void theSeriesListsEveryClaimantsDailyFiguresInDateOrderOrOneClaimants() throws Exception {
        feed.deliver(ledger(ORC), 0, report(ORC, "o2", "2025-06-12", 1_000_100));
        feed.deliver(ledger(MOD), 0, report(MOD, "m1", "2025-06-11", 999_340));
        feed.deliver(ledger(MOD), 1, report(MOD, "m2", "2025-06-12", 1_000_340));

        http.perform(get("/api/conflicts/{c}/losses/RU/personnel/series", conflict))
                .andExpect(jsonPath("$.points[*].reportId", contains("m1", "m2", "o2")))
                .andExpect(jsonPath("$.points[*].claimant", contains(MOD, MOD, ORC)));
        http.perform(get("/api/conflicts/{c}/losses/RU/PERSONNEL/series", conflict)
                        .param("claimant", MOD).param("from", "2025-06-12"))
                .andExpect(jsonPath("$.points[*].reportId", contains("m2")));
    }

    @Test
    void aRunningTotalPassingARoundNumberIsAMilestoneOfTheReportThatPassedItWithItsSource() throws Exception {
        feed.deliver(ledger(MOD), 0, report(MOD, "m1", "2025-06-11", 999_340));
        feed.deliver(ledger(MOD), 1, report(MOD, "m2", "2025-06-12", 1_000_340));
        feed.deliver(ledger(MOD), 2, report(MOD, "m3", "2025-06-13", 1_001_340));

        http.perform(get("/api/conflicts/{c}/milestones", conflict).param("category", "PERSONNEL"))
                .andExpect(jsonPath("$.milestones[*].threshold", contains(500_000, 1_000_000)))
                .andExpect(jsonPath("$.milestones[*].reportId", contains("m1", "m2")))
                .andExpect(jsonPath("$.milestones[1].source.url").value(SeedStory.ARTICLE.url()))
                .andExpect(jsonPath("$.milestones[1].source.outlet").value(SeedStory.ARTICLE.outlet()))
                .andExpect(jsonPath("$.rule", containsString("1, 2 and 5")));
    }

    @Test
    void anUnknownCategoryOrSideIsABadRequestNamingTheParameter() throws Exception {
        http.perform(get("/api/conflicts/{c}/losses/RU/HORSES/series", conflict))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.parameter").value("category"))
                .andExpect(jsonPath("$.detail", containsString("PERSONNEL")));
        http.perform(get("/api/conflicts/{c}/losses", conflict).param("side", "XX"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("side"));
        http.perform(get("/api/conflicts/{c}/losses", conflict).param("asOf", "12 June"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("asOf"));
    }

    @Test
    void aQueryParameterGivenTwiceIsABadRequestNamingIt() throws Exception {
        // Even the same value twice: a client sending two has a bug, and one of two values would be dropped.
        for (String query : List.of("side=UA&side=RU", "side=UA&side=UA", "asOf=2024-01-01&side=UA&asOf=2024-02-01")) {
            http.perform(get("/api/conflicts/{c}/losses?" + query, conflict))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.parameter").value(query.startsWith("side") ? "side" : "asOf"))
                    .andExpect(jsonPath("$.detail", containsString("more than once")));
        }
        http.perform(get("/api/conflicts/{c}/losses?side=UA&asOf=2024-01-01", conflict))
                .andExpect(status().isOk());
    }

    @Test
    void lossesOfAnUnknownConflictAreNotFound() throws Exception {
        http.perform(get("/api/conflicts/nowhere/losses"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("nowhere")));
        http.perform(get("/api/conflicts/{c}/losses", conflict).param("side", "UA"))
                .andExpect(jsonPath("$.sides[0].categories", empty()));
    }

    @Test
    void contradictingFiguresAreAnomaliesUntilAChangeResolvesThem() throws Exception {
        feed.deliver(ledger(MOD), 0, report(MOD, "m1", "2025-06-10", 1_000));
        feed.deliver(ledger(MOD), 1, report(MOD, "m2", "2025-06-11", 10_500));
        feed.deliver(ledger(MOD), 2, report(MOD, "m3", "2025-06-12", 1_100));

        http.perform(get("/api/conflicts/{c}/loss-anomalies", conflict).param("status", "open"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.anomalies[0].earlier.reportId").value("m2"))
                .andExpect(jsonPath("$.anomalies[0].later.reportId").value("m3"))
                .andExpect(jsonPath("$.anomalies[0].description").value(
                        "PERSONNEL 1,100 as of 2025-06-12 is lower than 10,500 as of 2025-06-11 from the same claimant"));
        http.perform(get("/api/conflicts/{c}/losses", conflict).param("side", "RU"))
                .andExpect(jsonPath(personnel() + ".headline.value").value(contains(1_100)))
                .andExpect(jsonPath(personnel() + ".headline.anomalous").value(contains(true)));

        feed.deliver(ledger(MOD), 3, new LossReportCorrected(ledger(MOD), "m2", conflict, "RU", MOD,
                WorldDate.parse("2025-06-11"), Basis.CUMULATIVE,
                List.of(new LossFigure(LossCategory.PERSONNEL, 1_050, Qualifier.ABOUT)), "typo", SeedStory.ARTICLE));

        http.perform(get("/api/conflicts/{c}/loss-anomalies", conflict).param("status", "open"))
                .andExpect(jsonPath("$.total").value(0));
        http.perform(get("/api/conflicts/{c}/loss-anomalies", conflict).param("status", "resolved")
                        .param("claimant", MOD).param("side", "RU"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.anomalies[0].resolvedBy").value("m2"));
        http.perform(get("/api/conflicts/{c}/losses", conflict).param("side", "RU"))
                .andExpect(jsonPath(personnel() + ".headline.anomalous").value(contains(false)));
        http.perform(get("/api/conflicts/{c}/loss-anomalies", conflict).param("status", "closed"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("status"));
    }

    @Test
    void aRetractionResolvesTheAnomalyAndARestorationOpensItAgain() throws Exception {
        feed.deliver(ledger(MOD), 0, report(MOD, "m1", "2025-06-10", 5_000));
        feed.deliver(ledger(MOD), 1, report(MOD, "m2", "2025-06-11", 4_000));
        feed.deliver(ledger(MOD), 2, new LossReportRetracted(ledger(MOD), "m1", conflict, "RU", MOD, "not in the source"));
        feed.deliver(ledger(MOD), 3, new io.warnews.events.LossReportRestored(ledger(MOD), "m1", conflict, "RU", MOD,
                "back in the source"));

        http.perform(get("/api/conflicts/{c}/loss-anomalies", conflict))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.anomalies[?(@.status == 'open')].openedBy").value(contains("m1")))
                .andExpect(jsonPath("$.anomalies[?(@.status == 'resolved')].resolvedBy").value(contains("m1")));
        http.perform(get("/api/conflicts/{c}/losses/RU/PERSONNEL/series", conflict))
                .andExpect(jsonPath("$.points[*].value").value(contains(5_000, 4_000)))
                .andExpect(jsonPath("$.points[*].anomalous").value(contains(true, true)));
    }

    @Test
    void aCategoryGivenRarelyIsComparedWithItsNearestFigureHoweverFarBack() throws Exception {
        // CAPTURED given on the 1st and on the 30th only; PERSONNEL every day in between.
        feed.deliver(ledger(MOD), 0, new LossesReported(ledger(MOD), "s1", conflict, "RU", MOD,
                WorldDate.parse("2025-05-01"), Basis.CUMULATIVE, List.of(
                new LossFigure(LossCategory.PERSONNEL, 1_000, Qualifier.ABOUT),
                new LossFigure(LossCategory.CAPTURED, 500, Qualifier.EXACT)), SeedStory.ARTICLE));
        for (int day = 2; day < 30; day++) {
            feed.deliver(ledger(MOD), day - 1, report(MOD, "s" + day, "2025-05-%02d".formatted(day), 1_000 + day));
        }
        feed.deliver(ledger(MOD), 29, new LossesReported(ledger(MOD), "s30", conflict, "RU", MOD,
                WorldDate.parse("2025-05-30"), Basis.CUMULATIVE, List.of(
                new LossFigure(LossCategory.PERSONNEL, 1_030, Qualifier.ABOUT),
                new LossFigure(LossCategory.CAPTURED, 450, Qualifier.EXACT)), SeedStory.ARTICLE));

        http.perform(get("/api/conflicts/{c}/loss-anomalies", conflict).param("status", "open"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.anomalies[0].category").value("CAPTURED"))
                .andExpect(jsonPath("$.anomalies[0].earlier.reportId").value("s1"))
                .andExpect(jsonPath("$.anomalies[0].later.reportId").value("s30"));

        // A CAPTURED figure between them: the two comparisons are now with it.
        feed.deliver(ledger(MOD), 30, new LossesReported(ledger(MOD), "s15b", conflict, "RU", MOD,
                WorldDate.parse("2025-05-15"), Basis.CUMULATIVE, List.of(
                new LossFigure(LossCategory.CAPTURED, 480, Qualifier.EXACT)), SeedStory.ARTICLE));
        http.perform(get("/api/conflicts/{c}/loss-anomalies", conflict).param("status", "open"))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.anomalies[*].earlier.reportId").value(
                        org.hamcrest.Matchers.containsInAnyOrder("s1", "s15b")))
                .andExpect(jsonPath("$.anomalies[*].later.reportId").value(
                        org.hamcrest.Matchers.containsInAnyOrder("s15b", "s30")));
        http.perform(get("/api/conflicts/{c}/loss-anomalies", conflict).param("status", "resolved"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.anomalies[0].earlier.reportId").value("s1"))
                .andExpect(jsonPath("$.anomalies[0].later.reportId").value("s30"));
    }
}
