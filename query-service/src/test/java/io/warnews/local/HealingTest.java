package io.warnews.local;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick part of the fault suite, in every build: PostgreSQL killed (kill -9) under four
 * writers, started again on its data; the read models heal by themselves to what a rebuild gives,
 * nothing acknowledged is lost, and no request is answered 500 while the database is away. The
 * long scenarios are the fault suite's ({@link HealingFaults}, {@code mvn -Pfaults verify}).
 */
class HealingTest {

    @TempDir
    Path folder;

    @Test
    void afterPostgresIsKilledTheReadModelsHealByThemselves() throws Exception {
        try (FaultLab lab = FaultLab.start(folder, false)) {
            lab.scenario("kill -9 PostgreSQL", 4, false, () -> {
                lab.killPostgres();
                Thread.sleep(2_000);
                lab.startPostgres();
            });
        }
    }
}
