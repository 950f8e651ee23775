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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One attack's stream: launched, its toll revised, corrected or retracted. Shape and dates are
 * refused when wrong; a report inconsistent with itself is recorded as published, with warnings
 * ({@link AttackChecks}).
 */
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
    AttackRecorded handle(LaunchAttack command, Conflicts conflicts, Clock clock) {
        List<AttackChecks.Warning> warnings = AttackChecks.warnings(command.details());
        if (attackId != null) {
            if (!fingerprint.equals(Fingerprint.of(command))) {
                throw RuleViolation.of(Rule.ID_REUSED_WITH_OTHER_CONTENT,
                        "attack '%s' is already recorded with other content", attackId);
            }
            return new AttackRecorded(attackId, 0, false, warnings);
        }
        requireValid(command.details(), conflicts.require(command.conflictId()), clock);
        apply(new AttackLaunched(command.attackId(), command.conflictId(), command.details(), command.claimant(),
                command.source()));
        return new AttackRecorded(command.attackId(), 0, true, warnings);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    AttackRecorded handle(RecordNewAttack command, Conflicts conflicts, Clock clock) {
        return handle(command.launch(), conflicts, clock);
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
    AttackRecorded handle(CorrectAttack command, Conflicts conflicts, Clock clock) {
        requireOpen();
        List<AttackChecks.Warning> warnings = AttackChecks.warnings(command.details());
        if (command.details().equals(details)) {
            return new AttackRecorded(attackId, version, false, warnings);
        }
        requireValid(command.details(), conflicts.require(conflictId), clock);
        apply(new AttackCorrected(attackId, conflictId, command.details(), command.reason(), command.source()));
        return new AttackRecorded(attackId, version, true, warnings);
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
