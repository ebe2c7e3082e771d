package org.wufei.gis.common;

import org.springframework.core.env.Environment;

/**
 * Whether GET requests need no login: {@code gis.security.public-read} when set, otherwise on except in production
 * ({@code gis.production=true} implies public read off unless it is set explicitly).
 */
public final class PublicRead {
    public static final String PROPERTY = "gis.security.public-read";

    private PublicRead() {
    }

    public static boolean enabled(Environment env) {
        return enabled(env.getProperty(PROPERTY), env.getProperty("gis.production", Boolean.class, false));
    }

    public static boolean enabled(String explicit, boolean production) {
        if (explicit != null && !explicit.isBlank()) {
            return Boolean.parseBoolean(explicit.strip());
        }
        return !production;
    }
}
