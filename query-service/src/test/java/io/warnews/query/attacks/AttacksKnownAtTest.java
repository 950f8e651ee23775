package io.warnews.query.attacks;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Attacks as known at a recorded instant, and every version of one attack, from the recorded intervals. */
@QueryServiceTest
class AttacksKnownAtTest {

    private static final AtomicInteger CONFLICTS = new AtomicInteger();
    private static final RequestPostProcessor AUDITOR = httpBasic("auditor", "auditor-secret");

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;

    private Feed feed;
    private String conflict;
    private String attack;
    private Feed.Stored launched;
    private Feed.Stored revised;
    private Feed.Stored corrected;
    private Feed.Stored retracted;

    @BeforeEach
    void anAttackFirstReportedThenRevisedCorrectedAndRetracted() {
        feed = new Feed(context);
        conflict = "known-attacks-" + CONFLICTS.incrementAndGet();
        attack = conflict + "-kyiv";
        feed.deliver(conflict, 0, Feed.warBetweenRussiaAndUkraine(conflict));
        launched = feed.deliver(attack, 0, new AttackLaunched(attack, conflict, details(479, null, null),
                "Air Force", SeedStory.ARTICLE));
        revised = feed.deliver(attack, 1, new AttackCasualtiesRevised(attack, conflict, new Casualties(3, 20),
                "Mayor", SeedStory.ARTICLE));
        corrected = feed.deliver(attack, 2, new AttackCorrected(attack, conflict, details(497, 460,
                new Casualties(3, 20)), "digits transposed", null));
        retracted = feed.deliver(attack, 3, new AttackRetracted(attack, conflict, "duplicate of another report"));
    }

    private static AttackDetails details(int launched, Integer intercepted, Casualties casualties) {
        return new AttackDetails("RU", "drones", List.of(new Target("Kyiv", "Kyiv")), LocalDate.of(2025, 6, 10), null,
                null, null, List.of(new Weapon(WeaponType.ATTACK_DRONE, "Shahed-136", launched, intercepted)),
                casualties);
    }

    private static String justBefore(Feed.Stored event) {
        return event.recordedAt().minusMillis(1).toString();
    }

    @Test
    void eachInstantShowsTheVersionThatWasCurrentThen() throws Exception {
        String list = "/api/audit/conflicts/{c}/attacks";
        http.perform(get(list, conflict).param("knownAt", justBefore(launched)).with(AUDITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", empty()));
        http.perform(get(list, conflict).param("knownAt", launched.recordedAt().toString()).with(AUDITOR))
                .andExpect(jsonPath("$[*].attackId", contains(attack)))
                .andExpect(jsonPath("$[0].launched.value").value(479))
                .andExpect(jsonPath("$[0].intercepted.value").doesNotExist())
                .andExpect(jsonPath("$[0].casualties.killed").doesNotExist())
                .andExpect(jsonPath("$[0].version").value(0));
        http.perform(get(list, conflict).param("knownAt", justBefore(corrected)).with(AUDITOR))
                .andExpect(jsonPath("$[0].launched.value").value(479))
                .andExpect(jsonPath("$[0].casualties.killed").value(3))
                .andExpect(jsonPath("$[0].version").value(1));
        http.perform(get(list, conflict).param("knownAt", justBefore(retracted)).with(AUDITOR))
                .andExpect(jsonPath("$[0].launched.value").value(497))
                .andExpect(jsonPath("$[0].intercepted.value").value(460))
                .andExpect(jsonPath("$[0].corrected").value(true))
                .andExpect(jsonPath("$[0].casualties.claimant").value("Mayor"));
        http.perform(get(list, conflict).param("knownAt", retracted.recordedAt().toString()).with(AUDITOR))
                .andExpect(jsonPath("$", empty()));
        http.perform(get("/api/conflicts/{c}/attacks", conflict)).andExpect(jsonPath("$", empty()));
    }

    @Test
    void dailyTotalsAndOneAttackAsKnownAtAnInstant() throws Exception {
        http.perform(get("/api/audit/conflicts/{c}/attacks/daily", conflict)
                        .param("knownAt", justBefore(corrected)).with(AUDITOR))
                .andExpect(jsonPath("$[0].launched.sum").value(479))
                .andExpect(jsonPath("$[0].intercepted.sum").doesNotExist())
                .andExpect(jsonPath("$[0].intercepted.unreported").value(1));
        http.perform(get("/api/audit/attacks/{a}", attack).param("knownAt", justBefore(retracted)).with(AUDITOR))
                .andExpect(jsonPath("$.launched.value").value(497));
        http.perform(get("/api/audit/attacks/{a}", attack).param("knownAt", Instant.now().toString()).with(AUDITOR))
                .andExpect(status().isNotFound());
    }

    @Test
    void theHistoryListsEveryVersionWithWhoWhenWhyAndSource() throws Exception {
        http.perform(get("/api/audit/attacks/{a}/history", attack).with(AUDITOR))
                .andExpect(jsonPath("$[*].change",
                        contains("LAUNCHED", "CASUALTIES_REVISED", "CORRECTED", "RETRACTED")))
                .andExpect(jsonPath("$[*].recordedBy", contains("test", "test", "test", "test")))
                .andExpect(jsonPath("$[0].recordedFrom").value(launched.recordedAt().toString()))
                .andExpect(jsonPath("$[0].recordedTo").value(revised.recordedAt().toString()))
                .andExpect(jsonPath("$[0].source.outlet").value(SeedStory.ARTICLE.outlet()))
                .andExpect(jsonPath("$[1].source.outlet").value(SeedStory.ARTICLE.outlet()))
                .andExpect(jsonPath("$[2].reason").value("digits transposed"))
                .andExpect(jsonPath("$[2].attack.launched.value").value(497))
                .andExpect(jsonPath("$[3].reason").value("duplicate of another report"))
                .andExpect(jsonPath("$[3].recordedTo").value(retracted.recordedAt().toString()));
    }

    @Test
    void theAuditReadsNeedAnInstantAndAnAuditor() throws Exception {
        http.perform(get("/api/audit/conflicts/{c}/attacks", conflict).with(AUDITOR))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("knownAt"));
        http.perform(get("/api/audit/attacks/{a}/history", attack))
                .andExpect(status().isUnauthorized());
        http.perform(get("/api/audit/attacks/{a}/history", "no-such-attack").with(AUDITOR))
                .andExpect(status().isNotFound());
    }
}
