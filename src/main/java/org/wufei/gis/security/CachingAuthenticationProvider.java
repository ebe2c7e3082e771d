package org.wufei.gis.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Answers a username and password that authenticated recently from an {@link AuthenticationCache}, and asks
 * the real provider (bcrypt) for anything else; only its successes are cached.
 */
final class CachingAuthenticationProvider implements AuthenticationProvider {
    private final AuthenticationProvider delegate;
    private final AuthenticationCache cache;

    CachingAuthenticationProvider(AuthenticationProvider delegate, AuthenticationCache cache) {
        this.delegate = delegate;
        this.cache = cache;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        String username = authentication.getName();
        Optional<UsernamePasswordAuthenticationToken> cached = cache.find(username, password);
        if (cached.isPresent()) {
            cached.get().setDetails(authentication.getDetails());
            return cached.get();
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            cache.remember(username, password, result);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
