package io.warnews.command.attacks;

import io.warnews.events.AttackDetails;
import io.warnews.events.Source;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A launch whose stream the batch found not recorded yet: created without reading the (empty)
 * stream first. Should another writer create it in between, the append loses the race (a 409).
 */
record RecordNewAttack(@TargetAggregateIdentifier String attackId, String conflictId, AttackDetails details,
                       String claimant, Source source) {

    LaunchAttack launch() {
        return new LaunchAttack(attackId, conflictId, details, claimant, source);
    }
}
