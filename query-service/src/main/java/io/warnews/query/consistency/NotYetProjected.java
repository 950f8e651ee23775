package io.warnews.query.consistency;

import java.util.List;

/** The wait for a stream version ran out: answered 503 with Retry-After. */
public class NotYetProjected extends RuntimeException {

    private final String streamId;
    private final long version;
    private final List<String> groups;

    NotYetProjected(String streamId, long version, List<String> groups, long waitedMillis) {
        super("stream '" + streamId + "' has not reached version " + version + " in processing group(s) "
                + String.join(", ", groups) + " after " + waitedMillis + " ms");
        this.streamId = streamId;
        this.version = version;
        this.groups = List.copyOf(groups);
    }

    public String streamId() {
        return streamId;
    }

    public long version() {
        return version;
    }

    public List<String> groups() {
        return groups;
    }
}
