package io.warnews.command.attacks;

import io.warnews.command.web.Ids;
import io.warnews.command.web.SourceBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the attack endpoints. */
final class AttackRequests {

    private AttackRequests() {
    }

    /** A new attack: its details, who reports it and where, with an optional client-chosen id. */
    record Launch(
            @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String attackId,
            @NotNull @Valid AttackBody details,
            @NotBlank @Size(max = 200) String claimant,
            @NotNull @Valid SourceBody source) {
    }

    record CasualtyRevision(
            @NotNull @Valid AttackBody.CasualtiesBody casualties,
            @NotBlank @Size(max = 200) String claimant,
            @NotNull @Valid SourceBody source) {
    }

    record Correction(
            @NotNull @Valid AttackBody details,
            @NotBlank @Size(max = 1000) String reason,
            @Valid SourceBody source) {
    }

    record Retraction(@NotBlank @Size(max = 1000) String reason) {
    }
}
