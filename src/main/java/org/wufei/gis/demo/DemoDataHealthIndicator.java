package org.wufei.gis.demo;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code demoData} component of /actuator/health: LOADING while the demo sites are loaded after start-up
 * (the service is live and ready meanwhile; the aggregate stays UP), UP once they are in the register (or were
 * already), DOWN if loading them failed (nothing of them is kept: they load in one transaction). Not a bean: the
 * loader registers it only when the demo is on (a start from the build's AOT-processed bean definitions fixes every
 * condition at build time, so the switch is a runtime check).
 */
class DemoDataHealthIndicator implements HealthIndicator {
    static final Status LOADING = new Status("LOADING");

    private volatile Health health = Health.up().build();

    @Override
    public Health health() {
        return health;
    }

    void loading() {
        health = Health.status(LOADING).build();
    }

    void loaded(long sites) {
        health = Health.up().withDetail("sites", sites).build();
    }

    void failed(Exception e) {
        health = Health.down().withDetail("error", e.getClass().getSimpleName()).build();
    }
}
