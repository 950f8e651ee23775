package io.warnews.command.losses;

import java.util.List;

/**
 * The result of a change to one report (correction, revision, retraction, restoration): the
 * ledger, the version of the event that recorded it (the report's latest when nothing was
 * recorded), whether this call recorded it, and what the claimant's other figures contradict.
 */
record LossRecorded(String streamId, long version, boolean created, List<String> warnings) {

    LossRecorded {
        warnings = List.copyOf(warnings);
    }

    LossRecorded(String streamId, long version, boolean created) {
        this(streamId, version, created, List.of());
    }
}
