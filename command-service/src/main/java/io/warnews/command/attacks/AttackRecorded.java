package io.warnews.command.attacks;

import io.warnews.command.domain.Recorded;

import java.util.List;

/** The result of an attack write: what {@link Recorded} says, and the report's inconsistencies, if any. */
record AttackRecorded(String streamId, long version, boolean created, List<AttackChecks.Warning> warnings) {

    AttackRecorded {
        warnings = List.copyOf(warnings);
    }

    Recorded recorded() {
        return new Recorded(streamId, version, created);
    }
}
