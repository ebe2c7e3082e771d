package org.wufei.gis.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.wufei.gis.common.DemoProperties;
import org.wufei.gis.common.Problems;
import org.wufei.gis.common.Role;

/** HTTP Basic for the API, public reads where configured, problem+json for 401/403. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProperties props, Problems problems) throws Exception {
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/ogc/**"))
                .httpBasic(basic -> basic.authenticationEntryPoint((req, res, e) -> {
                    res.setHeader("WWW-Authenticate", "Basic realm=\"waste-site-gis\"");
                    problems.write(req, res, HttpStatus.UNAUTHORIZED, "authentication_required");
                }))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((req, res, e) -> {
                            res.setHeader("WWW-Authenticate", "Basic realm=\"waste-site-gis\"");
                            problems.write(req, res, HttpStatus.UNAUTHORIZED, "authentication_required");
                        })
                        .accessDeniedHandler((req, res, e) ->
                                problems.write(req, res, HttpStatus.FORBIDDEN, "role_forbidden")))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                            "/actuator/info").permitAll();
                    if (props.publicRead()) {
                        auth.requestMatchers(HttpMethod.GET, "/**").permitAll();
                        auth.requestMatchers(HttpMethod.HEAD, "/**").permitAll();
                        auth.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll();
                    }
                    auth.anyRequest().authenticated();
                });
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(SecurityProperties props, DemoProperties demo,
            @Value("${gis.production:false}") boolean production) {
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
        return new InMemoryUserDetailsManager(users);
    }
}
