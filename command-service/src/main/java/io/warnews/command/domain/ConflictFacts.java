package io.warnews.command.domain;

import io.warnews.events.WorldDate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/** What every other stream needs to know of a conflict: its parties and the day it started. */
public record ConflictFacts(String conflictId, Set<String> parties, LocalDate startDate) {

    /** The date is in the future only once it has begun nowhere on Earth (UTC+14 is the earliest zone). */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    public ConflictFacts {
        parties = Set.copyOf(parties);
    }

    /** The latest date that has begun somewhere: a report dated today anywhere on Earth is not in the future. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(EARLIEST_ZONE));
    }

    public void requireParty(String code, String role) {
        if (!parties.contains(code)) {
            throw RuleViolation.of(Rule.PARTY_MUST_BELONG_TO_CONFLICT,
                    "%s '%s' is not a party to conflict '%s' (parties: %s)", role, code, conflictId,
                    String.join(", ", parties.stream().sorted().toList()));
        }
    }

    public void requireWithinConflict(WorldDate date, Clock clock, String field) {
        requireWithinConflict(date.start(), date.end(), clock, field);
    }

    public void requireWithinConflict(LocalDate date, Clock clock, String field) {
        requireWithinConflict(date, date, clock, field);
    }

    private void requireWithinConflict(LocalDate from, LocalDate to, Clock clock, String field) {
        if (to.isBefore(startDate)) {
            throw RuleViolation.of(Rule.DATE_MAY_NOT_PRECEDE_CONFLICT_START,
                    "%s %s is before the start of conflict '%s' on %s", field, from, conflictId, startDate);
        }
        LocalDate today = today(clock);
        if (from.isAfter(today)) {
            throw RuleViolation.of(Rule.DATE_MAY_NOT_BE_IN_THE_FUTURE,
                    "%s %s is in the future (today is %s)", field, from, today);
        }
    }
}
