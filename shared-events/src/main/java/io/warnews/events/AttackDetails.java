package io.warnews.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * What is known of an attack: who attacked, where, when (the day it began and ended; exact times
 * when reported), from where it was launched, with which weapons and at what human cost. Places
 * ({@code targets}) say whether they were hit or where debris fell, when the report says so.
 * {@code launchAreas} are the areas the report names without tying them to a weapon line (each line
 * has its own {@code launchArea}); empty when none is named. Revision 1 had no {@code launchAreas}.
 */
public record AttackDetails(
        String attacker,
        String description,
        List<Target> targets,
        LocalDate startDate,
        LocalDate endDate,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt,
        List<Weapon> weapons,
        Casualties casualties,
        List<String> launchAreas) {

    public AttackDetails {
        targets = List.copyOf(targets);
        weapons = List.copyOf(weapons);
        casualties = casualties == null ? Casualties.UNREPORTED : casualties;
        launchAreas = launchAreas == null ? List.of() : List.copyOf(launchAreas);
    }

    /** The details as revision 1 had them, without launch areas. */
    public AttackDetails(String attacker, String description, List<Target> targets, LocalDate startDate,
                         LocalDate endDate, OffsetDateTime startedAt, OffsetDateTime endedAt, List<Weapon> weapons,
                         Casualties casualties) {
        this(attacker, description, targets, startDate, endDate, startedAt, endedAt, weapons, casualties, null);
    }

    public AttackDetails withCasualties(Casualties revised) {
        return new AttackDetails(attacker, description, targets, startDate, endDate, startedAt, endedAt, weapons,
                revised, launchAreas);
    }

    /** Weapons launched, over the weapon lines. */
    public WeaponTotal launched() {
        return total(w -> w.launched() == null ? null : w.launched().longValue());
    }

    /** Weapons intercepted (shot down and suppressed), over the weapon lines. */
    public WeaponTotal intercepted() {
        return total(Weapon::interceptedOrParts);
    }

    public WeaponTotal shotDown() {
        return total(w -> w.shotDown() == null ? null : w.shotDown().longValue());
    }

    public WeaponTotal suppressed() {
        return total(w -> w.suppressed() == null ? null : w.suppressed().longValue());
    }

    /** Weapons that did not reach their targets without being claimed as intercepted. */
    public WeaponTotal lost() {
        return total(w -> w.lost() == null ? null : w.lost().longValue());
    }

    public WeaponTotal decoys() {
        return total(w -> w.decoys() == null ? null : w.decoys().longValue());
    }

    /** A figure over the weapon lines, summed in 64 bits; see {@link WeaponTotal}. */
    public WeaponTotal total(Function<Weapon, Long> figure) {
        Long sum = null;
        int unreported = 0;
        for (Weapon weapon : weapons) {
            Long value = figure.apply(weapon);
            if (value == null) {
                unreported++;
            } else {
                sum = sum == null ? value : Math.addExact(sum, value);
            }
        }
        return new WeaponTotal(sum, sum != null && unreported == 0);
    }
}
