package io.warnews.command.talks;

import io.warnews.events.Source;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Moves talks to a new status: SUSPENDED, OPEN (resumed), CONCLUDED (agreement signed, with its
 * title and signatories) or COLLAPSED.
 */
record ChangeTalksStatus(@TargetAggregateIdentifier String talksId, TalksStatus status, String reason, String title,
                         List<String> signatories, String summary, LocalDate date, Source source) {
}
