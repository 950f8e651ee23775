package io.warnews.command.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** Sign-in refused without checking the password: too many recent failures for the user or the address. */
class TooManyAttempts extends AuthenticationException {

    private final Duration retryAfter;

    TooManyAttempts(Duration retryAfter) {
        super(message(retryAfter));
        this.retryAfter = retryAfter;
    }

    long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    /** The problem's detail for a refusal that lasts {@code wait}. */
    static String message(Duration wait) {
        return "too many failed sign-ins from this address or for this user; retry after " + seconds(wait) + " s";
    }

    /** The Retry-After value: whole seconds, rounded up, at least 1. */
    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
