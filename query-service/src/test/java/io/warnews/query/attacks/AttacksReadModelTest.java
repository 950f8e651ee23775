package io.warnews.query.attacks;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.warnews.events.AttackCasualtiesRevised;
import io.warnews.events.AttackCorrected;
import io.warnews.events.AttackDetails;
import io.warnews.events.AttackLaunched;
import io.warnews.events.AttackRetracted;
import io.warnews.events.Casualties;
import io.warnews.events.Target;
import io.warnews.events.Weapon;
import io.warnews.events.WeaponType;
import io.warnews.query.Feed;
import io.warnews.query.QueryServiceTest;
import io.warnews.query.SeedStory;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

@QueryServiceTest
class AttacksReadModelTest {

    private static final AtomicInteger CONFLICTS = new AtomicInteger();

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;

    private Feed feed;
    private String conflict;

    @BeforeEach
    void registerAConflict() {
        feed = new Feed(context);
        conflict = "attacks-" + CONFLICTS.incrementAndGet();
        feed.deliver(conflict, 0, Feed.warBetweenRussiaAndUkraine(conflict));
    }

    private static AttackDetails details(String region, LocalDate day, List<Weapon> weapons, Casualties casualties) {
        return new AttackDetails("RU", "strike", List.of(new Target(region + " city", region + " Oblast")), day, day,
                null, null, weapons, casualties);
    }

    private Feed.Stored launch(String id, String region, String day, List<Weapon> weapons, Casualties casualties) {
        return feed.deliver(id, 0, new AttackLaunched(id, conflict,
                details(region, LocalDate.parse(day), weapons, casualties), "Air Force", SeedStory.ARTICLE));
    }

    @Test
    void attacksAreFilteredByDateRegionAndWeaponType() throws Exception {
        String drones = conflict + "-drones";
        String missiles = conflict + "-missiles";
        launch(drones, "Rivne", "2025-06-09", List.of(new Weapon(WeaponType.ATTACK_DRONE, null, 479, 460)), null);
        launch(missiles, "Kyiv", "2025-06-10", List.of(new Weapon(WeaponType.CRUISE_MISSILE, null, 20, 18)),
                new Casualties(2, 10));

        http.perform(get("/api/conflicts/{c}/attacks", conflict))
                .andExpect(jsonPath("$[*].attackId", contains(drones, missiles)))
                .andExpect(jsonPath("$[0].launched.value").value(479))
                .andExpect(jsonPath("$[0].launched.complete").value(true))
                .andExpect(jsonPath("$[0].intercepted.value").value(460));
        http.perform(get("/api/conflicts/{c}/attacks", conflict).param("region", "rivne"))
                .andExpect(jsonPath("$[*].attackId", contains(drones)));
        http.perform(get("/api/conflicts/{c}/attacks", conflict).param("weaponType", "cruise_missile"))
                .andExpect(jsonPath("$[*].attackId", contains(missiles)));
        http.perform(get("/api/conflicts/{c}/attacks", conflict).param("from", "2025-06-10").param("to", "2025-06"))
                .andExpect(jsonPath("$[*].attackId", contains(missiles)));
    }

    @Test
    void dailyTotalsAddUpTheAttacksThatStartedEachDay() throws Exception {
        launch(conflict + "-a", "Kharkiv", "2025-06-11", List.of(new Weapon(WeaponType.ATTACK_DRONE, null, 10, 8)),
                new Casualties(1, 23));
        launch(conflict + "-b", "Odesa", "2025-06-11", List.of(new Weapon(WeaponType.ATTACK_DRONE, null, 5, 5)),
                new Casualties(null, 2));

        http.perform(get("/api/conflicts/{c}/attacks/daily", conflict))
                .andExpect(jsonPath("$[0].date").value("2025-06-11"))
                .andExpect(jsonPath("$[0].attacks").value(2))
                .andExpect(jsonPath("$[0].launched.sum").value(15))
                .andExpect(jsonPath("$[0].launched.reported").value(2))
                .andExpect(jsonPath("$[0].intercepted.sum").value(13))
                .andExpect(jsonPath("$[0].killed.sum").value(1))
                .andExpect(jsonPath("$[0].killed.reported").value(1))
                .andExpect(jsonPath("$[0].killed.unreported").value(1))
                .andExpect(jsonPath("$[0].injured.sum").value(25));
    }

    @Test
    void recordsAreTheLargestLaunchOverallAndPerWeaponTypeAndTheDeadliestAttack() throws Exception {
        launch(conflict + "-a", "Rivne", "2025-06-09", List.of(new Weapon(WeaponType.ATTACK_DRONE, null, 479, 0),
                new Weapon(WeaponType.BALLISTIC_MISSILE, null, 2, 0)), null);
        launch(conflict + "-b", "Kyiv", "2025-06-10", List.of(new Weapon(WeaponType.BALLISTIC_MISSILE, null, 9, 3)),
                new Casualties(5, 30));

        http.perform(get("/api/conflicts/{c}/attacks/records", conflict))
                .andExpect(jsonPath("$.mostLaunched.attackId").value(conflict + "-a"))
                .andExpect(jsonPath("$.mostLaunchedByWeaponType[*].weaponType",
                        contains("ATTACK_DRONE", "BALLISTIC_MISSILE")))
                .andExpect(jsonPath("$.mostLaunchedByWeaponType[1].launched").value(9))
                .andExpect(jsonPath("$.deadliest.attackId").value(conflict + "-b"));
    }

    @Test
    void revisionsAndCorrectionsRewriteAnAttackAndARetractionRemovesIt() throws Exception {
        String kept = conflict + "-kept";
        String withdrawn = conflict + "-withdrawn";
        launch(kept, "Kharkiv", "2025-06-11", List.of(), new Casualties(1, 20));
        launch(withdrawn, "Kharkiv", "2025-06-11", List.of(), new Casualties(1, 1));
        feed.deliver(kept, 1, new AttackCasualtiesRevised(kept, conflict, new Casualties(1, 23), "Mayor", null));
        feed.deliver(kept, 2, new AttackCorrected(kept, conflict, details("Kharkiv", LocalDate.of(2025, 6, 10),
                List.of(), new Casualties(1, 23)), "it began the evening before", null));
        feed.deliver(withdrawn, 1, new AttackRetracted(withdrawn, conflict, "duplicate"));

        http.perform(get("/api/conflicts/{c}/attacks", conflict))
                .andExpect(jsonPath("$[*].attackId", contains(kept)))
                .andExpect(jsonPath("$[0].startDate").value("2025-06-10"))
                .andExpect(jsonPath("$[0].corrected").value(true))
                .andExpect(jsonPath("$[0].casualties.injured").value(23))
                .andExpect(jsonPath("$[0].casualties.claimant").value("Mayor"));
    }

    @Test
    void unknownStaysUnknownInTheAttackTheDailyTotalsAndTheRecords() throws Exception {
        String interceptionsUnknown = conflict + "-a";
        String andMissiles = conflict + "-b";
        String noWeapons = conflict + "-c";
        launch(interceptionsUnknown, "Kyiv", "2025-06-11",
                List.of(new Weapon(WeaponType.ATTACK_DRONE, "Shahed-136", 479, null)), null);
        launch(andMissiles, "Lviv", "2025-06-11", List.of(new Weapon(WeaponType.ATTACK_DRONE, null, 20, 18),
                new Weapon(WeaponType.CRUISE_MISSILE, null, null, null)), null);
        launch(noWeapons, "Sumy", "2025-06-11", List.of(), new Casualties(2, null));

        http.perform(get("/api/conflicts/{c}/attacks", conflict))
                .andExpect(jsonPath("$[0].launched.value").value(479))
                .andExpect(jsonPath("$[0].intercepted.value").doesNotExist())
                .andExpect(jsonPath("$[0].intercepted.complete").value(false))
                .andExpect(jsonPath("$[1].launched.value").value(20))
                .andExpect(jsonPath("$[1].launched.complete").value(false))
                .andExpect(jsonPath("$[1].weapons[1].launched").doesNotExist())
                .andExpect(jsonPath("$[2].launched.value").doesNotExist())
                .andExpect(jsonPath("$[2].shotDown.value").doesNotExist());
        http.perform(get("/api/conflicts/{c}/attacks/daily", conflict))
                .andExpect(jsonPath("$[0].attacks").value(3))
                .andExpect(jsonPath("$[0].launched.sum").value(499))
                .andExpect(jsonPath("$[0].launched.reported").value(1))
                .andExpect(jsonPath("$[0].launched.partial").value(1))
                .andExpect(jsonPath("$[0].launched.unreported").value(1))
                .andExpect(jsonPath("$[0].intercepted.sum").value(18))
                .andExpect(jsonPath("$[0].intercepted.reported").value(0))
                .andExpect(jsonPath("$[0].intercepted.partial").value(1))
                .andExpect(jsonPath("$[0].intercepted.unreported").value(2))
                .andExpect(jsonPath("$[0].shotDown.sum").doesNotExist())
                .andExpect(jsonPath("$[0].shotDown.unreported").value(3))
                .andExpect(jsonPath("$[0].injured.sum").doesNotExist())
                .andExpect(jsonPath("$[0].injured.unreported").value(3));
        http.perform(get("/api/conflicts/{c}/attacks/records", conflict))
                .andExpect(jsonPath("$.mostLaunched.attackId").value(interceptionsUnknown))
                .andExpect(jsonPath("$.mostLaunchedByWeaponType[*].weaponType", contains("ATTACK_DRONE")));
    }

    @Test
    void twoLinesOfTwoBillionReadAsFourBillion() throws Exception {
        String id = conflict + "-huge";
        launch(id, "Kyiv", "2025-06-11", List.of(new Weapon(WeaponType.ATTACK_DRONE, null, 2_000_000_000, null),
                new Weapon(WeaponType.ATTACK_DRONE, null, 2_000_000_000, null)), null);

        http.perform(get("/api/conflicts/{c}/attacks", conflict))
                .andExpect(jsonPath("$[0].launched.value").value(4_000_000_000L));
        http.perform(get("/api/conflicts/{c}/attacks/daily", conflict))
                .andExpect(jsonPath("$[0].launched.sum").value(4_000_000_000L));
        http.perform(get("/api/conflicts/{c}/attacks/records", conflict))
                .andExpect(jsonPath("$.mostLaunched.attackId").value(id))
                .andExpect(jsonPath("$.mostLaunchedByWeaponType[0].launched").value(4_000_000_000L));
    }

    @Test
    void theSameEventDeliveredTwiceChangesNothing() throws Exception {
        String id = conflict + "-a";
        Feed.Stored launched = launch(id, "Kharkiv", "2025-06-11", List.of(), new Casualties(1, 20));
        Feed.Stored revised = feed.deliver(id, 1,
                new AttackCasualtiesRevised(id, conflict, new Casualties(1, 23), "Mayor", null));
        String before = http.perform(get("/api/conflicts/{c}/attacks", conflict))
                .andReturn().getResponse().getContentAsString();

        feed.deliver(launched);
        feed.deliver(revised);

        http.perform(get("/api/conflicts/{c}/attacks", conflict)).andExpect(content().json(before, true));
        http.perform(get("/api/conflicts/{c}/attacks/daily", conflict)).andExpect(jsonPath("$[0].attacks").value(1));
    }

    @Test
    void anUnknownWeaponTypeIsABadRequestNamingTheParameter() throws Exception {
        http.perform(get("/api/conflicts/{c}/attacks", conflict).param("weaponType", "catapult"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("weaponType"));
        http.perform(get("/api/conflicts/{c}/attacks", conflict).param("from", "2025-13-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("from"));
        http.perform(get("/api/conflicts/{c}/attacks/records", conflict))
                .andExpect(jsonPath("$.mostLaunchedByWeaponType", empty()));
    }
}
