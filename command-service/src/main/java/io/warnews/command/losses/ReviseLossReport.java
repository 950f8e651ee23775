package io.warnews.command.losses;

import io.warnews.events.Basis;
import io.warnews.events.LossFigure;
import io.warnews.events.Source;
import io.warnews.events.WorldDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * The claimant changed a report's figures itself; {@code source} is where it published the new
 * ones. World date and basis stay the report's when not given.
 */
record ReviseLossReport(@TargetAggregateIdentifier String ledgerId, String reportId, WorldDate asOf, Basis basis,
                        List<LossFigure> figures, String reason, Source source) {
}
