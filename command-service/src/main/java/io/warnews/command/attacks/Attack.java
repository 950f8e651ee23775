package io.warnews.command.attacks;

import io.warnews.command.domain.ConflictFacts;
import io.warnews.command.domain.Conflicts;
import io.warnews.command.domain.Fingerprint;
import io.warnews.command.domain.Recorded;
import io.warnews.command.domain.Rule;
import io.warnews.command.domain.RuleViolation;
import io.warnews.events.AttackCasualtiesRevised;
import io.warnews.events.AttackCorrected;
import io.warnews.events.AttackDetails;
import io.warnews.events.AttackLaunched;
import io.warnews.events.AttackRetracted;
import io.warnews.events.Weapon;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One attack's stream: launched, its toll revised, corrected or retracted. */
@Aggregate(cache = "aggregateCache")
class Attack {

    @AggregateIdentifier
    private String attackId;
    private String conflictId;
    private String fingerprint;
    private AttackDetails details;
    private boolean retracted;
    private long version;

    Attack() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Recorded handle(LaunchAttack command, Conflicts conflicts, Clock clock) {
        if (attackId != null) {
            if (!fingerprint.equals(Fingerprint.of(command))) {
                throw RuleViolation.of(Rule.ID_REUSED_WITH_OTHER_CONTENT,
                        "attack '%s' is already recorded with other content", attackId);
            }
            return new Recorded(attackId, 0, false);
        }
        requireValid(command.details(), conflicts.require(command.conflictId()), clock);
        apply(new AttackLaunched(command.attackId(), command.conflictId(), command.details(), command.claimant(),
                command.source()));
        return new Recorded(command.attackId(), 0, true);
    }

    @CommandHandler
    Recorded handle(ReviseAttackCasualties command) {
        requireOpen();
        if (command.casualties().equals(details.casualties())) {
            return new Recorded(attackId, version, false);
        }
        apply(new AttackCasualtiesRevised(attackId, conflictId, command.casualties(), command.claimant(),
                command.source()));
        return new Recorded(attackId, version, true);
    }

    @CommandHandler
    Recorded handle(CorrectAttack command, Conflicts conflicts, Clock clock) {
        requireOpen();
        if (command.details().equals(details)) {
            return new Recorded(attackId, version, false);
        }
        requireValid(command.details(), conflicts.require(conflictId), clock);
        apply(new AttackCorrected(attackId, conflictId, command.details(), command.reason(), command.source()));
        return new Recorded(attackId, version, true);
    }

    @CommandHandler
    Recorded handle(RetractAttack command) {
        if (retracted) {
            return new Recorded(attackId, version, false);
        }
        apply(new AttackRetracted(attackId, conflictId, command.reason()));
        return new Recorded(attackId, version, true);
    }

    private void requireOpen() {
        if (retracted) {
            throw RuleViolation.of(Rule.RETRACTED_ATTACK_IS_CLOSED,
                    "attack '%s' was retracted; record a new attack instead", attackId);
        }
    }

    private static void requireValid(AttackDetails details, ConflictFacts conflict, Clock clock) {
        conflict.requireParty(details.attacker(), "attacker");
        conflict.requireWithinConflict(details.startDate(), clock, "startDate");
        if (details.endDate() != null) {
            if (details.endDate().isBefore(details.startDate())) {
                throw RuleViolation.of(Rule.ATTACK_MAY_NOT_END_BEFORE_IT_STARTS,
                        "endDate %s is before startDate %s", details.endDate(), details.startDate());
            }
            conflict.requireWithinConflict(details.endDate(), clock, "endDate");
        }
        if (details.startedAt() != null && details.endedAt() != null
                && details.endedAt().isBefore(details.startedAt())) {
            throw RuleViolation.of(Rule.ATTACK_MAY_NOT_END_BEFORE_IT_STARTS,
                    "endedAt %s is before startedAt %s", details.endedAt(), details.startedAt());
        }
        for (Weapon weapon : details.weapons()) {
            if (weapon.intercepted() != null && weapon.intercepted() > weapon.launched()) {
                throw RuleViolation.of(Rule.INTERCEPTED_MAY_NOT_EXCEED_LAUNCHED,
                        "%s%s: %d intercepted is more than the %d launched", weapon.type(),
                        weapon.model() == null ? "" : " (" + weapon.model() + ")", weapon.intercepted(),
                        weapon.launched());
            }
        }
    }

    @EventSourcingHandler
    void on(AttackLaunched event, @SequenceNumber long sequenceNumber) {
        attackId = event.attackId();
        conflictId = event.conflictId();
        fingerprint = Fingerprint.of(new LaunchAttack(event.attackId(), event.conflictId(), event.details(),
                event.claimant(), event.source()));
        details = event.details();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(AttackCasualtiesRevised event, @SequenceNumber long sequenceNumber) {
        details = details.withCasualties(event.casualties());
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(AttackCorrected event, @SequenceNumber long sequenceNumber) {
        details = event.details();
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(AttackRetracted event, @SequenceNumber long sequenceNumber) {
        retracted = true;
        version = sequenceNumber;
    }
}
