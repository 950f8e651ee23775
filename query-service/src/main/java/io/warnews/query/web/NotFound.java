package io.warnews.query.web;

/** A stream the read models do not know (yet): answered 404. */
public class NotFound extends RuntimeException {

    public NotFound(String what, String id) {
        super(what + " '" + id + "' is not known");
    }
}
