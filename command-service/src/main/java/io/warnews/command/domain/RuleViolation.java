package io.warnews.command.domain;

import org.axonframework.commandhandling.CommandExecutionException;

/**
 * A command refused by a rule of the domain. The rule's name travels in the details, so the HTTP
 * layer can answer with it whether the command ran in this process or behind Axon Server.
 */
public class RuleViolation extends CommandExecutionException {

    public RuleViolation(Rule rule, String message) {
        super(message, null, new Details(rule.name(), rule.refusal(), message));
    }

    public static RuleViolation of(Rule rule, String format, Object... args) {
        return new RuleViolation(rule, String.format(format, args));
    }

    /** What the HTTP layer needs to answer: the rule, how it refuses, and the message in words. */
    public record Details(String rule, Refusal refusal, String message) {
    }
}
