package org.wufei.gis.security.throttle;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.wufei.gis.common.Problems;

/**
 * Throttles password guessing on both ways in: HTTP Basic (any request with Basic credentials) and the form login
 * ({@code POST /login}). A throttled user name + client gets 429 problem+json with {@code Retry-After} before its
 * password is checked; a failure is a Basic request answered 401, or a form login sent back to the error page.
 */
public final class LoginThrottleFilter extends OncePerRequestFilter {
    private static final String BASIC = "Basic ";

    private final LoginThrottle throttle;
    private final Problems problems;

    public LoginThrottleFilter(LoginThrottle throttle, Problems problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = "POST".equals(request.getMethod()) && "/login".equals(path(request));
        String username = form ? request.getParameter("username") : basicUsername(request);
        if (username == null) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        Optional<Duration> wait = throttle.retryAfter(username, client);
        if (wait.isPresent()) {
            response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.get().toSeconds() + 1)));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "login_throttled");
            return;
        }
        chain.doFilter(request, response);
        boolean failed = form ? String.valueOf(response.getHeader("Location")).contains("error")
                : response.getStatus() == HttpStatus.UNAUTHORIZED.value();
        if (failed) {
            throttle.failed(username, client);
        } else if (response.getStatus() < 400) {
            throttle.succeeded(username, client);
        }
    }

    private static String basicUsername(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
