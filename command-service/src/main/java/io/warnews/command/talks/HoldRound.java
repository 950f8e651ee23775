package io.warnews.command.talks;

import io.warnews.events.Source;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

record HoldRound(@TargetAggregateIdentifier String talksId, int round, String venue, String summary, LocalDate date,
                 Source source) {
}
