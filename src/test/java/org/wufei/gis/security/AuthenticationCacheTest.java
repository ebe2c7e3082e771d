package org.wufei.gis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

class AuthenticationCacheTest {
    private final MutableClock clock = new MutableClock();
    private final AuthenticationCache cache = new AuthenticationCache(Duration.ofSeconds(300), 3, clock);

    @Test
    void theRightPasswordIsAnsweredWithTheUsersAuthorities() {
        cache.remember("uploader", "demo", success("uploader"));

        var hit = cache.find("uploader", "demo");

        assertThat(hit).hasValueSatisfying(a -> {
            assertThat(a.isAuthenticated()).isTrue();
            assertThat(a.getName()).isEqualTo("uploader");
            assertThat(AuthorityUtils.authorityListToSet(a.getAuthorities())).containsExactly("ROLE_UPLOADER");
            assertThat(a.getCredentials()).isNull();
        });
    }

    @Test
    void aWrongPasswordOrAnotherUserIsNotAnswered() {
        cache.remember("uploader", "demo", success("uploader"));

        assertThat(cache.find("uploader", "Demo")).isEmpty();
        assertThat(cache.find("uploader", "")).isEmpty();
        assertThat(cache.find("viewer", "demo")).isEmpty();
        assertThat(cache.find("uploader", "demo")).isPresent();
    }

    @Test
    void anEntryExpiresAfterTheTimeToLive() {
        cache.remember("uploader", "demo", success("uploader"));

        clock.advance(Duration.ofSeconds(299));
        assertThat(cache.find("uploader", "demo")).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.find("uploader", "demo")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTimeToLiveOfZeroRemembersNothing() {
        AuthenticationCache disabled = new AuthenticationCache(Duration.ZERO, 3, clock);

        disabled.remember("uploader", "demo", success("uploader"));

        assertThat(disabled.find("uploader", "demo")).isEmpty();
        assertThat(disabled.size()).isZero();
    }

    @Test
    void aFullCacheDropsExpiredEntriesFirstThenTheOldest() {
        cache.remember("a", "pw", success("a"));
        clock.advance(Duration.ofSeconds(200));
        cache.remember("b", "pw", success("b"));
        cache.remember("c", "pw", success("c"));
        clock.advance(Duration.ofSeconds(100)); // "a" has expired

        cache.remember("d", "pw", success("d"));
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.find("a", "pw")).isEmpty();

        cache.remember("e", "pw", success("e")); // full, none expired: "b" is the oldest
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.find("b", "pw")).isEmpty();
        assertThat(cache.find("c", "pw")).isPresent();
        assertThat(cache.find("d", "pw")).isPresent();
        assertThat(cache.find("e", "pw")).isPresent();
    }

    @Test
    void aNewSuccessReplacesTheUsersEntryAndRenewsIt() {
        cache.remember("uploader", "old", success("uploader"));
        clock.advance(Duration.ofSeconds(200));
        cache.remember("uploader", "new", success("uploader"));
        clock.advance(Duration.ofSeconds(200));

        assertThat(cache.find("uploader", "old")).isEmpty();
        assertThat(cache.find("uploader", "new")).isPresent();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void theCachedPrincipalCarriesNoPasswordHash() {
        cache.remember("uploader", "demo", success("uploader"));

        UserDetails principal = (UserDetails) cache.find("uploader", "demo").orElseThrow().getPrincipal();

        assertThat(principal.getPassword()).isNull();
    }

    @Test
    void aNegativeTimeToLiveIsRefused() {
        assertThatThrownBy(() -> new AuthenticationCache(Duration.ofSeconds(-1), 3, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Authentication success(String username) {
        UserDetails user = User.withUsername(username).password("{bcrypt}$2a$04$hash").roles("UPLOADER").build();
        return UsernamePasswordAuthenticationToken.authenticated(user, "demo", user.getAuthorities());
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-06-01T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
