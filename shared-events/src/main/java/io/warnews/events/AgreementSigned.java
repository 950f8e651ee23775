package io.warnews.events;

import java.time.LocalDate;
import java.util.List;

/** The talks concluded with a signed agreement; nothing more can be proposed in them. */
public record AgreementSigned(
        String talksId, String conflictId, String title, List<String> signatories, String summary, LocalDate date,
        Source source) implements TalksEvent {

    public AgreementSigned {
        signatories = List.copyOf(signatories);
    }
}
