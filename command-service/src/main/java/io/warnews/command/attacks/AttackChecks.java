package io.warnews.command.attacks;

import io.warnews.events.AttackDetails;
import io.warnews.events.Weapon;

import java.util.ArrayList;
import java.util.List;

/**
 * Consistency of an attack report with itself. A report is what the claimant published: an
 * inconsistent one is recorded as it is and answered with warnings, never refused or rewritten.
 */
final class AttackChecks {

    /** The consistency rules an attack report is checked against. */
    enum Check {
        INTERCEPTED_MAY_NOT_EXCEED_LAUNCHED,
        SHOT_DOWN_AND_SUPPRESSED_ADD_UP_TO_INTERCEPTED,
        INTERCEPTED_AND_LOST_MAY_NOT_EXCEED_LAUNCHED,
        DECOYS_MAY_NOT_EXCEED_LAUNCHED
    }

    /** One inconsistency, by the check's name and in words. */
    record Warning(Check check, String message) {
    }

    private AttackChecks() {
    }

    static List<Warning> warnings(AttackDetails details) {
        List<Warning> warnings = new ArrayList<>();
        for (int i = 0; i < details.weapons().size(); i++) {
            Weapon weapon = details.weapons().get(i);
            String line = "weapons[" + i + "] " + weapon.type()
                    + (weapon.model() == null ? "" : " (" + weapon.model() + ")");
            Long intercepted = weapon.interceptedOrParts();
            if (weapon.launched() != null && intercepted != null && intercepted > weapon.launched()) {
                warnings.add(new Warning(Check.INTERCEPTED_MAY_NOT_EXCEED_LAUNCHED,
                        "%s: %d intercepted is more than the %d launched".formatted(line, intercepted,
                                weapon.launched())));
            }
            if (weapon.intercepted() != null && weapon.shotDown() != null && weapon.suppressed() != null
                    && (long) weapon.shotDown() + weapon.suppressed() != weapon.intercepted()) {
                warnings.add(new Warning(Check.SHOT_DOWN_AND_SUPPRESSED_ADD_UP_TO_INTERCEPTED,
                        "%s: %d shot down and %d suppressed make %d, not the %d intercepted".formatted(line,
                                weapon.shotDown(), weapon.suppressed(),
                                (long) weapon.shotDown() + weapon.suppressed(), weapon.intercepted())));
            }
            if (weapon.launched() != null && intercepted != null && weapon.lost() != null
                    && intercepted + weapon.lost() > weapon.launched()) {
                warnings.add(new Warning(Check.INTERCEPTED_AND_LOST_MAY_NOT_EXCEED_LAUNCHED,
                        "%s: %d intercepted and %d lost are more than the %d launched".formatted(line, intercepted,
                                weapon.lost(), weapon.launched())));
            }
            if (weapon.launched() != null && weapon.decoys() != null && weapon.decoys() > weapon.launched()) {
                warnings.add(new Warning(Check.DECOYS_MAY_NOT_EXCEED_LAUNCHED,
                        "%s: %d decoys is more than the %d launched".formatted(line, weapon.decoys(),
                                weapon.launched())));
            }
        }
        return List.copyOf(warnings);
    }
}
