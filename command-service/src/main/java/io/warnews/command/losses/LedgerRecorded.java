package io.warnews.command.losses;

import java.util.List;

/**
 * The result of a loss report write: the ledger's version, each report's own version, and each
 * correction's (the version of the event that recorded it), with the warnings of each.
 */
record LedgerRecorded(String streamId, long version, List<ReportRecorded> reports, List<ReportRecorded> corrections) {

    LedgerRecorded(String streamId, long version, List<ReportRecorded> reports) {
        this(streamId, version, reports, List.of());
    }

    /** One report's result; {@code warnings} lists what the claimant's other figures contradict. */
    record ReportRecorded(String reportId, long version, boolean created, List<String> warnings) {

        ReportRecorded {
            warnings = List.copyOf(warnings);
        }

        ReportRecorded(String reportId, long version, boolean created) {
            this(reportId, version, created, List.of());
        }
    }

    boolean anyCreated() {
        return reports.stream().anyMatch(ReportRecorded::created)
                || corrections.stream().anyMatch(ReportRecorded::created);
    }
}
