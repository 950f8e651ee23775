package io.warnews.command.attacks;

import io.warnews.command.web.Ids;
import io.warnews.command.web.SourceBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

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

    /**
     * Many new attacks of one conflict, recorded all or none. Every attack names its id (required
     * here: a batch is what one retries after a time-out), and an id appears once.
     */
    record Batch(
            @NotNull @Size(min = 1, max = MAX_BATCH, message = "must hold 1 to 1,000 attacks")
            List<@Valid @NotNull BatchItem> attacks) {

        static final int MAX_BATCH = 1000;

        @AssertTrue(message = "each attackId may appear only once in a batch")
        boolean isEachIdOnce() {
            return attacks == null || attacks.stream().filter(java.util.Objects::nonNull).map(BatchItem::attackId)
                    .filter(java.util.Objects::nonNull).distinct().count()
                    == attacks.stream().filter(java.util.Objects::nonNull).filter(a -> a.attackId() != null).count();
        }
    }

    /** One attack of a batch: as a single launch, with its id required. */
    record BatchItem(
            @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String attackId,
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
