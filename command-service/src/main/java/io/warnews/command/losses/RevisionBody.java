package io.warnews.command.losses;

import io.warnews.command.web.SourceBody;
import io.warnews.events.Basis;
import io.warnews.events.WorldDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The claimant's own new figures for a report (all of them: they replace the report's), where it
 * published them (required), and optionally why.
 */
record RevisionBody(
        WorldDate asOf,
        Basis basis,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull FigureBody> figures,
        @Size(max = 1000) String reason,
        @NotNull @Valid SourceBody source) {
}
