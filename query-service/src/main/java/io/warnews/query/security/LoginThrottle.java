package io.warnews.query.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins counted per user name and per client address over a sliding window. Past the
 * limit, further attempts are refused before any password is checked, until the oldest failure of
 * the window has aged out: guessing costs the attacker a 429, not the service a bcrypt.
 */
class LoginThrottle {

    /** Beyond this many tracked names or addresses, the oldest-looking entries are dropped. */
    private static final int MAX_TRACKED = 100_000;

    private final int perUser;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> users = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> addresses = new ConcurrentHashMap<>();

    LoginThrottle(int perUser, int perAddress, Duration window, Clock clock) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    /** How long the caller must wait before trying again, when the user or the address is over its limit. */
    Optional<Duration> refusal(String user, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        wait = longer(wait, waitFor(users.get(key(user)), perUser, now));
        wait = longer(wait, waitFor(addresses.get(key(address)), perAddress, now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** {@link #refusal} for the address alone: known before anything the request carries is decoded. */
    Optional<Duration> addressRefusal(String address) {
        Duration wait = waitFor(addresses.get(key(address)), perAddress, clock.instant());
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** {@link #refusal} for the user name alone. */
    Optional<Duration> userRefusal(String user) {
        Duration wait = waitFor(users.get(key(user)), perUser, clock.instant());
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    void failed(String user, String address) {
        Instant now = clock.instant();
        record(users, key(user), perUser, now);
        record(addresses, key(address), perAddress, now);
    }

    private void record(Map<String, Deque<Instant>> counts, String key, int limit, Instant now) {
        if (limit <= 0) {
            return;
        }
        if (counts.size() >= MAX_TRACKED) {
            counts.entrySet().removeIf(e -> expired(e.getValue(), now));
            if (counts.size() >= MAX_TRACKED) {
                counts.clear();
            }
        }
        Deque<Instant> failures = counts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (failures) {
            drop(failures, now);
            failures.addLast(now);
            while (failures.size() > limit) {
                failures.removeFirst();
            }
        }
    }

    private Duration waitFor(Deque<Instant> failures, int limit, Instant now) {
        if (failures == null || limit <= 0) {
            return Duration.ZERO;
        }
        synchronized (failures) {
            drop(failures, now);
            if (failures.size() < limit) {
                return Duration.ZERO;
            }
            return Duration.between(now, failures.peekFirst().plus(window));
        }
    }

    private void drop(Deque<Instant> failures, Instant now) {
        while (!failures.isEmpty() && !failures.peekFirst().plus(window).isAfter(now)) {
            failures.removeFirst();
        }
    }

    private boolean expired(Deque<Instant> failures, Instant now) {
        synchronized (failures) {
            drop(failures, now);
            return failures.isEmpty();
        }
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String key(String text) {
        return text == null ? "" : text;
    }
}
