package io.warnews.command.losses;

import java.util.List;

/**
 * The result of a loss report write: the ledger's version, each report's own version, and each
 * correction's (the version of the event that recorded it).
 */
record LedgerRecorded(String streamId, long version, List<ReportRecorded> reports, List<ReportRecorded> corrections) {

    LedgerRecorded(String streamId, long version, List<ReportRecorded> reports) {
        this(streamId, version, reports, List.of());
    }

    record ReportRecorded(String reportId, long version, boolean created) {
    }

    boolean anyCreated() {
        return reports.stream().anyMatch(ReportRecorded::created)
                || corrections.stream().anyMatch(ReportRecorded::created);
    }
}
