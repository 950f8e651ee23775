package io.warnews.query;

import io.warnews.events.AttackDetails;
import io.warnews.events.AttackLaunched;
import io.warnews.events.Basis;
import io.warnews.events.Casualties;
import io.warnews.events.ConflictRegistered;
import io.warnews.events.LossCategory;
import io.warnews.events.LossFigure;
import io.warnews.events.LossesReported;
import io.warnews.events.Party;
import io.warnews.events.PrisonersExchanged;
import io.warnews.events.Qualifier;
import io.warnews.events.Source;
import io.warnews.events.TalksOpened;
import io.warnews.events.Target;
import io.warnews.events.Term;
import io.warnews.events.TermType;
import io.warnews.events.TermsProposed;
import io.warnews.events.Weapon;
import io.warnews.events.WeaponType;
import io.warnews.events.WorldDate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The June 2025 article the project started from, as events, under a conflict id of the test's choosing. */
public record SeedStory(String conflictId) {

    public static final Source ARTICLE = new Source("Ukrainska Pravda", "https://www.pravda.com.ua/eng/news/2025/06/12/",
            "Russia's losses pass 1 million", Instant.parse("2025-06-12T07:00:00Z"));

    public String ruLedger() {
        return conflictId + "/losses/RU/ministry-of-defence-of-ukraine";
    }

    public String uaLedger() {
        return conflictId + "/losses/UA/president-of-ukraine";
    }

    public String kharkivAttack() {
        return conflictId + "-kharkiv-2025-06-11";
    }

    public String droneAttack() {
        return conflictId + "-drones-2025-06-09";
    }

    public String talks() {
        return conflictId + "-istanbul-2025";
    }

    public record Event(String streamId, Object payload) {
    }

    public List<Event> events() {
        return List.of(
                new Event(conflictId, new ConflictRegistered(conflictId, "Russian invasion of Ukraine",
                        List.of(new Party("RU", "Russia"), new Party("UA", "Ukraine")), LocalDate.of(2022, 2, 24))),
                new Event(ruLedger(), new LossesReported(ruLedger(), "mod-2025-06-12", conflictId, "RU",
                        "Ministry of Defence of Ukraine", WorldDate.parse("2025-06-12"), Basis.CUMULATIVE, List.of(
                        new LossFigure(LossCategory.PERSONNEL, 1_000_340, Qualifier.ABOUT),
                        new LossFigure(LossCategory.VEHICLES_AND_FUEL_TANKS, 50_000, Qualifier.AT_LEAST),
                        new LossFigure(LossCategory.UAVS, 40_000, Qualifier.AT_LEAST)), ARTICLE)),
                new Event(uaLedger(), new LossesReported(uaLedger(), "president-2025-02", conflictId, "UA",
                        "President of Ukraine", WorldDate.parse("2025-02"), Basis.CUMULATIVE, List.of(
                        new LossFigure(LossCategory.KILLED, 45_000, Qualifier.AT_LEAST),
                        new LossFigure(LossCategory.WOUNDED, 390_000, Qualifier.EXACT)), ARTICLE)),
                new Event(kharkivAttack(), new AttackLaunched(kharkivAttack(), conflictId, new AttackDetails("RU",
                        "Russian strike on Kharkiv", List.of(new Target("Kharkiv", "Kharkiv Oblast")),
                        LocalDate.of(2025, 6, 11), LocalDate.of(2025, 6, 11), null, null, List.of(),
                        new Casualties(1, 23)), "Kharkiv Regional Military Administration", ARTICLE)),
                new Event(droneAttack(), new AttackLaunched(droneAttack(), conflictId, new AttackDetails("RU",
                        "Record drone attack overnight, the largest on the Rivne region",
                        List.of(new Target("Rivne region", "Rivne Oblast")),
                        LocalDate.of(2025, 6, 8), LocalDate.of(2025, 6, 9), null, null,
                        List.of(new Weapon(WeaponType.ATTACK_DRONE, "Shahed-136", 479, null)), null),
                        "Ukrainian Air Force", ARTICLE)),
                new Event(talks(), new TalksOpened(talks(), conflictId, "Russia-Ukraine peace talks, Istanbul 2025",
                        List.of("RU", "UA"), List.of("TR"), "Istanbul", LocalDate.of(2025, 5, 16), ARTICLE)),
                new Event(talks(), new TermsProposed(talks(), conflictId, "ua-memorandum", "UA", List.of(
                        new Term("ceasefire", TermType.CEASEFIRE, "A 30-day ceasefire", Map.of("durationDays", "30")),
                        new Term("prisoners", TermType.PRISONER_RELEASE, "Release of all prisoners of war", null),
                        new Term("mediators", TermType.OTHER, "Negotiations involving the US and Europe", null),
                        new Term("presidents", TermType.LEADERS_MEETING,
                                "A meeting of the two presidents at the final stage", null),
                        new Term("reparations", TermType.REPARATIONS, "Reparations", null),
                        new Term("army", TermType.MILITARY_LIMITS, "No limits on Ukraine's military", null),
                        new Term("territory", TermType.TERRITORY,
                                "No international recognition of territory taken since February 2014", null)),
                        LocalDate.of(2025, 6, 2), ARTICLE)),
                new Event(talks(), new PrisonersExchanged(talks(), conflictId, Map.of(), Map.of(),
                        "Prisoners of war and bodies exchanged", LocalDate.of(2025, 6, 10), ARTICLE)));
    }

    /** Appends the story to the event store; answers the last {@code <streamId>@<version>} written. */
    public String appendTo(EventStoreWriter writer) {
        String last = null;
        for (Event event : events()) {
            last = writer.append(event.streamId(), event.payload());
        }
        return last;
    }
}
