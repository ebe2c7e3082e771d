package org.wufei.gis.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.cors.CorsConfiguration;
import org.wufei.gis.common.DemoProperties;
import org.wufei.gis.common.PublicProjection;
import org.wufei.gis.common.PublicRead;
import org.wufei.gis.common.Problems;
import org.wufei.gis.common.Role;
import org.wufei.gis.security.tokens.ApiTokens;
import org.wufei.gis.security.throttle.LoginThrottle;
import org.wufei.gis.security.throttle.LoginThrottleFilter;
import org.wufei.gis.security.tokens.TokenAuthenticationFilter;

/**
 * HTTP Basic for the API, session form login for the map page (with CSRF tokens), public reads where
 * configured, problem+json for 401/403.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {
    /**
     * No inline script anywhere (the pages load ES modules and Leaflet from /webjars); inline styles stay allowed
     * because Leaflet positions its panes and markers with style attributes; images from https for basemaps.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; connect-src 'self'; "
            + "font-src 'self' data:; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * No Micrometer observation around every filter of the security chain, every authentication and every
     * authorization (Spring Security's default once a registry is present): they were an eighth of the CPU samples of
     * a process request (JFR, nearest-sites at 1,000,000 sites), and nothing reads them. Each request stays
     * observed as a whole ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, Environment env, PublicProjection projection, Problems problems,
            ApiTokens tokens, SecurityProperties props, Clock clock) throws Exception {
        boolean publicRead = PublicRead.enabled(env);
        if (publicRead) {
            http.cors(cors -> cors.configurationSource(SecurityConfiguration::openReads));
        }
        LoginThrottle throttle = new LoginThrottle(props.loginMaxFailures(),
                Duration.ofSeconds(props.loginWindowSeconds()), clock);
        http.addFilterBefore(new LoginThrottleFilter(throttle, problems), UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(new TokenAuthenticationFilter(tokens, problems, clock), BasicAuthenticationFilter.class);
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny()));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::cannotRideOnSession))
                .formLogin(form -> form.loginPage("/login.html").loginProcessingUrl("/login")
                        .defaultSuccessUrl("/", false).failureUrl("/login.html?error").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
                .httpBasic(basic -> basic.authenticationEntryPoint((req, res, e) -> {
                    challenge(req, res);
                    problems.write(req, res, HttpStatus.UNAUTHORIZED, "authentication_required");
                }))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((req, res, e) -> {
                            if (isMapPage(req)) { // a browser opening the map without public read: sign in first
                                res.sendRedirect(req.getContextPath() + "/login.html");
                                return;
                            }
                            challenge(req, res);
                            problems.write(req, res, HttpStatus.UNAUTHORIZED, "authentication_required");
                        })
                        .accessDeniedHandler((req, res, e) -> {
                            if (e instanceof CsrfException && !signedIn()) {
                                // an expired session: the page must sign in again (and keeps its queue)
                                problems.write(req, res, HttpStatus.UNAUTHORIZED, "authentication_required");
                            } else {
                                problems.write(req, res, HttpStatus.FORBIDDEN,
                                        e instanceof CsrfException ? "csrf_invalid" : "role_forbidden");
                            }
                        }))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                            "/actuator/info").permitAll();
                    // the pages' files carry no data; sign-in and the disclosure page (信息公开) must work without
                    // public read, and the sign-in page takes its CSRF token from /api/ui/config
                    auth.requestMatchers(HttpMethod.GET, Permissions.ALWAYS_PUBLIC).permitAll();
                    Permissions.apply(auth);
                    if (publicRead) {
                        // never public: who uploaded what, and (unless configured) the detections
                        auth.requestMatchers("/api/imports", "/api/imports/**").authenticated();
                        if (!projection.detections()) {
                            auth.requestMatchers("/api/detections/**").authenticated();
                        }
                        auth.requestMatchers(HttpMethod.GET, "/**").permitAll();
                        auth.requestMatchers(HttpMethod.HEAD, "/**").permitAll();
                        auth.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll();
                    }
                    auth.anyRequest().authenticated();
                });
        return http.build();
    }

    /**
     * With public reads, web maps on any origin may read the OGC API (features, tiles, metadata) as they read
     * pg_featureserv or Martin: GET and HEAD, no credentials, with the headers a client needs to revalidate and to
     * know the CRS. Writes and the domain API stay same-origin.
     */
    private static CorsConfiguration openReads(HttpServletRequest request) {
        if (!isOgc(path(request))) {
            return null;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.addAllowedOrigin("*");
        cors.setAllowedMethods(List.of("GET", "HEAD"));
        cors.addAllowedHeader("*");
        cors.setExposedHeaders(List.of("ETag", "Content-Crs", "Link", "Content-Encoding"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(3600L);
        return cors;
    }

    /**
     * API and OGC writes skip the CSRF token only when a browser session cannot be what authenticates them:
     * no session cookie came with the request, or it carries its own Authorization header. The map page signs
     * in with a session and sends the token it gets from /api/ui/config.
     */
    private static boolean cannotRideOnSession(HttpServletRequest request) {
        String path = path(request);
        boolean api = path.startsWith("/api/") || isOgc(path);
        return api && (request.getHeader("Authorization") != null
                || request.getHeader(TokenAuthenticationFilter.HEADER) != null
                || request.getRequestedSessionId() == null);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean isMapPage(HttpServletRequest request) {
        String path = path(request);
        return "GET".equals(request.getMethod()) && (path.equals("/") || path.equals("/index.html"));
    }

    private static boolean isOgc(String path) {
        return path.equals("/ogc") || path.startsWith("/ogc/");
    }

    /** Asks for Basic credentials, except from the map page's scripts (a browser would pop up a password box). */
    private static void challenge(HttpServletRequest req, HttpServletResponse res) {
        if (!"XMLHttpRequest".equals(req.getHeader("X-Requested-With"))) {
            res.setHeader("WWW-Authenticate", "Basic realm=\"waste-site-gis\"");
        }
    }

    private static boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    Users users(SecurityProperties props, DemoProperties demo, @Value("${gis.production:false}") boolean production) {
        if (production && demo.enabled()) {
            throw new IllegalStateException("Refusing to start: demo users and data are enabled in production "
                    + "(set GIS_DEMO=false and configure gis.security.users)");
        }
        List<UserDetails> users = new ArrayList<>();
        if (demo.enabled()) {
            // Cost 4 keeps HTTP Basic fast for the demo; configured users bring their own (stronger) hashes.
            String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(demo.password());
            for (Role role : Role.values()) {
                users.add(User.withUsername(role.name().toLowerCase()).password(hash).roles(role.name()).build());
            }
        }
        for (SecurityProperties.User u : props.users()) {
            users.add(User.withUsername(u.username()).password(u.password())
                    .roles(u.roles().toArray(String[]::new)).build());
        }
        return new Users(users);
    }

    /**
     * The one way in for Basic and form login: bcrypt against {@link Users}, with recent successes cached. It has
     * no UserDetailsPasswordService, so no login re-hashes a stored password at a higher cost.
     */
    @Bean
    AuthenticationProvider authenticationProvider(Users users, PasswordEncoder passwordEncoder,
            SecurityProperties props, Clock clock) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users::loadUserByUsername);
        bcrypt.setPasswordEncoder(passwordEncoder);
        AuthenticationCache cache = new AuthenticationCache(Duration.ofSeconds(props.authCacheSeconds()),
                AuthenticationCache.DEFAULT_MAX_ENTRIES, clock);
        return new CachingAuthenticationProvider(bcrypt, cache);
    }
}
