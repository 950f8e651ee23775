package io.warnews.command.losses;

import java.util.List;

/** The result of a loss report write: the ledger's version, and each report's own version. */
record LedgerRecorded(String streamId, long version, List<ReportRecorded> reports) {

    record ReportRecorded(String reportId, long version, boolean created) {
    }

    boolean anyCreated() {
        return reports.stream().anyMatch(ReportRecorded::created);
    }
}
