package org.wufei.gis.security.tokens;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.wufei.gis.common.CurrentActor;
import org.wufei.gis.common.Problems;
import org.wufei.gis.common.Role;

/**
 * Signs in a request that carries a department token ({@code Authorization: Bearer gis_…} or
 * {@code X-Api-Token: gis_…}, the form QGIS's and GDAL's header settings send) as a read-only caller
 * ({@code VIEWER}, plus {@code UPLOADER} for an upload token) limited to its collections ({@link TokenScope}). An
 * unknown, expired or revoked token is a 401 at once, never a silent fall-back to anonymous; a path outside its
 * scope is a 403. Stateless: no session is made.
 */
public final class TokenAuthenticationFilter extends OncePerRequestFilter {
    public static final String HEADER = "X-Api-Token";
    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final Problems problems;
    private final Clock clock;

    public TokenAuthenticationFilter(ApiTokens tokens, Problems problems, Clock clock) {
        this.tokens = tokens;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = secret(request);
        if (secret == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiToken> token = tokens.byHash(TokenSecrets.hash(secret)).filter(t -> t.usableAt(clock.instant()));
        if (token.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "token_invalid");
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!TokenScope.allows(request.getMethod(), path, token.get())) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "token_scope");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication(token.get()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private static UsernamePasswordAuthenticationToken authentication(ApiToken token) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(Role.VIEWER.authority()));
        if (token.upload()) {
            authorities.add(new SimpleGrantedAuthority(Role.UPLOADER.authority()));
        }
        authorities.add(new SimpleGrantedAuthority(CurrentActor.COLLECTION_SCOPED));
        token.collections().forEach(c -> authorities.add(new SimpleGrantedAuthority(CurrentActor.COLLECTION + c)));
        String name = "token:" + token.id() + ":" + token.name();
        return UsernamePasswordAuthenticationToken.authenticated(name.length() > 100 ? name.substring(0, 100) : name,
                null, authorities);
    }

    private static String secret(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return header.substring(BEARER.length()).strip();
        }
        String custom = request.getHeader(HEADER);
        return custom == null || custom.isBlank() ? null : custom.strip();
    }
}
