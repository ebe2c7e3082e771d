package org.wufei.gis.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Who may sign in, fixed at start-up. Deliberately read-only: Spring Security re-hashes a password at its default
 * bcrypt cost after a login when its user store can be written to, which would make every later check of the
 * cheap (cost 4) demo hash cost ~50 ms.
 */
final class Users {
    private final Map<String, UserDetails> byName = new LinkedHashMap<>();

    Users(List<UserDetails> users) {
        for (UserDetails user : users) {
            if (byName.putIfAbsent(key(user.getUsername()), user) != null) {
                throw new IllegalStateException("User configured twice: " + user.getUsername());
            }
        }
    }

    /** A copy of the user, since a successful authentication erases the password of the one it returns. */
    UserDetails loadUserByUsername(String username) {
        UserDetails user = username == null ? null : byName.get(key(username));
        if (user == null) {
            throw new UsernameNotFoundException("No such user");
        }
        return User.withUserDetails(user).build();
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
