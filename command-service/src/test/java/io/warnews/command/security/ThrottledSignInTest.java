package io.warnews.command.security;

import io.warnews.command.support.CommandServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;

import static io.warnews.command.security.RawExchange.basic;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in limits on the real HTTP layer, each client on an address of its own (127.0.0.x):
 * a throttled address or user name is answered 429 at the door, before its credentials are looked
 * at and before its body is read, and its connection is closed; credentials that already passed
 * still get through; other clients are not affected; the throttle heals once its window has passed.
 */
@CommandServiceTest
@TestPropertySource(properties = {
        "warnews.security.sign-in.max-failures-per-address=4",
        "warnews.security.sign-in.max-failures-per-user=3",
        "warnews.security.sign-in.window=8s",
        "warnews.security.sign-in.refusal-delay=300ms"})
class ThrottledSignInTest {

    private static final String PROBLEM = "urn:warnews:problem:too-many-sign-in-failures";

    @LocalServerPort
    int port;

    private RawExchange write(String from, String authorization) throws Exception {
        return RawExchange.send(from, port, "POST", "/api/conflicts", authorization, "{}");
    }

    /** Wrong passwords from {@code from}, each for a user name of its own, until the address is refused. */
    private RawExchange throttle(String from, String names) throws Exception {
        for (int i = 0; i < 20; i++) {
            RawExchange wrong = write(from, basic(names + "-" + i, "guess"));
            if (wrong.status() == 429) {
                return wrong;
            }
            assertThat(wrong.status()).as("a wrong password before the limit").isEqualTo(401);
        }
        throw new AssertionError("the address " + from + " was never throttled");
    }

    private static void assertRefusedAtTheDoor(RawExchange answer) {
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"" + PROBLEM + "\"", "\"status\":429",
                "too many failed sign-ins from this address or for this user");
        assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, 8L);
        assertThat(answer.header("Connection")).isEqualTo("close");
        assertThat(answer.header("WWW-Authenticate")).as("no challenge: no password is asked for").isNull();
    }

    @Test
    void aThrottledAddressIsRefusedBeforeItsCredentialsAndBodyAreReadWhileOthersAreNotAndItHeals()
            throws Exception {
        String attacker = "127.0.0.2";
        assertThat(write(attacker, basic("editor", "editor-dev-password")).status())
                .as("the editor signs in from the address before the attack: an invalid body, checked").isEqualTo(400);

        assertRefusedAtTheDoor(throttle(attacker, "nobody"));

        RawExchange rightPassword = RawExchange.sendAndWatchTheConnection(attacker, port, "POST", "/api/conflicts",
                basic("auditor", "auditor-dev-password"), "{}");
        assertRefusedAtTheDoor(rightPassword);
        assertThat(rightPassword.closedByServer()).as("the connection is closed after the 429").isTrue();

        RawExchange bodyNeverSent = RawExchange.send(attacker, port, "POST", "/api/conflicts",
                basic("auditor", "another-guess"), 10_000_000, new byte[0], true);
        assertRefusedAtTheDoor(bodyNeverSent);
        assertThat(bodyNeverSent.closedByServer()).as("answered and closed without waiting for the 10 MB body")
                .isTrue();

        assertThat(write(attacker, basic("editor", "editor-dev-password")).status())
                .as("credentials that already passed still get through from the throttled address").isEqualTo(400);
        RawExchange anonymous = write(attacker, null);
        assertThat(anonymous.status()).as("a request without credentials is no sign-in attempt: asked to sign in")
                .isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic realm=");

        String other = "127.0.0.3";
        assertThat(write(other, basic("reader", "reader-pass")).status())
                .as("a right password from another address: checked (and not an editor's)").isEqualTo(403);
        assertThat(RawExchange.sendTwice(other, port, "/api/conflicts", basic("reader", "reader-pass"), "{}"))
                .as("another client keeps its connection").containsExactly(403, 403);

        Thread.sleep(Long.parseLong(rightPassword.header("Retry-After")) * 1000 + 500);
        assertThat(write(attacker, basic("auditor", "auditor-dev-password")).status())
                .as("after the window the address's sign-ins are checked again (the auditor is no editor)")
                .isEqualTo(403);
    }

    @Test
    void aThrottledUserNameIsRefusedFromEveryAddressAndOtherNamesAreNot() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(write("127.0.0." + (10 + i), basic("target", "guess-" + i)).status()).isEqualTo(401);
        }
        RawExchange fromElsewhere = RawExchange.sendAndWatchTheConnection("127.0.0.20", port, "POST",
                "/api/conflicts", basic("target", "guess-3"), "{}");
        assertRefusedAtTheDoor(fromElsewhere);
        assertThat(fromElsewhere.closedByServer()).isTrue();
        assertThat(write("127.0.0.20", basic("someone-else", "guess")).status())
                .as("another user name from the same address is checked").isEqualTo(401);
    }
}
