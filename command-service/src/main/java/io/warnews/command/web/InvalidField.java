package io.warnews.command.web;

/** A field of a request that breaks a limit no annotation can express: answered 400 naming it. */
public class InvalidField extends RuntimeException {

    private final String field;
    private final String problem;

    public InvalidField(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
