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

@RestController
class AttacksController {

    private final CommandGateway commands;

    AttacksController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/conflicts/{conflictId}/attacks")
    ResponseEntity<WriteResult> launch(@PathVariable String conflictId,
                                       @Valid @RequestBody AttackRequests.Launch body) {
        String attackId = Ids.orNew(body.attackId());
        Recorded recorded = commands.sendAndWait(new LaunchAttack(attackId, conflictId, body.details().toDetails(),
                body.claimant(), body.source().toSource()));
        return WriteResult.of(attackId, recorded);
    }

    @PostMapping("/api/attacks/{attackId}/casualty-revisions")
    ResponseEntity<WriteResult> revise(@PathVariable String attackId,
                                       @Valid @RequestBody AttackRequests.CasualtyRevision body) {
        Recorded recorded = commands.sendAndWait(new ReviseAttackCasualties(attackId,
                body.casualties().toCasualties(), body.claimant(), body.source().toSource()));
        return WriteResult.of(attackId, recorded);
    }

    @PostMapping("/api/attacks/{attackId}/corrections")
    ResponseEntity<WriteResult> correct(@PathVariable String attackId,
                                        @Valid @RequestBody AttackRequests.Correction body) {
        Recorded recorded = commands.sendAndWait(new CorrectAttack(attackId, body.details().toDetails(),
                body.reason(), body.source() == null ? null : body.source().toSource()));
        return WriteResult.of(attackId, recorded);
    }

    @PostMapping("/api/attacks/{attackId}/retraction")
    ResponseEntity<WriteResult> retract(@PathVariable String attackId,
                                        @Valid @RequestBody AttackRequests.Retraction body) {
        return WriteResult.of(attackId, commands.sendAndWait(new RetractAttack(attackId, body.reason())));
    }
}
