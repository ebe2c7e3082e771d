package org.wufei.gis.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.wufei.gis.common.Role;

/**
 * Who may call which write, at the door: the roles that can possibly succeed at an endpoint, so a refused role gets
 * 403 before its request body is read or anything is looked up. The domain still checks the finer rules (which
 * lifecycle edge a role may take, which kinds a role may create). The table in docs/security.md and
 * src/test/resources/security/permissions.csv say the same, and PermissionMatrix tests it against every mapping.
 */
final class Permissions {
    private static final String ADMIN = Role.ADMIN.name();
    private static final String INSPECTOR = Role.INSPECTOR.name();
    private static final String UPLOADER = Role.UPLOADER.name();
    private static final String PLANNER = Role.PLANNER.name();

    /**
     * GET paths open to everyone even with public read off: the pages' files (no data; the map page itself sends a
     * browser that is not signed in to the sign-in page instead), the page configuration
     * (district, kinds, the caller and the CSRF token the sign-in form needs) and the public disclosure (信息公开).
     */
    static final String[] ALWAYS_PUBLIC = {"/login.html", "/disclosure.html", "/js/**",
        "/css/**", "/i18n/**", "/webjars/**", "/icon.svg", "/manifest.webmanifest", "/sw.js", "/favicon.ico",
        "/api/ui/config", "/api/disclosure", "/report.html", "/api/reports/*"};

    private Permissions() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry auth) {
        // public reports (举报): anyone may report and follow a report by its code; its photo is for staff only
        auth.requestMatchers(HttpMethod.POST, "/api/reports").permitAll();
        auth.requestMatchers(HttpMethod.GET, "/api/reports/*/photo").authenticated();
        auth.requestMatchers("/api/audit", "/api/audit/**", "/api/tokens", "/api/tokens/**").hasRole(ADMIN);
        // the register: edits and deletes are ADMIN's; creation and transitions follow the kinds' lifecycles
        auth.requestMatchers(HttpMethod.PATCH, "/api/sites/*").hasRole(ADMIN);
        auth.requestMatchers(HttpMethod.DELETE, "/api/sites/*").hasRole(ADMIN);
        auth.requestMatchers(HttpMethod.POST, "/api/sites").hasAnyRole(ADMIN, INSPECTOR, UPLOADER, PLANNER);
        auth.requestMatchers(HttpMethod.POST, "/api/sites/*/transitions").hasAnyRole(ADMIN, INSPECTOR, PLANNER);
        auth.requestMatchers(HttpMethod.POST, "/api/sites/*/inspections").hasAnyRole(ADMIN, INSPECTOR);
        // register imports (清单入库) bring sites in at their recorded statuses: ADMIN's
        auth.requestMatchers(HttpMethod.POST, "/api/imports/register", "/api/imports/register/**").hasRole(ADMIN);
        auth.requestMatchers(HttpMethod.DELETE, "/api/imports/register/**").hasRole(ADMIN);
        // uploads, their rollback and retry, and promotion of detections into the register
        auth.requestMatchers(HttpMethod.POST, "/api/imports", "/api/imports/**", "/api/detections/*/promote",
                "/api/detections/*/dismiss")
                .hasAnyRole(ADMIN, UPLOADER);
        auth.requestMatchers(HttpMethod.DELETE, "/api/imports/**").hasAnyRole(ADMIN, UPLOADER);
        // OGC API - Features Part 4: creating follows the lifecycles, replacing, updating and deleting is ADMIN's
        auth.requestMatchers(HttpMethod.POST, "/ogc/collections/*/items").hasAnyRole(ADMIN, INSPECTOR, UPLOADER,
                PLANNER);
        auth.requestMatchers(HttpMethod.PUT, "/ogc/collections/*/items/*").hasRole(ADMIN);
        auth.requestMatchers(HttpMethod.PATCH, "/ogc/collections/*/items/*").hasRole(ADMIN);
        auth.requestMatchers(HttpMethod.DELETE, "/ogc/collections/*/items/*").hasRole(ADMIN);
        // replacing a reference layer (rivers, villages, sensitive areas, roads) by an upload
        auth.requestMatchers(HttpMethod.POST, "/api/reference-layers/**").hasRole(ADMIN);
    }
}
