package io.warnews.query.conflicts;

import io.warnews.events.Party;
import java.time.LocalDate;
import java.util.List;

/** A registered conflict as the read side knows it. */
public record Conflict(String id, String name, List<Party> parties, LocalDate startDate) {

    public boolean hasParty(String code) {
        return parties.stream().anyMatch(party -> party.code().equals(code));
    }

    public List<String> partyCodes() {
        return parties.stream().map(Party::code).toList();
    }
}
