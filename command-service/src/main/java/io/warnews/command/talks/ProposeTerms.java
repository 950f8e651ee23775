package io.warnews.command.talks;

import io.warnews.events.Source;
import io.warnews.events.Term;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

record ProposeTerms(@TargetAggregateIdentifier String talksId, String proposalId, String proposer, List<Term> terms,
                    LocalDate date, Source source) {
}
