package io.warnews.query.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The sign-in limits as the first thing a request meets ({@link ThrottledSignInValve}): whether a
 * request carrying HTTP Basic credentials is to be refused with a 429 before anything else is done
 * for it. The rule is the {@link LoginThrottle}'s, as {@link RememberedCredentials} applies it: an
 * attempt is refused while its client address or its user name is over the limit, unless its
 * credentials already passed and are remembered.
 *
 * <p>The address is looked at first, before the header is decoded; the header is decoded (and the
 * credentials digested, to look for them among those remembered) only when the address is clean
 * and the user name must be looked up, or when the attempt is about to be refused. A request
 * without Basic credentials is no sign-in attempt and is never refused here.
 */
final class SignInGate {

    private final LoginThrottle throttle;
    private final RememberedCredentials credentials;

    SignInGate(LoginThrottle throttle, RememberedCredentials credentials) {
        this.throttle = throttle;
        this.credentials = credentials;
    }

    /** The provider that checks the credentials of the requests let through. */
    RememberedCredentials credentials() {
        return credentials;
    }

    /** How long the client must wait, when this request ({@code Authorization} header, client address) is refused. */
    Optional<Duration> refusal(String authorization, String address) {
        if (authorization == null) {
            return Optional.empty();
        }
        String header = authorization.trim();
        if (!header.regionMatches(true, 0, "Basic", 0, 5)) {
            return Optional.empty();
        }
        Optional<Duration> wait = throttle.addressRefusal(address);
        String[] given = null;
        if (wait.isEmpty()) {
            given = decode(header);
            if (given == null) {
                return Optional.empty();
            }
            wait = throttle.userRefusal(given[0]);
            if (wait.isEmpty()) {
                return wait;
            }
        } else {
            given = decode(header);
        }
        if (given != null && credentials.passed(given[0], given[1])) {
            return Optional.empty();
        }
        return wait;
    }

    /**
     * User and password as Spring Security's Basic filter reads them (Base64 after {@code Basic },
     * UTF-8, split at the first colon); null when the header cannot be read (the filter answers it
     * with a 401 of its own).
     */
    static String[] decode(String header) {
        if (header.length() <= 6) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.substring(6).getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        String token = new String(decoded, StandardCharsets.UTF_8);
        int colon = token.indexOf(':');
        return colon < 0 ? null : new String[] {token.substring(0, colon), token.substring(colon + 1)};
    }
}
