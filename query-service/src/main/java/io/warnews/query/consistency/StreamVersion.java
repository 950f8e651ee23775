package io.warnews.query.consistency;

import io.warnews.query.web.BadParameter;

/** {@code <streamId>@<version>}, as a write answered it; the stream id may itself contain '/'. */
record StreamVersion(String streamId, long version) {

    static StreamVersion parse(String text) {
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw new BadParameter("waitFor", "'" + text + "' is not of the form <streamId>@<version>");
        }
        try {
            long version = Long.parseLong(text.substring(at + 1));
            if (version < 0) {
                throw new NumberFormatException();
            }
            return new StreamVersion(text.substring(0, at), version);
        } catch (NumberFormatException e) {
            throw new BadParameter("waitFor", "'" + text.substring(at + 1) + "' is not a stream version (0 or more)");
        }
    }
}
