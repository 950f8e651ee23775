package io.warnews.events.axon;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class RandomIdsTest {

    @Test
    void axonMakesItsMessageIdentifiersHere() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(RandomIds.class);
        String id = GenericCommandMessage.asCommandMessage("a command").getIdentifier();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    }

    @Test
    void identifiersAreRandomVersion4UuidsDistinctAcrossThreads() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        String id = RandomIds.next();
                        UUID uuid = UUID.fromString(id);
                        assertThat(uuid.version()).isEqualTo(4);
                        assertThat(uuid.variant()).isEqualTo(2);
                        assertThat(id).hasSize(36).isEqualTo(uuid.toString());
                        seen.add(id);
                    }
                }));
            }
            for (Future<?> each : work) {
                each.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(seen).hasSize(160_000);
        // every bit that is not fixed by the version and variant takes both values
        long mostOr = 0, mostAnd = -1, leastOr = 0, leastAnd = -1;
        for (String id : seen) {
            UUID uuid = UUID.fromString(id);
            mostOr |= uuid.getMostSignificantBits();
            mostAnd &= uuid.getMostSignificantBits();
            leastOr |= uuid.getLeastSignificantBits();
            leastAnd &= uuid.getLeastSignificantBits();
        }
        assertThat(mostOr & ~mostAnd).isEqualTo(~0xF000L);
        assertThat(leastOr & ~leastAnd).isEqualTo(~0xC000_0000_0000_0000L);
    }
}
