package io.warnews.events;

import java.time.LocalDate;

/** Events of one peace talks' stream. Every move happens on a world date and has a source. */
public sealed interface TalksEvent extends WarEvent
        permits TalksOpened, RoundHeld, TermsProposed, TermsAccepted, TermsRejected, PrisonersExchanged,
        TalksSuspended, TalksResumed, AgreementSigned, TalksCollapsed {

    String talksId();

    LocalDate date();

    Source source();
}
