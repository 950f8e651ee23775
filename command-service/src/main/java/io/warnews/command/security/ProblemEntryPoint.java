package io.warnews.command.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The answer to a request that could not be authenticated, as a problem: 429 with Retry-After when
 * sign-ins are throttled (and the connection closed after it), 401 with the Basic challenge
 * otherwise. Most 429s are given earlier, by {@link ThrottledSignInValve}, in the same words.
 */
class ProblemEntryPoint implements AuthenticationEntryPoint {

    private final String realm;

    ProblemEntryPoint(String realm) {
        this.realm = realm;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof TooManyAttempts throttled) {
            tooManyAttempts(response, throttled.retryAfterSeconds(), throttled.getMessage());
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\"");
        write(response, 401, "about:blank", "Unauthorized",
                "authentication is required: HTTP Basic with a configured user and password");
    }

    /** The 429 of a throttled sign-in: Retry-After, the problem, and {@code Connection: close}. */
    static void tooManyAttempts(HttpServletResponse response, long retryAfterSeconds, String detail)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        response.setHeader(HttpHeaders.CONNECTION, "close");
        write(response, 429, "urn:warnews:problem:too-many-sign-in-failures", "Too many failed sign-ins", detail);
    }

    private static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        byte[] body = ("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
