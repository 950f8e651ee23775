package io.warnews.command.attacks;

import io.warnews.command.domain.Recorded;
import io.warnews.command.web.Ids;
import io.warnews.command.web.WriteResult;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

@RestController
class AttacksController {

    private final CommandGateway commands;
    private final AttackBatch batch;

    AttacksController(CommandGateway commands, AttackBatch batch) {
        this.commands = commands;
        this.batch = batch;
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
     * Up to 1,000 new attacks in one request, all or none, each safe to retry: recorded by
     * {@link AttackBatch} in one unit of work and one database transaction.
     */
    @PostMapping("/api/conflicts/{conflictId}/attacks/batch")
    ResponseEntity<BatchResult> batch(@PathVariable String conflictId,
                                      @Valid @RequestBody AttackRequests.Batch body) {
        List<LaunchAttack> launches = body.attacks().stream().map(item -> new LaunchAttack(item.attackId(),
                conflictId, item.details().toDetails(), item.claimant(), item.source().toSource())).toList();
        List<AttackRecorded> recorded = batch.record(launches);
        List<BatchItemResult> results = new ArrayList<>(launches.size());
        for (int i = 0; i < launches.size(); i++) {
            results.add(BatchItemResult.of(launches.get(i).attackId(), recorded.get(i)));
        }
        long created = results.stream().filter(BatchItemResult::created).count();
        return WriteResult.respond(created > 0, new BatchResult(created, results.size() - created, results));
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
