package org.wufei.gis.reports;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports per client address within a sliding window, in memory (each replica counts its own). Addresses are kept
 * only as a digest, only as long as the window, and never written anywhere.
 */
final class ReportRateLimit {
    static final int MAX_CLIENTS = 100_000;

    private final int perClient;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> sent = new ConcurrentHashMap<>();

    ReportRateLimit(int perClient, Duration window, Clock clock) {
        this.perClient = perClient;
        this.window = window;
        this.clock = clock;
    }

    /** Counts a report of this client, or tells how long it must wait when it used up its window. */
    Optional<Duration> tryAcquire(String client) {
        Instant now = clock.instant();
        if (sent.size() >= MAX_CLIENTS) {
            sent.entrySet().removeIf(e -> expired(e.getValue(), now));
        }
        Deque<Instant> times = sent.computeIfAbsent(digest(client), k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= perClient) {
                Duration wait = Duration.between(now, times.peekFirst().plus(window));
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            }
            times.addLast(now);
            return Optional.empty();
        }
    }

    private boolean expired(Deque<Instant> times, Instant now) {
        synchronized (times) {
            return times.isEmpty() || !times.peekLast().isAfter(now.minus(window));
        }
    }

    private static String digest(String client) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(client).getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
