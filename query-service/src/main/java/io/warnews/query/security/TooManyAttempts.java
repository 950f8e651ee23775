package io.warnews.query.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** Sign-in refused without checking the password: too many recent failures for the user or the address. */
class TooManyAttempts extends AuthenticationException {

    private final Duration retryAfter;

    TooManyAttempts(Duration retryAfter) {
        super("too many failed sign-ins from this address or for this user; retry after "
                + seconds(retryAfter) + " s");
        this.retryAfter = retryAfter;
    }

    long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
