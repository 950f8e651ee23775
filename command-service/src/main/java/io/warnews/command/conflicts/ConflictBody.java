package io.warnews.command.conflicts;

import io.warnews.command.web.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** A conflict to register: its id (a slug such as {@code russia-ukraine}), name, parties and first day. */
record ConflictBody(
        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String conflictId,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(min = 2, max = 20) List<@Valid @NotNull PartyBody> parties,
        @NotNull LocalDate startDate) {
}
