package io.warnews.command.domain;

import java.util.Optional;

/** Looks up registered conflicts; command handlers receive it as a parameter. */
public interface Conflicts {

    Optional<ConflictFacts> find(String conflictId);

    default ConflictFacts require(String conflictId) {
        return find(conflictId).orElseThrow(() ->
                RuleViolation.of(Rule.CONFLICT_MUST_EXIST, "conflict '%s' is not registered", conflictId));
    }
}
