package io.warnews.command.talks;

import io.warnews.command.web.Ids;
import io.warnews.command.web.SourceBody;
import io.warnews.events.Term;
import io.warnews.events.TermType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Request bodies of the peace-talks endpoints. Every move has a world date and a source. */
final class TalksRequests {

    private TalksRequests() {
    }

    record Open(
            @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String talksId,
            @NotBlank @Size(max = 300) String title,
            @NotNull @Size(min = 2, max = 20) List<@NotBlank String> parties,
            @Size(max = 20) List<@NotBlank String> mediators,
            @Size(max = 200) String venue,
            @NotNull LocalDate date,
            @NotNull @Valid SourceBody source) {
    }

    record Round(
            @NotNull @Positive Integer round,
            @Size(max = 200) String venue,
            @Size(max = 4000) String summary,
            @NotNull LocalDate date,
            @NotNull @Valid SourceBody source) {
    }

    record Proposal(
            @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String proposalId,
            @NotBlank String proposer,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull TermBody> terms,
            @NotNull LocalDate date,
            @NotNull @Valid SourceBody source) {

        /** Terms without an id are numbered by their place in the proposal: "1", "2", ... */
        List<Term> toTerms() {
            List<Term> result = new ArrayList<>();
            for (int i = 0; i < terms.size(); i++) {
                TermBody term = terms.get(i);
                result.add(new Term(term.termId() != null ? term.termId() : String.valueOf(i + 1), term.type(),
                        term.text(), term.parameters()));
            }
            return result;
        }
    }

    record TermBody(
            @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String termId,
            @NotNull TermType type,
            @NotBlank @Size(max = 2000) String text,
            @Size(max = 20) Map<@NotBlank String, @NotNull String> parameters) {
    }

    enum Answer { ACCEPTED, REJECTED }

    record Response(
            @NotBlank String party,
            @NotNull Answer response,
            @Size(max = 100) List<@NotBlank String> termIds,
            @Size(max = 2000) String reason,
            @NotNull LocalDate date,
            @NotNull @Valid SourceBody source) {
    }

    record Exchange(
            Map<@NotBlank String, @NotNull @PositiveOrZero Integer> prisonersReleased,
            Map<@NotBlank String, @NotNull @PositiveOrZero Integer> bodiesReturned,
            @Size(max = 2000) String description,
            @NotNull LocalDate date,
            @NotNull @Valid SourceBody source) {
    }

    record StatusChange(
            @NotNull TalksStatus status,
            @Size(max = 2000) String reason,
            @Size(max = 300) String title,
            @Size(max = 20) List<@NotBlank String> signatories,
            @Size(max = 4000) String summary,
            @NotNull LocalDate date,
            @NotNull @Valid SourceBody source) {
    }
}
