package io.warnews.events;

import java.util.ArrayList;
import java.util.List;

/**
 * Consistency of an attack report with itself, one rule for both services: the command-service
 * answers these as {@code warnings} when it records the report (as published, never refused or
 * rewritten), the query-service flags the attack as anomalous while its current version has any.
 */
public final class AttackConsistency {

    /** The consistency rules an attack report is checked against. */
    public enum Check {
        INTERCEPTED_MAY_NOT_EXCEED_LAUNCHED,
        SHOT_DOWN_AND_SUPPRESSED_ADD_UP_TO_INTERCEPTED,
        INTERCEPTED_AND_LOST_MAY_NOT_EXCEED_LAUNCHED,
        DECOYS_MAY_NOT_EXCEED_LAUNCHED
    }

    /** One inconsistency: the check it fails and what is wrong, in words naming the weapon line. */
    public record Inconsistency(Check check, String message) {
    }

    private AttackConsistency() {
    }

    /** Every inconsistency of the report, weapon line by weapon line; empty when there is none. */
    public static List<Inconsistency> of(AttackDetails details) {
        List<Inconsistency> found = new ArrayList<>();
        for (int i = 0; i < details.weapons().size(); i++) {
            Weapon weapon = details.weapons().get(i);
            String line = "weapons[" + i + "] " + weapon.type()
                    + (weapon.model() == null ? "" : " (" + weapon.model() + ")");
            Long intercepted = weapon.interceptedOrParts();
            if (weapon.launched() != null && intercepted != null && intercepted > weapon.launched()) {
                found.add(new Inconsistency(Check.INTERCEPTED_MAY_NOT_EXCEED_LAUNCHED,
                        "%s: %d intercepted is more than the %d launched".formatted(line, intercepted,
                                weapon.launched())));
            }
            if (weapon.intercepted() != null && weapon.shotDown() != null && weapon.suppressed() != null
                    && (long) weapon.shotDown() + weapon.suppressed() != weapon.intercepted()) {
                found.add(new Inconsistency(Check.SHOT_DOWN_AND_SUPPRESSED_ADD_UP_TO_INTERCEPTED,
                        "%s: %d shot down and %d suppressed make %d, not the %d intercepted".formatted(line,
                                weapon.shotDown(), weapon.suppressed(),
                                (long) weapon.shotDown() + weapon.suppressed(), weapon.intercepted())));
            }
            if (weapon.launched() != null && intercepted != null && weapon.lost() != null
                    && intercepted + weapon.lost() > weapon.launched()) {
                found.add(new Inconsistency(Check.INTERCEPTED_AND_LOST_MAY_NOT_EXCEED_LAUNCHED,
                        "%s: %d intercepted and %d lost are more than the %d launched".formatted(line, intercepted,
                                weapon.lost(), weapon.launched())));
            }
            if (weapon.launched() != null && weapon.decoys() != null && weapon.decoys() > weapon.launched()) {
                found.add(new Inconsistency(Check.DECOYS_MAY_NOT_EXCEED_LAUNCHED,
                        "%s: %d decoys is more than the %d launched".formatted(line, weapon.decoys(),
                                weapon.launched())));
            }
        }
        return List.copyOf(found);
    }
}
