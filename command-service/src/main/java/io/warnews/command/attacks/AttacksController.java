package io.warnews.command.attacks;

import io.warnews.command.domain.Recorded;
import io.warnews.command.domain.Rule;
import io.warnews.command.domain.RuleViolation;
import io.warnews.command.web.Ids;
import io.warnews.command.web.WriteResult;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@RestController
class AttacksController {

    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final AttackStreams streams;

    AttacksController(CommandGateway commands, TransactionManager transactions, AttackStreams streams) {
        this.commands = commands;
        this.transactions = transactions;
        this.streams = streams;
    }

    @PostMapping("/api/conflicts/{conflictId}/attacks")
    ResponseEntity<AttackWriteResult> launch(@PathVariable String conflictId,
                                             @Valid @RequestBody AttackRequests.Launch body) {
        String attackId = Ids.orNew(body.attackId());
        AttackRecorded recorded = commands.sendAndWait(new LaunchAttack(attackId, conflictId,
                body.details().toDetails(), body.claimant(), body.source().toSource()));
        return WriteResult.respond(recorded.created(), AttackWriteResult.of(attackId, recorded));
    }

    /**
     * Up to 1,000 new attacks in one request, all or none: the commands run in one unit of work and
     * one database transaction, so a refusal of any of them records none. Each attack is a retry
     * like a single launch: the same content again is found recorded (its original version), other
     * content on a used id is a 409 naming the attack. Attacks whose streams do not exist yet are
     * created without reading their empty streams first (one query finds which exist).
     */
    @PostMapping("/api/conflicts/{conflictId}/attacks/batch")
    ResponseEntity<BatchResult> batch(@PathVariable String conflictId,
                                      @Valid @RequestBody AttackRequests.Batch body) {
        List<LaunchAttack> launches = body.attacks().stream().map(item -> new LaunchAttack(item.attackId(),
                conflictId, item.details().toDetails(), item.claimant(), item.source().toSource())).toList();
        Set<String> recorded = streams.recorded(launches.stream().map(LaunchAttack::attackId).toList());
        List<BatchItemResult> results = new ArrayList<>(launches.size());
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(transactions);
        try {
            for (int i = 0; i < launches.size(); i++) {
                LaunchAttack launch = launches.get(i);
                Object command = recorded.contains(launch.attackId()) ? launch : new RecordNewAttack(
                        launch.attackId(), launch.conflictId(), launch.details(), launch.claimant(), launch.source());
                results.add(BatchItemResult.of(launch.attackId(), send(i, launch.attackId(), command)));
            }
            batch.commit();
        } catch (RuntimeException | Error e) {
            if (batch.isActive()) {
                batch.rollback(e);
            }
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof AggregateStreamCreationException) {
                    throw new ConcurrencyException("an attack of the batch was recorded by another writer"
                            + " meanwhile; nothing of the batch was recorded", e);
                }
            }
            throw e;
        }
        long created = results.stream().filter(BatchItemResult::created).count();
        return WriteResult.respond(created > 0, new BatchResult(created, results.size() - created, results));
    }

    private AttackRecorded send(int index, String attackId, Object command) {
        try {
            return commands.sendAndWait(command);
        } catch (CommandExecutionException e) {
            if (e.getDetails().orElse(null) instanceof RuleViolation.Details details) {
                throw new RuleViolation(Rule.valueOf(details.rule()), "attacks[%d] ('%s'): %s".formatted(index,
                        attackId, details.message()));
            }
            throw e;
        }
    }

    @PostMapping("/api/attacks/{attackId}/casualty-revisions")
    ResponseEntity<WriteResult> revise(@PathVariable String attackId,
                                       @Valid @RequestBody AttackRequests.CasualtyRevision body) {
        Recorded recorded = commands.sendAndWait(new ReviseAttackCasualties(attackId,
                body.casualties().toCasualties(), body.claimant(), body.source().toSource()));
        return WriteResult.of(attackId, recorded);
    }

    @PostMapping("/api/attacks/{attackId}/corrections")
    ResponseEntity<AttackWriteResult> correct(@PathVariable String attackId,
                                              @Valid @RequestBody AttackRequests.Correction body) {
        AttackRecorded recorded = commands.sendAndWait(new CorrectAttack(attackId, body.details().toDetails(),
                body.reason(), body.source() == null ? null : body.source().toSource()));
        return WriteResult.respond(recorded.created(), AttackWriteResult.of(attackId, recorded));
    }

    @PostMapping("/api/attacks/{attackId}/retraction")
    ResponseEntity<WriteResult> retract(@PathVariable String attackId,
                                        @Valid @RequestBody AttackRequests.Retraction body) {
        return WriteResult.of(attackId, commands.sendAndWait(new RetractAttack(attackId, body.reason())));
    }

    /** A batch's answer: how many attacks this call recorded and found already recorded, and each one's result. */
    record BatchResult(long recorded, long alreadyRecorded, List<BatchItemResult> attacks) {
    }

    /** One attack of a batch: its stream and version, whether this call recorded it, and its warnings. */
    record BatchItemResult(String id, String streamId, long version, boolean created,
                           List<AttackChecks.Warning> warnings) {

        static BatchItemResult of(String id, AttackRecorded recorded) {
            return new BatchItemResult(id, recorded.streamId(), recorded.version(), recorded.created(),
                    recorded.warnings());
        }
    }
}
