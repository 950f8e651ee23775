package io.warnews.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.warnews.events.AttackDetails;
import io.warnews.events.Casualties;
import io.warnews.events.Impact;
import io.warnews.events.Target;
import io.warnews.events.Weapon;
import io.warnews.events.WeaponType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timeline's sentence of an attack never turns an unreported figure into 0. */
class AttackSentencesTest {

    private static AttackDetails attack(List<Weapon> weapons, Casualties casualties, Target... targets) {
        return new AttackDetails("RU", null, List.of(targets), LocalDate.of(2025, 6, 9), null, null, null, weapons,
                casualties);
    }

    private static final Target RIVNE = new Target("Rivne", "Rivne Oblast");

    @Test
    void interceptionsNotReportedAreSaidToBeSo() {
        assertThat(Sentences.attack(attack(List.of(new Weapon(WeaponType.ATTACK_DRONE, null, 479, null)), null, RIVNE)))
                .isEqualTo("RU attack on Rivne (Rivne Oblast): 479 launched, interceptions not reported.");
    }

    @Test
    void anAttackWithoutWeaponsSaysNothingOfLaunches() {
        assertThat(Sentences.attack(attack(List.of(), new Casualties(1, null), RIVNE)))
                .isEqualTo("RU attack on Rivne (Rivne Oblast): 1 killed.");
    }

    @Test
    void aLineWithoutACountMakesTheSumALowerBound() {
        assertThat(Sentences.attack(attack(List.of(new Weapon(WeaponType.ATTACK_DRONE, null, 20, 18),
                new Weapon(WeaponType.CRUISE_MISSILE, null, null, null)), null, RIVNE)))
                .isEqualTo("RU attack on Rivne (Rivne Oblast): at least 20 launched, at least 18 intercepted.");
        assertThat(Sentences.attack(attack(List.of(new Weapon(WeaponType.CRUISE_MISSILE, "Kh-101", null, null)),
                null, RIVNE)))
                .isEqualTo("RU attack on Rivne (Rivne Oblast): number launched not reported,"
                        + " interceptions not reported.");
    }

    @Test
    void shotDownSuppressedLostDecoysAndDebrisAreNamed() {
        assertThat(Sentences.attack(attack(List.of(new Weapon(WeaponType.ATTACK_DRONE, "Shahed-136", 315, null, 200,
                        77, 30, 40, "Kursk Oblast", null)), new Casualties(null, 3),
                new Target("Kyiv", "Kyiv", Impact.HIT), new Target("Brovary", "Kyiv Oblast", Impact.DEBRIS))))
                .isEqualTo("RU attack on Kyiv: 315 launched, 277 intercepted (200 shot down, 77 suppressed by"
                        + " electronic warfare), 30 did not reach their targets, 40 decoys;"
                        + " debris fell on Brovary (Kyiv Oblast); 3 injured.");
    }
}
