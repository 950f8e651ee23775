package io.warnews.command.losses;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * After a start, the ledgers written to most recently are read into the aggregate cache on a
 * background thread, the longest first, so that the first editor to write to a long ledger after a restart or a
 * deployment does not wait for its snapshot to be read (seconds for a ledger of ten thousand
 * reports). Requests are served meanwhile: one that needs a ledger being read waits for that read,
 * as it would have had to read it itself. Reading changes nothing; a ledger that fails to read is
 * skipped (the request that needs it reads it again and answers as usual).
 * <p>
 * From the service's start until the warm-up has ended, for at most {@code ready-within}, its
 * health and its readiness say {@code OUT_OF_SERVICE} (503; {@link LedgerWarmUpHealthIndicator}):
 * a load balancer or an orchestrator that waits for them sends editors once the long ledgers are
 * in memory.
 */
@Component
class LedgerWarmUp {

    private static final Logger log = LoggerFactory.getLogger(LedgerWarmUp.class);

    private final org.axonframework.config.Configuration axon;
    private final NamedParameterJdbcTemplate jdbc;
    private final int count;
    private final int window;
    private final Duration budget;
    private final WarmUpGate gate;

    LedgerWarmUp(org.axonframework.config.Configuration axon, NamedParameterJdbcTemplate jdbc,
                 @Value("${warnews.aggregate-cache.warm-up.ledgers:50}") int count,
                 @Value("${warnews.aggregate-cache.warm-up.events:100000}") int window,
                 @Value("${warnews.aggregate-cache.warm-up.budget:60s}") Duration budget,
                 @Value("${warnews.aggregate-cache.warm-up.ready-within:10s}") Duration readyWithin) {
        this.axon = axon;
        this.jdbc = jdbc;
        this.count = count;
        this.window = window;
        this.budget = budget;
        this.gate = new WarmUpGate(count <= 0 ? Duration.ZERO : readyWithin, System.nanoTime());
    }

    /** Whether the service holds back its readiness for the warm-up. */
    WarmUpGate gate() {
        return gate;
    }

    /** First among the listeners of the ready event (before the seed, say): the gate's time runs from the start. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void start(ApplicationReadyEvent ready) {
        if (count <= 0) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                warmUp();
            } finally {
                gate.end();
            }
        }, "ledger-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    void warmUp() {
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        List<String> recent;
        try {
            recent = recentLedgers();
        } catch (RuntimeException unavailable) {
            log.info("Ledger warm-up skipped: {}", unavailable.getMessage());
            return;
        }
        Repository<LossLedger> ledgers = axon.repository(LossLedger.class);
        Runtime memory = Runtime.getRuntime();
        int read = 0;
        for (String ledgerId : recent) {
            // Stops at the time budget, or once the heap is half full: the cache is for the editors.
            if (System.nanoTime() > deadline
                    || memory.totalMemory() - memory.freeMemory() > memory.maxMemory() / 2) {
                break;
            }
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                ledgers.load(ledgerId);
                unitOfWork.commit();
                read++;
            } catch (RuntimeException failed) {
                if (unitOfWork.isActive()) {
                    unitOfWork.rollback(failed);
                }
                log.debug("Ledger {} not read ahead: {}", ledgerId, failed.toString());
            }
        }
        log.info("Ledger warm-up: {} of the {} most recently written ledgers read into the cache in {} ms", read,
                recent.size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /**
     * The ledgers of the store's latest events (the {@code count} written to most recently), the
     * longest first: a long ledger is the one whose first write would wait for a big snapshot, and
     * the one an editor should find read when the warm-up has not finished yet.
     */
    List<String> recentLedgers() {
        return jdbc.queryForList("""
                SELECT aggregate_identifier FROM (
                    SELECT aggregate_identifier, max(global_index) AS last_written, max(sequence_number) AS length
                    FROM event_store.domain_event_entry
                    WHERE global_index > (SELECT coalesce(max(global_index), 0) - :window
                                          FROM event_store.domain_event_entry)
                        AND type = 'LossLedger'
                    GROUP BY aggregate_identifier
                    ORDER BY last_written DESC
                    LIMIT :count) recent
                ORDER BY length DESC, last_written DESC""",
                new MapSqlParameterSource("window", window).addValue("count", count), String.class);
    }
}
