package io.warnews.command.attacks;

import io.warnews.command.domain.Recorded;
import io.warnews.command.domain.Rule;
import io.warnews.command.domain.RuleViolation;
import io.warnews.events.AttackCasualtiesRevised;
import io.warnews.events.AttackCorrected;
import io.warnews.events.AttackDetails;
import io.warnews.events.AttackLaunched;
import io.warnews.events.AttackRetracted;
import io.warnews.events.Carrier;
import io.warnews.events.CarrierKind;
import io.warnews.events.Casualties;
import io.warnews.events.Impact;
import io.warnews.events.Target;
import io.warnews.events.Weapon;
import io.warnews.events.WeaponType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static io.warnews.command.support.FixtureSupport.CONFLICT_ID;
import static io.warnews.command.support.FixtureSupport.FIRST_FUTURE_DAY;
import static io.warnews.command.support.FixtureSupport.SOURCE;
import static io.warnews.command.support.FixtureSupport.fixture;
import static io.warnews.command.support.FixtureSupport.refusedBy;

class AttackFixtureTest {

    private static final String ATTACK_ID = "kyiv-2025-06-10";
    private static final String CLAIMANT = "Air Force of Ukraine";
    private static final LocalDate NIGHT = LocalDate.of(2025, 6, 10);
    private static final AttackDetails DETAILS = details("RU", NIGHT, NIGHT.plusDays(1),
            List.of(new Weapon(WeaponType.ATTACK_DRONE, "Shahed-136", 315, 277),
                    new Weapon(WeaponType.BALLISTIC_MISSILE, "Iskander-M", 7, 2)),
            new Casualties(2, 13));
    private static final AttackLaunched LAUNCHED = new AttackLaunched(ATTACK_ID, CONFLICT_ID, DETAILS, CLAIMANT,
            SOURCE);
    private static final AttackRetracted RETRACTED = new AttackRetracted(ATTACK_ID, CONFLICT_ID, "wrong city");

    private final AggregateTestFixture<Attack> fixture = fixture(Attack.class);

    @Test
    void recordsAnAttack() {
        fixture.givenNoPriorActivity()
                .when(launch(DETAILS))
                .expectEvents(LAUNCHED)
                .expectResultMessagePayload(new AttackRecorded(ATTACK_ID, 0, true, List.of()));
    }

    @Test
    void aNewAttackOfABatchIsRecordedWithoutReadingItsStream() {
        fixture.givenNoPriorActivity()
                .when(new RecordNewAttack(ATTACK_ID, CONFLICT_ID, DETAILS, CLAIMANT, SOURCE))
                .expectEvents(LAUNCHED)
                .expectResultMessagePayload(new AttackRecorded(ATTACK_ID, 0, true, List.of()));
    }

    @Test
    void aNewAttackOfABatchPassesTheSameRules() {
        fixture.givenNoPriorActivity()
                .when(new RecordNewAttack(ATTACK_ID, CONFLICT_ID, details("BY", NIGHT, null, List.of(), null),
                        CLAIMANT, SOURCE))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.PARTY_MUST_BELONG_TO_CONFLICT));
    }

    @Test
    void anIdenticalRetryFindsTheAttackAlreadyRecorded() {
        fixture.given(LAUNCHED, casualtiesRevised(new Casualties(3, 15)))
                .when(launch(DETAILS))
                .expectNoEvents()
                .expectResultMessagePayload(new AttackRecorded(ATTACK_ID, 0, false, List.of()));
    }

    @Test
    void idReusedWithOtherContentIsRefused() {
        fixture.given(LAUNCHED)
                .when(launch(DETAILS.withCasualties(new Casualties(20, 40))))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.ID_REUSED_WITH_OTHER_CONTENT));
    }

    @Test
    void interceptedMayNotExceedLaunched() {
        AttackDetails inconsistent = details("RU", NIGHT, null,
                List.of(new Weapon(WeaponType.CRUISE_MISSILE, "Kh-101", 10, 11)), null);
        fixture.givenNoPriorActivity()
                .when(launch(inconsistent))
                .expectEvents(new AttackLaunched(ATTACK_ID, CONFLICT_ID, inconsistent, CLAIMANT, SOURCE))
                .expectResultMessagePayload(new AttackRecorded(ATTACK_ID, 0, true, List.of(new AttackChecks.Warning(
                        AttackChecks.Check.INTERCEPTED_MAY_NOT_EXCEED_LAUNCHED,
                        "weapons[0] CRUISE_MISSILE (Kh-101): 11 intercepted is more than the 10 launched"))));
    }

    @Test
    void shotDownAndSuppressedAddUpToIntercepted() {
        AttackDetails inconsistent = details("RU", NIGHT, null, List.of(new Weapon(WeaponType.ATTACK_DRONE, null,
                100, 90, 60, 20, null, null, null, null)), null);
        fixture.givenNoPriorActivity()
                .when(launch(inconsistent))
                .expectEvents(new AttackLaunched(ATTACK_ID, CONFLICT_ID, inconsistent, CLAIMANT, SOURCE))
                .expectResultMessagePayload(new AttackRecorded(ATTACK_ID, 0, true, List.of(new AttackChecks.Warning(
                        AttackChecks.Check.SHOT_DOWN_AND_SUPPRESSED_ADD_UP_TO_INTERCEPTED,
                        "weapons[0] ATTACK_DRONE: 60 shot down and 20 suppressed make 80, not the 90 intercepted"))));
    }

    @Test
    void interceptedAndLostMayNotExceedLaunched() {
        AttackDetails inconsistent = details("RU", NIGHT, null, List.of(new Weapon(WeaponType.ATTACK_DRONE, null,
                100, null, 70, 20, 15, null, null, null)), null);
        fixture.givenNoPriorActivity()
                .when(launch(inconsistent))
                .expectEvents(new AttackLaunched(ATTACK_ID, CONFLICT_ID, inconsistent, CLAIMANT, SOURCE))
                .expectResultMessagePayload(new AttackRecorded(ATTACK_ID, 0, true, List.of(new AttackChecks.Warning(
                        AttackChecks.Check.INTERCEPTED_AND_LOST_MAY_NOT_EXCEED_LAUNCHED,
                        "weapons[0] ATTACK_DRONE: 90 intercepted and 15 lost are more than the 100 launched"))));
    }

    @Test
    void decoysMayNotExceedLaunched() {
        AttackDetails inconsistent = details("RU", NIGHT, null, List.of(new Weapon(WeaponType.ATTACK_DRONE, null,
                100, null, null, null, null, 120, null, null)), null);
        fixture.givenNoPriorActivity()
                .when(launch(inconsistent))
                .expectEvents(new AttackLaunched(ATTACK_ID, CONFLICT_ID, inconsistent, CLAIMANT, SOURCE))
                .expectResultMessagePayload(new AttackRecorded(ATTACK_ID, 0, true, List.of(new AttackChecks.Warning(
                        AttackChecks.Check.DECOYS_MAY_NOT_EXCEED_LAUNCHED,
                        "weapons[0] ATTACK_DRONE: 120 decoys is more than the 100 launched"))));
    }

    @Test
    void aWeaponLineWithoutACountIsRecordedAsUnreported() {
        AttackDetails andMissiles = new AttackDetails("RU", "drones and missiles",
                List.of(new Target("Kyiv", "Kyiv", Impact.HIT), new Target("Bila Tserkva", "Kyiv Oblast",
                        Impact.DEBRIS)), NIGHT, null, null, null,
                List.of(new Weapon(WeaponType.ATTACK_DRONE, "Shahed-136", 315, null, 200, 77, 30, 40,
                                "Kursk Oblast", null),
                        new Weapon(WeaponType.CRUISE_MISSILE, "Kh-101", null, null, null, null, null, null, null,
                                new Carrier(CarrierKind.AIRCRAFT, "Tu-95MS"))),
                null, List.of("Kursk Oblast", "Engels"));
        fixture.givenNoPriorActivity()
                .when(launch(andMissiles))
                .expectEvents(new AttackLaunched(ATTACK_ID, CONFLICT_ID, andMissiles, CLAIMANT, SOURCE))
                .expectResultMessagePayload(new AttackRecorded(ATTACK_ID, 0, true, List.of()));
    }

    @Test
    void interceptionsNotReportedAreNotCheckedAgainstLaunches() {
        AttackDetails unreported = details("RU", NIGHT, null,
                List.of(new Weapon(WeaponType.GUIDED_AERIAL_BOMB, "KAB-500", 4, null)), null);
        fixture.givenNoPriorActivity()
                .when(launch(unreported))
                .expectEvents(new AttackLaunched(ATTACK_ID, CONFLICT_ID, unreported, CLAIMANT, SOURCE));
    }

    @Test
    void attackMayNotEndBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(launch(details("RU", NIGHT, NIGHT.minusDays(1), List.of(), null)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.ATTACK_MAY_NOT_END_BEFORE_IT_STARTS));
    }

    @Test
    void attackMayNotEndBeforeItStartsToTheMinute() {
        OffsetDateTime start = OffsetDateTime.parse("2025-06-10T23:40:00+03:00");
        AttackDetails endsFirst = new AttackDetails("RU", "Drone attack", List.of(new Target("Kyiv", "Kyiv")), NIGHT,
                NIGHT, start, start.minusMinutes(5), List.of(), null);
        fixture.givenNoPriorActivity()
                .when(launch(endsFirst))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.ATTACK_MAY_NOT_END_BEFORE_IT_STARTS));
    }

    @Test
    void partyMustBelongToConflict() {
        fixture.givenNoPriorActivity()
                .when(launch(details("BY", NIGHT, null, List.of(), null)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.PARTY_MUST_BELONG_TO_CONFLICT));
    }

    @Test
    void conflictMustExist() {
        fixture.givenNoPriorActivity()
                .when(new LaunchAttack(ATTACK_ID, "unknown", DETAILS, CLAIMANT, SOURCE))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.CONFLICT_MUST_EXIST));
    }

    @Test
    void dateMayNotPrecedeConflictStart() {
        fixture.givenNoPriorActivity()
                .when(launch(details("RU", LocalDate.of(2022, 2, 23), null, List.of(), null)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.DATE_MAY_NOT_PRECEDE_CONFLICT_START));
    }

    @Test
    void dateMayNotBeInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(launch(details("RU", NIGHT, FIRST_FUTURE_DAY, List.of(), null)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.DATE_MAY_NOT_BE_IN_THE_FUTURE));
    }

    @Test
    void revisesTheCasualties() {
        fixture.given(LAUNCHED)
                .when(new ReviseAttackCasualties(ATTACK_ID, new Casualties(4, 20), CLAIMANT, SOURCE))
                .expectEvents(casualtiesRevised(new Casualties(4, 20)))
                .expectResultMessagePayload(new Recorded(ATTACK_ID, 1, true));
    }

    @Test
    void revisingToTheSameCasualtiesChangesNothing() {
        fixture.given(LAUNCHED, casualtiesRevised(new Casualties(4, 20)))
                .when(new ReviseAttackCasualties(ATTACK_ID, new Casualties(4, 20), CLAIMANT, SOURCE))
                .expectNoEvents()
                .expectResultMessagePayload(new Recorded(ATTACK_ID, 1, false));
    }

    @Test
    void correctsTheDetails() {
        AttackDetails corrected = details("RU", NIGHT, NIGHT.plusDays(1),
                List.of(new Weapon(WeaponType.ATTACK_DRONE, "Shahed-136", 315, 280)), new Casualties(2, 13));
        fixture.given(LAUNCHED)
                .when(new CorrectAttack(ATTACK_ID, corrected, "missiles were counted twice", SOURCE))
                .expectEvents(new AttackCorrected(ATTACK_ID, CONFLICT_ID, corrected, "missiles were counted twice",
                        SOURCE))
                .expectResultMessagePayload(new AttackRecorded(ATTACK_ID, 1, true, List.of()));
    }

    @Test
    void correctingToTheSameDetailsChangesNothing() {
        fixture.given(LAUNCHED)
                .when(new CorrectAttack(ATTACK_ID, DETAILS, "no change", SOURCE))
                .expectNoEvents()
                .expectResultMessagePayload(new AttackRecorded(ATTACK_ID, 0, false, List.of()));
    }

    @Test
    void interceptedMayNotExceedLaunchedInACorrectionEither() {
        AttackDetails corrected = details("RU", NIGHT, null,
                List.of(new Weapon(WeaponType.ATTACK_DRONE, "Shahed-136", 315, 316)), null);
        fixture.given(LAUNCHED)
                .when(new CorrectAttack(ATTACK_ID, corrected, "recount", SOURCE))
                .expectEvents(new AttackCorrected(ATTACK_ID, CONFLICT_ID, corrected, "recount", SOURCE))
                .expectResultMessagePayload(new AttackRecorded(ATTACK_ID, 1, true, List.of(new AttackChecks.Warning(
                        AttackChecks.Check.INTERCEPTED_MAY_NOT_EXCEED_LAUNCHED,
                        "weapons[0] ATTACK_DRONE (Shahed-136): 316 intercepted is more than the 315 launched"))));
    }

    @Test
    void retractsTheAttack() {
        fixture.given(LAUNCHED)
                .when(new RetractAttack(ATTACK_ID, "wrong city"))
                .expectEvents(RETRACTED)
                .expectResultMessagePayload(new Recorded(ATTACK_ID, 1, true));
    }

    @Test
    void retractingTwiceChangesNothing() {
        fixture.given(LAUNCHED, RETRACTED)
                .when(new RetractAttack(ATTACK_ID, "wrong city"))
                .expectNoEvents()
                .expectResultMessagePayload(new Recorded(ATTACK_ID, 1, false));
    }

    @Test
    void retractedAttackIsClosedToCasualtyRevisions() {
        fixture.given(LAUNCHED, RETRACTED)
                .when(new ReviseAttackCasualties(ATTACK_ID, new Casualties(4, 20), CLAIMANT, SOURCE))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.RETRACTED_ATTACK_IS_CLOSED));
    }

    @Test
    void retractedAttackIsClosedToCorrections() {
        fixture.given(LAUNCHED, RETRACTED)
                .when(new CorrectAttack(ATTACK_ID, DETAILS.withCasualties(new Casualties(1, 1)), "recount", SOURCE))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionDetails(refusedBy(Rule.RETRACTED_ATTACK_IS_CLOSED));
    }

    private static LaunchAttack launch(AttackDetails details) {
        return new LaunchAttack(ATTACK_ID, CONFLICT_ID, details, CLAIMANT, SOURCE);
    }

    private static AttackCasualtiesRevised casualtiesRevised(Casualties casualties) {
        return new AttackCasualtiesRevised(ATTACK_ID, CONFLICT_ID, casualties, CLAIMANT, SOURCE);
    }

    private static AttackDetails details(String attacker, LocalDate start, LocalDate end, List<Weapon> weapons,
                                         Casualties casualties) {
        return new AttackDetails(attacker, "Combined drone and missile attack on Kyiv",
                List.of(new Target("Kyiv", "Kyiv")), start, end, null, null, weapons, casualties);
    }
}
