package io.warnews.command.losses;

import io.warnews.command.web.Ids;
import io.warnews.command.web.SourceBody;
import io.warnews.events.Basis;
import io.warnews.events.WorldDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Many reports of one claimant on one side's losses, recorded all or none, one event each. Every
 * item names its report id (required here: a batch is what one retries after a time-out).
 * Corrections of reports already in the ledger, if any, are recorded first, in the same all or none.
 */
record LossBatchBody(
        @NotBlank @Size(max = 20) String side,
        @NotBlank @Size(max = 200) String claimant,
        Basis basis,
        @Size(max = LossBatchBody.MAX_REPORTS) List<@Valid @NotNull Item> reports,
        @Size(max = LossBatchBody.MAX_REPORTS) List<@Valid @NotNull Correction> corrections) {

    static final int MAX_REPORTS = 5000;

    record Item(
            @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String reportId,
            @NotNull WorldDate asOf,
            Basis basis,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull FigureBody> figures,
            @NotNull @Valid SourceBody source) {
    }

    /** A correction of a report of this ledger: its id, the corrected figures, why. */
    record Correction(
            @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String reportId,
            WorldDate asOf,
            Basis basis,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull FigureBody> figures,
            @NotBlank @Size(max = 1000) String reason,
            @Valid SourceBody source) {
    }

    @AssertTrue(message = "a batch needs at least one report or correction")
    boolean isNotEmpty() {
        return (reports != null && !reports.isEmpty()) || (corrections != null && !corrections.isEmpty());
    }

    List<CorrectLossReport> toCorrections(String ledgerId) {
        return corrections == null ? List.of() : corrections.stream().map(c -> new CorrectLossReport(ledgerId,
                c.reportId(), c.asOf(), c.basis(), c.figures().stream().map(FigureBody::toFigure).toList(),
                c.reason(), c.source() == null ? null : c.source().toSource())).toList();
    }

    List<LossReport> toReports() {
        return reports == null ? List.of() : reports.stream().map(item -> new LossReport(item.reportId(), item.asOf(),
                item.basis() != null ? item.basis() : basis != null ? basis : Basis.CUMULATIVE,
                item.figures().stream().map(FigureBody::toFigure).toList(), item.source().toSource())).toList();
    }
}
