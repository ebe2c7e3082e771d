package org.wufei.gis.common;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;

/** Reads the caller of the current request as an {@link Actor}. */
public final class CurrentActor {
    /** The authority of a caller limited to some collections (a department token), and the prefix of each one. */
    public static final String COLLECTION_SCOPED = "SCOPE_COLLECTIONS";
    public static final String COLLECTION = "SCOPE_COLLECTION_";

    private CurrentActor() {
    }

    /**
     * Whether the caller may see this collection: every caller may, except one limited to some collections (a
     * department's token), which sees only those ({@code *} for all).
     */
    public static boolean mayReadCollection(String collectionId) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth.getAuthorities().stream().noneMatch(a -> COLLECTION_SCOPED.equals(a.getAuthority()))) {
            return true;
        }
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(COLLECTION + collectionId) || a.equals(COLLECTION + "*"));
    }

    /** Whether the current request comes from nobody signed in (public read): it gets the public projection. */
    public static boolean anonymous() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken;
    }

    public static Actor of(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return new Actor("anonymous", Set.of(), request.getRemoteAddr());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority a : auth.getAuthorities()) {
            for (Role r : Role.values()) {
                if (r.authority().equals(a.getAuthority())) {
                    roles.add(r);
                }
            }
        }
        return new Actor(auth.getName(), roles, request.getRemoteAddr());
    }
}
