package io.warnews.command.attacks;

import io.warnews.command.domain.Rule;
import io.warnews.command.domain.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Records many new attacks, all or none: their commands run in one unit of work and one database
 * transaction, so a refusal of any of them records none (the refusal names the attack by its place
 * in the batch). Each attack is a retry like a single launch: the same content again is found
 * recorded (its original version), other content on a used id is refused. Attacks whose streams do
 * not exist yet are created without reading their empty streams first (one query finds which exist).
 */
@Component
class AttackBatch {

    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final AttackStreams streams;

    AttackBatch(CommandGateway commands, TransactionManager transactions, AttackStreams streams) {
        this.commands = commands;
        this.transactions = transactions;
        this.streams = streams;
    }

    /** Each launch's result, in the order given. */
    List<AttackRecorded> record(List<LaunchAttack> launches) {
        Set<String> recorded = streams.recorded(launches.stream().map(LaunchAttack::attackId).toList());
        List<AttackRecorded> results = new ArrayList<>(launches.size());
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(transactions);
        try {
            for (int i = 0; i < launches.size(); i++) {
                LaunchAttack launch = launches.get(i);
                Object command = recorded.contains(launch.attackId()) ? launch : new RecordNewAttack(
                        launch.attackId(), launch.conflictId(), launch.details(), launch.claimant(), launch.source());
                results.add(send(i, launch.attackId(), command));
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
        return results;
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
}
