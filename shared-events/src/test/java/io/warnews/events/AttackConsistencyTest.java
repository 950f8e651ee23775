package io.warnews.events;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A count that was not reported is unknown: it never makes an attack inconsistent, as a 0 would. */
class AttackConsistencyTest {

    private static AttackDetails details(Weapon... weapons) {
        return new AttackDetails("RU", "drones", List.of(new Target("Kyiv", "Kyiv")), LocalDate.of(2025, 6, 10),
                null, null, null, List.of(weapons), null);
    }

    @Test
    void countsThatWereNotReportedContradictNothing() {
        assertThat(AttackConsistency.of(details(
                new Weapon(WeaponType.ATTACK_DRONE, "Shahed-136", null, 50),
                new Weapon(WeaponType.ATTACK_DRONE, null, null, 40, 30, null, 5, 20, null, null),
                new Weapon(WeaponType.CRUISE_MISSILE, "Kh-101", 10, null, null, null, 9, null, null, null))))
                .isEmpty();
    }

    @Test
    void reportedCountsThatContradictEachOtherAreNamedWithTheirLine() {
        assertThat(AttackConsistency.of(details(
                new Weapon(WeaponType.ATTACK_DRONE, "Shahed-136", 100, 60, 30, 20, null, 120, null, null))))
                .extracting(AttackConsistency.Inconsistency::check, AttackConsistency.Inconsistency::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                AttackConsistency.Check.SHOT_DOWN_AND_SUPPRESSED_ADD_UP_TO_INTERCEPTED,
                                "weapons[0] ATTACK_DRONE (Shahed-136): 30 shot down and 20 suppressed make 50,"
                                        + " not the 60 intercepted"),
                        org.assertj.core.groups.Tuple.tuple(AttackConsistency.Check.DECOYS_MAY_NOT_EXCEED_LAUNCHED,
                                "weapons[0] ATTACK_DRONE (Shahed-136): 120 decoys is more than the 100 launched"));
    }
}
