package io.warnews.query.processing;

/** The named processing groups, one per read model; each is a tracking processor of its own. */
public final class ProcessingGroups {

    public static final String CONFLICTS = "conflicts";
    public static final String LOSSES = "losses";
    public static final String ATTACKS = "attacks";
    public static final String TALKS = "talks";
    public static final String TIMELINE = "timeline";

    private ProcessingGroups() {
    }
}
