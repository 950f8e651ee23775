package io.warnews.command.talks;

import io.warnews.events.Source;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Map;

record ExchangePrisoners(@TargetAggregateIdentifier String talksId, Map<String, Integer> prisonersReleased,
                         Map<String, Integer> bodiesReturned, String description, LocalDate date, Source source) {
}
