package io.warnews.command.losses;

import io.warnews.command.web.SourceBody;
import io.warnews.events.Basis;
import io.warnews.events.WorldDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The corrected figures (all of them: they replace the report's), why, and optionally where it was said. */
record CorrectionBody(
        WorldDate asOf,
        Basis basis,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull FigureBody> figures,
        @NotBlank @Size(max = 1000) String reason,
        @Valid SourceBody source) {
}
