package io.warnews.query.web;

/** A query parameter that cannot be understood: answered 400, naming the parameter. */
public class BadParameter extends RuntimeException {

    private final String parameter;

    public BadParameter(String parameter, String problem) {
        super(parameter + ": " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
