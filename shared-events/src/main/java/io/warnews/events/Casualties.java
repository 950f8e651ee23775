package io.warnews.events;

/** People killed and injured. A null count means "not reported", which is not zero. */
public record Casualties(Integer killed, Integer injured) {

    public static final Casualties UNREPORTED = new Casualties(null, null);
}
