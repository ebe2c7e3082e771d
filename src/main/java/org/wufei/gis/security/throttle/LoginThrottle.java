package org.wufei.gis.security.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per user name and client address: after {@code maxFailures} within {@code window}, that pair is
 * refused until the oldest of them leaves the window. Per pair, so an attacker cannot lock a user out from another
 * address. In memory (one instance; replicas each count their own, which only loosens the limit N-fold).
 */
public final class LoginThrottle {
    static final int MAX_KEYS = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** How long this pair must still wait, or empty when it may try. */
    public Optional<Duration> retryAfter(String username, String client) {
        Deque<Instant> times = failures.get(key(username, client));
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            Instant now = clock.instant();
            prune(times, now);
            if (times.size() < maxFailures) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
        }
    }

    public void failed(String username, String client) {
        if (failures.size() >= MAX_KEYS) {
            Instant now = clock.instant();
            failures.values().removeIf(t -> {
                synchronized (t) {
                    prune(t, now);
                    return t.isEmpty();
                }
            });
        }
        Deque<Instant> times = failures.computeIfAbsent(key(username, client), k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
            while (times.size() > maxFailures) {
                times.removeFirst();
            }
        }
    }

    public void succeeded(String username, String client) {
        failures.remove(key(username, client));
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
    }

    private static String key(String username, String client) {
        return (username == null ? "" : username.toLowerCase(Locale.ROOT)) + "\u0000" + client;
    }
}
