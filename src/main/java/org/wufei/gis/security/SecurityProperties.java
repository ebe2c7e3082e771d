package org.wufei.gis.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may sign in: demo users (one per role, only with demo data) or configured users with bcrypt hashes.
 *
 * @param publicRead whether GET requests on the API and map layers need no login (QGIS/GDAL read freely)
 */
@ConfigurationProperties("gis.security")
public record SecurityProperties(boolean publicRead, List<User> users) {

    public SecurityProperties {
        users = users == null ? List.of() : users;
    }

    /** A configured user: name, {bcrypt} password hash and roles. */
    public record User(String username, String password, List<String> roles) {
    }
}
