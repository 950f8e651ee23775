package io.warnews.command.losses;

import io.warnews.command.web.Ids;
import io.warnews.command.web.SourceBody;
import io.warnews.events.Basis;
import io.warnews.events.WorldDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A single loss report: who claims what about whose losses, as of when, from which source. */
record LossReportBody(
        @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String reportId,
        @NotBlank @Size(max = 20) String side,
        @NotBlank @Size(max = 200) String claimant,
        @NotNull WorldDate asOf,
        Basis basis,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull FigureBody> figures,
        @NotNull @Valid SourceBody source) {

    LossReport toReport() {
        return new LossReport(Ids.orNew(reportId), asOf, basis == null ? Basis.CUMULATIVE : basis,
                figures.stream().map(FigureBody::toFigure).toList(), source.toSource());
    }
}
