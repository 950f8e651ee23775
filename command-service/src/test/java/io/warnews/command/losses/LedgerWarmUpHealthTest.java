package io.warnews.command.losses;

import static org.assertj.core.api.Assertions.assertThat;

import io.warnews.command.support.Api;
import io.warnews.command.support.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The service's health and readiness, as a load balancer or an orchestrator reads them, while the
 * ledger warm-up holds back its readiness: 503 with {@code OUT_OF_SERVICE} while the warm-up reads
 * (liveness stays 200), 200 once it has ended.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "warnews.aggregate-cache.warm-up.ready-within=60s")
@ContextConfiguration(initializers = FreshDatabase.class)
@ActiveProfiles("test")
class LedgerWarmUpHealthTest {

    @LocalServerPort
    int port;
    @Autowired
    LedgerWarmUp warmUp;

    @Test
    void healthIsOutOfServiceWhileTheWarmUpReadsAndUpOnceItHasEnded() throws Exception {
        Api api = new Api(port).anonymous();
        WarmUpGate gate = warmUp.gate();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!gate.ended() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(gate.ended()).as("the warm-up after the start ended").isTrue();
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);

        // a warm-up under way, as after a restart over a store of long ledgers
        gate.begin(System.nanoTime());
        Api.Response warming = api.get("/actuator/health");
        assertThat(warming.status()).isEqualTo(503);
        assertThat(warming.json().path("status").asText()).isEqualTo("OUT_OF_SERVICE");
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(503);
        assertThat(api.get("/actuator/health/liveness").status()).as("alive while it warms up").isEqualTo(200);

        gate.end();
        Api.Response ready = api.get("/actuator/health");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().path("status").asText()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
