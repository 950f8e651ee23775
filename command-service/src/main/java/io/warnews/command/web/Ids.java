package io.warnews.command.web;

import io.warnews.events.axon.RandomIds;

/** Client-chosen ids make retries safe; a request without one gets a fresh id and no such safety. */
public final class Ids {

    /** Readable slugs or UUIDs: letters, digits, dot, underscore, dash; up to 100 characters. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";
    public static final String MESSAGE = "must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private Ids() {
    }

    public static String orNew(String clientId) {
        return clientId != null ? clientId : RandomIds.next();
    }
}
