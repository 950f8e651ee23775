package io.warnews.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What is known of an attack: who attacked, where, when (the day it began and ended; exact times
 * when reported), with which weapons and at what human cost.
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
        Casualties casualties) {

    public AttackDetails {
        targets = List.copyOf(targets);
        weapons = List.copyOf(weapons);
        casualties = casualties == null ? Casualties.UNREPORTED : casualties;
    }

    public AttackDetails withCasualties(Casualties revised) {
        return new AttackDetails(attacker, description, targets, startDate, endDate, startedAt, endedAt, weapons,
                revised);
    }

    public int launched() {
        return weapons.stream().mapToInt(Weapon::launched).sum();
    }

    /** Intercepted across weapon types, counting those not reported as none. */
    public int intercepted() {
        return weapons.stream().mapToInt(w -> w.intercepted() == null ? 0 : w.intercepted()).sum();
    }
}
