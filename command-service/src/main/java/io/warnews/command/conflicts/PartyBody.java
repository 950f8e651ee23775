package io.warnews.command.conflicts;

import io.warnews.events.Party;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record PartyBody(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_-]{1,19}", message = "must be an upper-case code such as RU or UA")
        String code,
        @NotBlank @Size(max = 200) String name) {

    Party toParty() {
        return new Party(code, name);
    }
}
