package io.warnews.command.talks;

import io.warnews.events.Source;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

record OpenTalks(@TargetAggregateIdentifier String talksId, String conflictId, String title, List<String> parties,
                 List<String> mediators, String venue, LocalDate date, Source source) {
}
