package io.warnews.query.security;

import static io.warnews.query.security.RawExchange.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.warnews.query.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The sign-in limits on the real HTTP layer, each client on an address of its own (127.0.0.x):
 * a throttled address is answered 429 at the door, before its credentials are looked at, and its
 * connection is closed; its public reads (no credentials) are still answered; other clients are
 * not affected; the throttle heals once its window has passed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "warnews.security.sign-in.max-failures-per-address=4",
        "warnews.security.sign-in.max-failures-per-user=3",
        "warnews.security.sign-in.window=8s",
        "warnews.security.sign-in.refusal-delay=300ms"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
class ThrottledSignInTest {

    private static final String AUDIT = "/api/audit/streams/none/events";

    @LocalServerPort
    int port;

    private RawExchange read(String from, String path, String authorization) throws Exception {
        return RawExchange.send(from, port, "GET", path, authorization, null);
    }

    private static void assertRefusedAtTheDoor(RawExchange answer) {
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"urn:warnews:problem:too-many-sign-in-failures\"",
                "\"status\":429", "too many failed sign-ins from this address or for this user");
        assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, 8L);
        assertThat(answer.header("Connection")).isEqualTo("close");
        assertThat(answer.header("WWW-Authenticate")).isNull();
    }

    @Test
    void aThrottledAddressIsRefusedBeforeItsCredentialsAreCheckedItsPublicReadsAreNotAndItHeals()
            throws Exception {
        String attacker = "127.0.0.2";
        RawExchange first = null;
        for (int i = 0; i < 20 && first == null; i++) {
            RawExchange wrong = read(attacker, AUDIT, basic("nobody-" + i, "guess"));
            if (wrong.status() == 429) {
                first = wrong;
            } else {
                assertThat(wrong.status()).as("a wrong password before the limit").isEqualTo(401);
            }
        }
        assertThat(first).as("the address was throttled").isNotNull();
        assertRefusedAtTheDoor(first);

        RawExchange rightPassword = RawExchange.sendAndWatchTheConnection(attacker, port, "GET", AUDIT,
                basic("auditor", "auditor-secret"), null);
        assertRefusedAtTheDoor(rightPassword);
        assertThat(rightPassword.closedByServer()).as("the connection is closed after the 429").isTrue();

        assertThat(read(attacker, "/api/conflicts/unknown", null).status())
                .as("a public read without credentials from the throttled address is answered").isEqualTo(404);
        assertThat(read("127.0.0.3", AUDIT, basic("auditor", "auditor-secret")).status())
                .as("the same right password from another address: checked, an auditor's (no such stream)")
                .isEqualTo(404);

        Thread.sleep(Long.parseLong(rightPassword.header("Retry-After")) * 1000 + 500);
        assertThat(read(attacker, AUDIT, basic("reader", "reader-secret")).status())
                .as("after the window the address's sign-ins are checked again (the reader is no auditor)")
                .isEqualTo(403);
    }
}
