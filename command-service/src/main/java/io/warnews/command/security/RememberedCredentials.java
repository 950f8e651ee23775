package io.warnews.command.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * bcrypt is slow on purpose (tens of milliseconds of CPU a check), and HTTP Basic sends the
 * password with every request: checked each time, it would cap writes at a few dozen a second per
 * core. Credentials that passed are remembered for a while, by a SHA-256 digest of user and
 * password (never the password itself, and only in memory); anything else goes to bcrypt.
 *
 * <p>Failures are remembered too (a wrong password sent again is refused without bcrypt), and
 * counted by the {@link LoginThrottle}: past its limits for the user or the client address, an
 * attempt whose credentials are not already known to be good is refused at once with
 * {@link TooManyAttempts}. Credentials that passed keep working during an attack on their user.
 * (Over HTTP, {@link ThrottledSignInValve} refuses such attempts earlier still, by the same rule;
 * the refusal here covers a request that reaches the limit while on its way.)
 */
class RememberedCredentials implements AuthenticationProvider {

    private static final int MAX_REMEMBERED = 10_000;

    private final AuthenticationProvider checker;
    private final Duration remember;
    private final Clock clock;
    private final Map<String, Remembered> passed = new ConcurrentHashMap<>();
    private final Map<String, Instant> failed = new ConcurrentHashMap<>();
    private final LoginThrottle throttle;
    private final Duration rememberFailure;

    private record Remembered(Authentication authentication, Instant until) {
    }

    RememberedCredentials(AuthenticationProvider checker, Duration remember, Clock clock, LoginThrottle throttle,
                          Duration rememberFailure) {
        this.checker = checker;
        this.remember = remember;
        this.clock = clock;
        this.throttle = throttle;
        this.rememberFailure = rememberFailure;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        if (request.getCredentials() == null) {
            return checker.authenticate(request);
        }
        String key = digest(request.getName(), request.getCredentials().toString());
        Remembered known = passed.get(key);
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.until())) {
            return known.authentication();
        }
        String address = request.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        throttle.refusal(request.getName(), address).ifPresent(wait -> {
            throw new TooManyAttempts(wait);
        });
        Instant failedUntil = failed.get(key);
        if (failedUntil != null && now.isBefore(failedUntil)) {
            throttle.failed(request.getName(), address);
            throw new BadCredentialsException("Bad credentials");
        }
        Authentication checked;
        try {
            checked = checker.authenticate(request);
        } catch (BadCredentialsException wrong) {
            throttle.failed(request.getName(), address);
            if (!rememberFailure.isZero()) {
                if (failed.size() >= MAX_REMEMBERED) {
                    failed.clear();
                }
                failed.put(key, now.plus(rememberFailure));
            }
            throw wrong;
        }
        if (!remember.isZero() && checked != null && checked.isAuthenticated()) {
            if (passed.size() >= MAX_REMEMBERED) {
                passed.clear();
            }
            passed.put(key, new Remembered(checked, now.plus(remember)));
        }
        return checked;
    }

    /**
     * Whether these credentials passed the check recently and are still remembered: what lets a
     * signed-in client through while its user name or address is throttled ({@link SignInGate}).
     */
    boolean passed(String user, String password) {
        Remembered known = passed.get(digest(user, password));
        return known != null && clock.instant().isBefore(known.until());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String digest(String user, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(user.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
