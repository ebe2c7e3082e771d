package org.wufei.gis.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;

/**
 * Recent successful username/password authentications, so that an API client sending HTTP Basic with every
 * request pays for a bcrypt check once per time-to-live instead of on every request (as GeoServer's
 * authentication cache does).
 *
 * <p>One entry per username holds a keyed SHA-256 (HMAC) of the password that succeeded, never the password.
 * The key is random per process, so a digest matches no precomputed table and means nothing elsewhere. Only
 * a password whose digest equals the cached one (compared in constant time) is answered from here; anything
 * else goes to the real check.
 */
final class AuthenticationCache {
    static final int DEFAULT_MAX_ENTRIES = 1_000;
    private static final String HMAC = "HmacSHA256";

    private final Duration timeToLive;
    private final int maxEntries;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /**
     * One keyed Mac per thread (a Mac is not thread-safe): looking up and initialising a new one for every request
     * was 4 % of a planning question's CPU samples (JFR: Mac.getInstance checks the provider each time).
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private record Entry(byte[] digest, Object principal, List<GrantedAuthority> authorities, Instant expires) {
        boolean expiredAt(Instant now) {
            return !now.isBefore(expires);
        }
    }

    /** A time-to-live of zero disables the cache. */
    AuthenticationCache(Duration timeToLive, int maxEntries, Clock clock) {
        if (timeToLive.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("time-to-live must be >= 0 and max entries >= 1");
        }
        this.timeToLive = timeToLive;
        this.maxEntries = maxEntries;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
    }

    /** A fresh authenticated token when this username succeeded with this password within the time-to-live. */
    Optional<UsernamePasswordAuthenticationToken> find(String username, String password) {
        Entry entry = enabled() && username != null && password != null ? entries.get(username) : null;
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expiredAt(clock.instant())) {
            entries.remove(username, entry);
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(entry.digest(), digest(password))) {
            return Optional.empty();
        }
        return Optional.of(UsernamePasswordAuthenticationToken.authenticated(entry.principal(), null,
                entry.authorities()));
    }

    /** Remembers a successful authentication; the oldest entry makes room when the cache is full. */
    synchronized void remember(String username, String password, Authentication result) {
        if (!enabled() || username == null || password == null) {
            return;
        }
        Instant now = clock.instant();
        if (!entries.containsKey(username) && entries.size() >= maxEntries) {
            entries.values().removeIf(e -> e.expiredAt(now));
            if (entries.size() >= maxEntries) {
                entries.entrySet().stream().min(Comparator.comparing(e -> e.getValue().expires()))
                        .ifPresent(oldest -> entries.remove(oldest.getKey(), oldest.getValue()));
            }
        }
        Object principal = result.getPrincipal();
        if (principal instanceof CredentialsContainer container) {
            container.eraseCredentials(); // the stored hash has no business in a cache either
        }
        Collection<? extends GrantedAuthority> authorities = result.getAuthorities();
        entries.put(username, new Entry(digest(password), principal, List.copyOf(authorities),
                now.plus(timeToLive)));
    }

    int size() {
        return entries.size();
    }

    private boolean enabled() {
        return !timeToLive.isZero();
    }

    private byte[] digest(String password) {
        return macs.get().doFinal(password.getBytes(StandardCharsets.UTF_8)); // doFinal leaves it ready for the next
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " is part of every JDK", e);
        }
    }
}
