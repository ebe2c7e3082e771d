package org.wufei.gis.common;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** Who is acting, with which roles and from where; recorded in every history event. */
public record Actor(String username, Set<Role> roles, String clientIp) {

    public Actor {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public static Actor system(String name) {
        return new Actor(name, EnumSet.allOf(Role.class), null);
    }

    public boolean hasAnyRole(Collection<Role> allowed) {
        return allowed.stream().anyMatch(roles::contains);
    }
}
