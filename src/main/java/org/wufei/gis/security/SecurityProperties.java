package org.wufei.gis.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may sign in: demo users (one per role, only with demo data) or configured users with bcrypt hashes.
 *
 * @param publicRead whether GET requests on the API and map layers need no login (QGIS/GDAL read freely); null
 *     (not set) means on, except in production; read it through {@link org.wufei.gis.common.PublicRead}
 * @param authCacheSeconds how long a successful username/password check is remembered, so that HTTP Basic
 *     clients do not pay for bcrypt on every request; 0 checks every request
 * @param loginMaxFailures failed sign-ins per user name and client address within the window before that pair gets
 *     429 (HTTP Basic and the form login alike)
 * @param loginWindowSeconds the window of the login throttle
 */
@ConfigurationProperties("gis.security")
public record SecurityProperties(Boolean publicRead, List<User> users, @DefaultValue("300") int authCacheSeconds,
        @DefaultValue("5") int loginMaxFailures, @DefaultValue("300") int loginWindowSeconds) {

    public SecurityProperties {
        users = users == null ? List.of() : users;
        if (authCacheSeconds < 0) {
            throw new IllegalArgumentException("gis.security.auth-cache-seconds must be >= 0");
        }
        if (loginMaxFailures < 1 || loginWindowSeconds < 1) {
            throw new IllegalArgumentException("gis.security.login-max-failures and login-window-seconds must be >= 1");
        }
    }

    /** A configured user: name, {bcrypt} password hash and roles. */
    public record User(String username, String password, List<String> roles) {
    }
}
