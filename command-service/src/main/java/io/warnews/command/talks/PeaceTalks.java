package io.warnews.command.talks;

import io.warnews.command.domain.ConflictFacts;
import io.warnews.command.domain.Conflicts;
import io.warnews.command.domain.Fingerprint;
import io.warnews.command.domain.Recorded;
import io.warnews.command.domain.Rule;
import io.warnews.command.domain.RuleViolation;
import io.warnews.events.AgreementSigned;
import io.warnews.events.PrisonersExchanged;
import io.warnews.events.RoundHeld;
import io.warnews.events.TalksCollapsed;
import io.warnews.events.TalksOpened;
import io.warnews.events.TalksResumed;
import io.warnews.events.TalksSuspended;
import io.warnews.events.Term;
import io.warnews.events.TermsAccepted;
import io.warnews.events.TermsProposed;
import io.warnews.events.TermsRejected;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Peace talks as a state machine: open, suspended, concluded or collapsed. Only a party to the
 * talks proposes or responds, and only to another party's proposal; closed talks accept nothing.
 */
@Aggregate(cache = "aggregateCache")
class PeaceTalks {

    @AggregateIdentifier
    private String talksId;
    private String conflictId;
    private String fingerprint;
    private Set<String> parties = new HashSet<>();
    private LocalDate openedOn;
    private TalksStatus status;
    private long version;
    /** Each round's content fingerprint and the version that recorded it. */
    private Map<Integer, Known> rounds = new HashMap<>();
    private Map<String, Proposal> proposals = new HashMap<>();
    /** Responses already given, as "proposal/term/party" to whether it was accepted. */
    private Map<String, Boolean> responses = new HashMap<>();
    /** Each exchange's content fingerprint and the version that recorded it. */
    private Map<String, Long> exchanges = new HashMap<>();

    PeaceTalks() {
    }

    /** A recorded move's content, to recognise a retry, and the version that recorded it. */
    record Known(String fingerprint, long version) {
    }

    /** What the rules need of a proposal: who made it, its terms, and its content for retries. */
    record Proposal(String proposer, List<String> termIds, String fingerprint, long version) {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Recorded handle(OpenTalks command, Conflicts conflicts, Clock clock) {
        if (talksId != null) {
            if (!fingerprint.equals(Fingerprint.of(command))) {
                throw RuleViolation.of(Rule.ID_REUSED_WITH_OTHER_CONTENT,
                        "talks '%s' are already recorded with other content", talksId);
            }
            return new Recorded(talksId, 0, false);
        }
        ConflictFacts conflict = conflicts.require(command.conflictId());
        if (new HashSet<>(command.parties()).size() < 2) {
            throw RuleViolation.of(Rule.TALKS_NEED_TWO_PARTIES_OF_THE_CONFLICT,
                    "talks need at least two distinct parties");
        }
        command.parties().forEach(party -> conflict.requireParty(party, "party"));
        conflict.requireWithinConflict(command.date(), clock, "date");
        apply(new TalksOpened(command.talksId(), command.conflictId(), command.title(), command.parties(),
                command.mediators(), command.venue(), command.date(), command.source()));
        return new Recorded(command.talksId(), 0, true);
    }

    @CommandHandler
    Recorded handle(HoldRound command, Conflicts conflicts, Clock clock) {
        Known round = rounds.get(command.round());
        if (round != null) {
            if (!round.fingerprint().equals(Fingerprint.of(command))) {
                throw RuleViolation.of(Rule.ID_REUSED_WITH_OTHER_CONTENT,
                        "round %d of talks '%s' is already recorded with other content", command.round(), talksId);
            }
            return new Recorded(talksId, round.version(), false);
        }
        requireNotClosed();
        requireNotSuspended("hold a round");
        if (command.round() != rounds.size() + 1) {
            throw RuleViolation.of(Rule.ROUNDS_ARE_NUMBERED_IN_ORDER,
                    "the next round of talks '%s' is round %d, not %d", talksId, rounds.size() + 1,
                    command.round());
        }
        requireDate(command.date(), conflicts, clock);
        apply(new RoundHeld(talksId, conflictId, command.round(), command.venue(), command.summary(),
                command.date(), command.source()));
        return changed();
    }

    @CommandHandler
    Recorded handle(ProposeTerms command, Conflicts conflicts, Clock clock) {
        Proposal known = proposals.get(command.proposalId());
        if (known != null) {
            if (!known.fingerprint().equals(Fingerprint.of(command))) {
                throw RuleViolation.of(Rule.ID_REUSED_WITH_OTHER_CONTENT,
                        "proposal '%s' is already recorded with other content", command.proposalId());
            }
            return new Recorded(talksId, known.version(), false);
        }
        requireNotClosed();
        requireNotSuspended("propose terms");
        requireParty(command.proposer());
        Set<String> termIds = new HashSet<>();
        for (Term term : command.terms()) {
            if (!termIds.add(term.termId())) {
                throw RuleViolation.of(Rule.TERM_IDS_MUST_BE_UNIQUE,
                        "term id '%s' appears more than once in proposal '%s'", term.termId(),
                        command.proposalId());
            }
        }
        requireDate(command.date(), conflicts, clock);
        apply(new TermsProposed(talksId, conflictId, command.proposalId(), command.proposer(), command.terms(),
                command.date(), command.source()));
        return changed();
    }

    @CommandHandler
    Recorded handle(RespondToProposal command, Conflicts conflicts, Clock clock) {
        Proposal proposal = proposals.get(command.proposalId());
        if (proposal == null) {
            throw RuleViolation.of(Rule.PROPOSAL_MUST_EXIST, "proposal '%s' is not recorded in talks '%s'",
                    command.proposalId(), talksId);
        }
        List<String> termIds = command.termIds() == null || command.termIds().isEmpty()
                ? proposal.termIds() : List.copyOf(new LinkedHashSet<>(command.termIds()));
        for (String termId : termIds) {
            if (!proposal.termIds().contains(termId)) {
                throw RuleViolation.of(Rule.TERM_MUST_BELONG_TO_PROPOSAL,
                        "proposal '%s' has no term '%s' (terms: %s)", command.proposalId(), termId,
                        String.join(", ", proposal.termIds()));
            }
        }
        if (termIds.stream().allMatch(t -> Boolean.valueOf(command.accepted())
                .equals(responses.get(responseKey(command.proposalId(), t, command.party()))))) {
            return unchanged();
        }
        requireNotClosed();
        requireParty(command.party());
        if (proposal.proposer().equals(command.party())) {
            throw RuleViolation.of(Rule.NO_RESPONSE_TO_ONES_OWN_PROPOSAL,
                    "%s made proposal '%s' and cannot respond to it", command.party(), command.proposalId());
        }
        for (String termId : termIds) {
            if (responses.containsKey(responseKey(command.proposalId(), termId, command.party()))) {
                throw RuleViolation.of(Rule.A_RESPONSE_STANDS,
                        "%s already answered term '%s' of proposal '%s'; a response stands",
                        command.party(), termId, command.proposalId());
            }
        }
        requireDate(command.date(), conflicts, clock);
        if (command.accepted()) {
            apply(new TermsAccepted(talksId, conflictId, command.proposalId(), command.party(), termIds,
                    command.date(), command.source()));
        } else {
            apply(new TermsRejected(talksId, conflictId, command.proposalId(), command.party(), termIds,
                    command.reason(), command.date(), command.source()));
        }
        return changed();
    }

    @CommandHandler
    Recorded handle(ExchangePrisoners command, Conflicts conflicts, Clock clock) {
        PrisonersExchanged exchanged = new PrisonersExchanged(talksId, conflictId, command.prisonersReleased(),
                command.bodiesReturned(), command.description(), command.date(), command.source());
        Long recorded = exchanges.get(Fingerprint.of(exchanged));
        if (recorded != null) {
            return new Recorded(talksId, recorded, false);
        }
        requireNotClosed();
        exchanged.prisonersReleased().keySet().forEach(this::requireParty);
        exchanged.bodiesReturned().keySet().forEach(this::requireParty);
        requireDate(command.date(), conflicts, clock);
        apply(exchanged);
        return changed();
    }

    @CommandHandler
    Recorded handle(ChangeTalksStatus command, Conflicts conflicts, Clock clock) {
        if (command.status() == status) {
            return unchanged();
        }
        requireNotClosed();
        requireDate(command.date(), conflicts, clock);
        switch (command.status()) {
            case SUSPENDED -> apply(new TalksSuspended(talksId, conflictId, command.reason(), command.date(),
                    command.source()));
            case OPEN -> apply(new TalksResumed(talksId, conflictId, command.reason(), command.date(),
                    command.source()));
            case CONCLUDED -> {
                requireNotSuspended("sign an agreement");
                List<String> signatories = command.signatories() == null ? List.of() : command.signatories();
                signatories.forEach(this::requireParty);
                apply(new AgreementSigned(talksId, conflictId, command.title(), signatories, command.summary(),
                        command.date(), command.source()));
            }
            case COLLAPSED -> apply(new TalksCollapsed(talksId, conflictId, command.reason(), command.date(),
                    command.source()));
        }
        return changed();
    }

    private void requireNotClosed() {
        if (status.closed()) {
            throw RuleViolation.of(Rule.CLOSED_TALKS_ACCEPT_NOTHING, "talks '%s' are %s and accept nothing more",
                    talksId, status.name().toLowerCase());
        }
    }

    private void requireNotSuspended(String action) {
        if (status == TalksStatus.SUSPENDED) {
            throw RuleViolation.of(Rule.SUSPENDED_TALKS_MUST_RESUME_FIRST,
                    "talks '%s' are suspended: resume them before you %s", talksId, action);
        }
    }

    private void requireParty(String party) {
        if (!parties.contains(party)) {
            throw RuleViolation.of(Rule.ONLY_A_PARTY_TO_THE_TALKS_MAY_ACT,
                    "'%s' is not a party to talks '%s' (parties: %s)", party, talksId,
                    String.join(", ", parties.stream().sorted().toList()));
        }
    }

    private void requireDate(LocalDate date, Conflicts conflicts, Clock clock) {
        if (date.isBefore(openedOn)) {
            throw RuleViolation.of(Rule.TALKS_MAY_NOT_PRECEDE_THEIR_OPENING,
                    "date %s is before talks '%s' opened on %s", date, talksId, openedOn);
        }
        conflicts.require(conflictId).requireWithinConflict(date, clock, "date");
    }

    private static String responseKey(String proposalId, String termId, String party) {
        return proposalId + "/" + termId + "/" + party;
    }

    private Recorded unchanged() {
        return new Recorded(talksId, version, false);
    }

    private Recorded changed() {
        return new Recorded(talksId, version, true);
    }

    @EventSourcingHandler
    void on(TalksOpened event, @SequenceNumber long sequenceNumber) {
        talksId = event.talksId();
        conflictId = event.conflictId();
        fingerprint = Fingerprint.of(new OpenTalks(event.talksId(), event.conflictId(), event.title(),
                event.parties(), event.mediators(), event.venue(), event.date(), event.source()));
        parties = new HashSet<>(event.parties());
        openedOn = event.date();
        status = TalksStatus.OPEN;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(RoundHeld event, @SequenceNumber long sequenceNumber) {
        rounds.put(event.round(), new Known(Fingerprint.of(new HoldRound(talksId, event.round(), event.venue(),
                event.summary(), event.date(), event.source())), sequenceNumber));
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(TermsProposed event, @SequenceNumber long sequenceNumber) {
        String content = Fingerprint.of(new ProposeTerms(talksId, event.proposalId(), event.proposer(),
                event.terms(), event.date(), event.source()));
        proposals.put(event.proposalId(), new Proposal(event.proposer(),
                event.terms().stream().map(Term::termId).toList(), content, sequenceNumber));
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(TermsAccepted event, @SequenceNumber long sequenceNumber) {
        event.termIds().forEach(t -> responses.put(responseKey(event.proposalId(), t, event.party()), true));
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(TermsRejected event, @SequenceNumber long sequenceNumber) {
        event.termIds().forEach(t -> responses.put(responseKey(event.proposalId(), t, event.party()), false));
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(PrisonersExchanged event, @SequenceNumber long sequenceNumber) {
        exchanges.put(Fingerprint.of(event), sequenceNumber);
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(TalksSuspended event, @SequenceNumber long sequenceNumber) {
        status = TalksStatus.SUSPENDED;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(TalksResumed event, @SequenceNumber long sequenceNumber) {
        status = TalksStatus.OPEN;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(AgreementSigned event, @SequenceNumber long sequenceNumber) {
        status = TalksStatus.CONCLUDED;
        version = sequenceNumber;
    }

    @EventSourcingHandler
    void on(TalksCollapsed event, @SequenceNumber long sequenceNumber) {
        status = TalksStatus.COLLAPSED;
        version = sequenceNumber;
    }
}
