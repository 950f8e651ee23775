package io.warnews.command.conflicts;

import io.warnews.command.domain.Recorded;
import io.warnews.command.web.InvalidField;
import io.warnews.command.web.WriteResult;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ConflictsController {

    private final CommandGateway commands;

    ConflictsController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/conflicts")
    ResponseEntity<WriteResult> register(@Valid @RequestBody ConflictBody body) {
        int year = body.startDate().getYear();
        if (year < 0 || year > 9999) {
            // a world date is written with a four-digit year (2022-02-24), as every read model holds it
            throw new InvalidField("startDate", "'" + body.startDate() + "' is not a date with a year from 0000 to 9999");
        }
        Recorded recorded = commands.sendAndWait(new RegisterConflict(body.conflictId(), body.name(),
                body.parties().stream().map(PartyBody::toParty).toList(), body.startDate()));
        return WriteResult.of(body.conflictId(), recorded);
    }
}
