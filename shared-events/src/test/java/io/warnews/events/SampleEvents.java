package io.warnews.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** One fully populated instance of every event of the contract. */
final class SampleEvents {

    private SampleEvents() {
    }

    static final Source SOURCE = new Source("Kyiv Independent", "https://kyivindependent.com/example",
            "Russia's losses pass 1 million", Instant.parse("2025-06-12T08:15:00Z"));

    private static final AttackDetails ATTACK = new AttackDetails("RU", "record drone attack",
            List.of(new Target("Rivne", "Rivne Oblast", Impact.HIT),
                    new Target("Lutsk", "Volyn Oblast", Impact.DEBRIS)),
            LocalDate.of(2025, 6, 8), LocalDate.of(2025, 6, 9),
            OffsetDateTime.parse("2025-06-08T22:00:00+03:00"), null,
            List.of(new Weapon(WeaponType.ATTACK_DRONE, "Shahed-136", 479, 460, 277, 183, 19, 200, "Kursk Oblast",
                            null),
                    new Weapon(WeaponType.CRUISE_MISSILE, "Kh-101", null, null, null, null, null, null, null,
                            new Carrier(CarrierKind.AIRCRAFT, "Tu-95MS"))),
            new Casualties(1, 23), List.of("Kursk Oblast", "Caspian Sea"));

    static List<WarEvent> all() {
        var figures = List.of(new LossFigure(LossCategory.PERSONNEL, 1_000_340, Qualifier.ABOUT),
                new LossFigure(LossCategory.UAVS, 40_000, Qualifier.AT_LEAST));
        return List.of(
                new ConflictRegistered("russia-ukraine", "Russia-Ukraine war",
                        List.of(new Party("RU", "Russia"), new Party("UA", "Ukraine")), LocalDate.of(2022, 2, 24)),
                new LossesReported("l1", "r1", "russia-ukraine", "RU", "Ministry of Defence of Ukraine",
                        WorldDate.parse("2025-06-12"), Basis.CUMULATIVE, figures, SOURCE),
                new LossReportCorrected("l1", "r1", "russia-ukraine", "RU", "Ministry of Defence of Ukraine",
                        WorldDate.parse("2025-02"), Basis.CUMULATIVE, figures, "typo", SOURCE),
                new LossReportRetracted("l1", "r1", "russia-ukraine", "RU", "Ministry of Defence of Ukraine", "dup"),
                new LossReportRevised("l1", "r1", "russia-ukraine", "RU", "Ministry of Defence of Ukraine",
                        WorldDate.parse("2025-06-12"), Basis.CUMULATIVE,
                        List.of(new LossFigure(LossCategory.KILLED, 45_000, Qualifier.MORE_THAN, 40_000L, 50_000L)),
                        "republished", SOURCE),
                new LossReportRestored("l1", "r1", "russia-ukraine", "RU", "Ministry of Defence of Ukraine", "back"),
                new AttackLaunched("a1", "russia-ukraine", ATTACK, "Air Force of Ukraine", SOURCE),
                new AttackCasualtiesRevised("a1", "russia-ukraine", new Casualties(2, null), "Mayor", SOURCE),
                new AttackCorrected("a1", "russia-ukraine", ATTACK, "wrong region", SOURCE),
                new AttackRetracted("a1", "russia-ukraine", "duplicate"),
                new TalksOpened("t1", "russia-ukraine", "Istanbul talks", List.of("RU", "UA"), List.of("Türkiye"),
                        "Istanbul", LocalDate.of(2025, 5, 16), SOURCE),
                new RoundHeld("t1", "russia-ukraine", 2, "Istanbul", "memoranda exchanged",
                        LocalDate.of(2025, 6, 2), SOURCE),
                new TermsProposed("t1", "russia-ukraine", "p1", "UA",
                        List.of(new Term("1", TermType.CEASEFIRE, "30-day ceasefire", Map.of("durationDays", "30"))),
                        LocalDate.of(2025, 6, 2), SOURCE),
                new TermsAccepted("t1", "russia-ukraine", "p1", "RU", List.of("1"), LocalDate.of(2025, 6, 3), SOURCE),
                new TermsRejected("t1", "russia-ukraine", "p1", "RU", List.of("1"), "no", LocalDate.of(2025, 6, 3),
                        SOURCE),
                new PrisonersExchanged("t1", "russia-ukraine", Map.of("RU", 1000, "UA", 1000), Map.of("RU", 6000),
                        "1000 for 1000", LocalDate.of(2025, 6, 9), SOURCE),
                new TalksSuspended("t1", "russia-ukraine", "pause", LocalDate.of(2025, 7, 1), SOURCE),
                new TalksResumed("t1", "russia-ukraine", "back", LocalDate.of(2025, 7, 2), SOURCE),
                new AgreementSigned("t1", "russia-ukraine", "Accord", List.of("RU", "UA"), "peace",
                        LocalDate.of(2025, 8, 1), SOURCE),
                new TalksCollapsed("t1", "russia-ukraine", "walked out", LocalDate.of(2025, 8, 1), SOURCE));
    }
}
