package io.warnews.command.talks;

import io.warnews.command.web.Ids;
import io.warnews.command.web.WriteResult;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class TalksController {

    private final CommandGateway commands;

    TalksController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/conflicts/{conflictId}/talks")
    ResponseEntity<WriteResult> open(@PathVariable String conflictId, @Valid @RequestBody TalksRequests.Open body) {
        String talksId = Ids.orNew(body.talksId());
        return WriteResult.of(talksId, commands.sendAndWait(new OpenTalks(talksId, conflictId, body.title(),
                body.parties(), body.mediators() == null ? List.of() : body.mediators(), body.venue(), body.date(),
                body.source().toSource())));
    }

    @PostMapping("/api/talks/{talksId}/rounds")
    ResponseEntity<WriteResult> round(@PathVariable String talksId, @Valid @RequestBody TalksRequests.Round body) {
        return WriteResult.of(talksId, commands.sendAndWait(new HoldRound(talksId, body.round(), body.venue(),
                body.summary(), body.date(), body.source().toSource())));
    }

    @PostMapping("/api/talks/{talksId}/proposals")
    ResponseEntity<WriteResult> propose(@PathVariable String talksId,
                                        @Valid @RequestBody TalksRequests.Proposal body) {
        String proposalId = Ids.orNew(body.proposalId());
        return WriteResult.of(proposalId, commands.sendAndWait(new ProposeTerms(talksId, proposalId,
                body.proposer(), body.toTerms(), body.date(), body.source().toSource())));
    }

    @PostMapping("/api/talks/{talksId}/proposals/{proposalId}/responses")
    ResponseEntity<WriteResult> respond(@PathVariable String talksId, @PathVariable String proposalId,
                                        @Valid @RequestBody TalksRequests.Response body) {
        return WriteResult.of(proposalId, commands.sendAndWait(new RespondToProposal(talksId, proposalId,
                body.party(), body.response() == TalksRequests.Answer.ACCEPTED, body.termIds(), body.reason(),
                body.date(), body.source().toSource())));
    }

    @PostMapping("/api/talks/{talksId}/prisoner-exchanges")
    ResponseEntity<WriteResult> exchange(@PathVariable String talksId,
                                         @Valid @RequestBody TalksRequests.Exchange body) {
        return WriteResult.of(talksId, commands.sendAndWait(new ExchangePrisoners(talksId,
                body.prisonersReleased(), body.bodiesReturned(), body.description(), body.date(),
                body.source().toSource())));
    }

    @PostMapping("/api/talks/{talksId}/status")
    ResponseEntity<WriteResult> status(@PathVariable String talksId,
                                       @Valid @RequestBody TalksRequests.StatusChange body) {
        return WriteResult.of(talksId, commands.sendAndWait(new ChangeTalksStatus(talksId, body.status(),
                body.reason(), body.title(), body.signatories(), body.summary(), body.date(),
                body.source().toSource())));
    }
}
