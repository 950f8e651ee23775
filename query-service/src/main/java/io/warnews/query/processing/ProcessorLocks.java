package io.warnews.query.processing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * One lock per processing group, held by whoever stops and starts its processor on purpose: a
 * rebuild from its shut-down to its start again, {@link ProcessorRestarts} across its check and
 * its start. So a processor stopped by an error during a rebuild is not started under the rebuild's
 * reset, and a rebuild does not reset a processor being started again.
 */
@Component
public class ProcessorLocks {

    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public ReentrantLock of(String processingGroup) {
        return locks.computeIfAbsent(processingGroup, group -> new ReentrantLock());
    }
}
