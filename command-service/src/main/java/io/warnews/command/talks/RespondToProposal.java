package io.warnews.command.talks;

import io.warnews.events.Source;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** A party accepts or rejects terms of a proposal; no term ids means the whole proposal. */
record RespondToProposal(@TargetAggregateIdentifier String talksId, String proposalId, String party,
                         boolean accepted, List<String> termIds, String reason, LocalDate date, Source source) {
}
