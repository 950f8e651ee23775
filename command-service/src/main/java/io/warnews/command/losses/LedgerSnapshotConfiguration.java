package io.warnews.command.losses;

import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.charset.StandardCharsets;

/**
 * Which stored snapshots of a ledger are read. A ledger's snapshot of the earlier form (reports
 * remembered by digests, without their submitted content) is skipped: the ledger is rebuilt from
 * its events, and its next snapshot has the current form.
 */
@Configuration(proxyBeanMethods = false)
class LedgerSnapshotConfiguration {

    /** A field only the earlier form of a snapshot has. */
    static final String EARLIER_FORM_MARK = "\"contentFingerprint\"";

    @Bean
    SnapshotFilter ledgerSnapshotFilter() {
        return snapshot -> {
            Object data = snapshot.getPayload().getData();
            String text = data instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(data);
            return !text.contains(EARLIER_FORM_MARK);
        };
    }
}
