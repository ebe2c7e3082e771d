package org.wufei.gis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class CachingAuthenticationProviderTest {
    private static final String DEMO_HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("demo");

    private final Users users = new Users(List.of(
            User.withUsername("uploader").password(DEMO_HASH).roles("UPLOADER").build()));
    private final CountingProvider bcrypt = new CountingProvider(users);
    private final AuthenticationCacheTest.MutableClock clock = new AuthenticationCacheTest.MutableClock();
    private final CachingAuthenticationProvider provider = new CachingAuthenticationProvider(bcrypt,
            new AuthenticationCache(Duration.ofSeconds(300), 10, clock));

    @Test
    void aRepeatedRightPasswordIsCheckedWithBcryptOnce() {
        Authentication first = provider.authenticate(login("uploader", "demo"));
        Authentication second = provider.authenticate(login("uploader", "demo"));

        assertThat(bcrypt.calls).isEqualTo(1);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getName()).isEqualTo("uploader");
        assertThat(AuthorityUtils.authorityListToSet(second.getAuthorities()))
                .isEqualTo(AuthorityUtils.authorityListToSet(first.getAuthorities()))
                .contains("ROLE_UPLOADER");
    }

    @Test
    void aWrongPasswordAfterACachedRightOneGoesToBcryptAndFails() {
        provider.authenticate(login("uploader", "demo"));

        assertThatThrownBy(() -> provider.authenticate(login("uploader", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(bcrypt.calls).isEqualTo(2);
    }

    @Test
    void aFailureIsNeverCached() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> provider.authenticate(login("uploader", "wrong")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(bcrypt.calls).isEqualTo(2);
    }

    @Test
    void afterTheTimeToLiveBcryptChecksAgain() {
        provider.authenticate(login("uploader", "demo"));
        clock.advance(Duration.ofSeconds(300));

        provider.authenticate(login("uploader", "demo"));

        assertThat(bcrypt.calls).isEqualTo(2);
    }

    @Test
    void aLoginLeavesTheCheapDemoHashAlone() {
        provider.authenticate(login("uploader", "demo"));
        clock.advance(Duration.ofSeconds(300));
        provider.authenticate(login("uploader", "demo"));

        assertThat(users.loadUserByUsername("uploader").getPassword()).isEqualTo(DEMO_HASH).contains("$2a$04$");
    }

    private static UsernamePasswordAuthenticationToken login(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }

    /** The provider the application uses (bcrypt, no password service), counting its calls. */
    private static final class CountingProvider extends DaoAuthenticationProvider {
        int calls;

        CountingProvider(Users users) {
            super(users::loadUserByUsername);
            setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        }

        @Override
        public Authentication authenticate(Authentication authentication) throws AuthenticationException {
            calls++;
            return super.authenticate(authentication);
        }
    }
}
