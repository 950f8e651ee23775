package io.warnews.command.security;

import io.warnews.command.support.CommandServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed sign-ins past the per-user limit get a 429 problem with Retry-After, before any password check. */
@CommandServiceTest
class SignInLimitsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> write(String user, String password) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/conflicts"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void failedSignInsPastTheUserLimitAreA429WithRetryAfter() throws Exception {
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> wrong = write("intruder", "guess-" + i);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Basic realm="));
            assertThat(wrong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        HttpResponse<String> throttled = write("intruder", "guess-10");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(throttled.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(throttled.body()).contains("urn:warnews:problem:too-many-sign-in-failures");

        assertThat(write("editor", "editor-dev-password").statusCode()).as("another user is not affected")
                .isEqualTo(400);
    }
}
