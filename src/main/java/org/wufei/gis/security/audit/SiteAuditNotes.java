package org.wufei.gis.security.audit;

import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.wufei.gis.sites.SiteChanged;
import org.wufei.gis.sites.SiteStatusChanged;

/**
 * Turns the register's events into the before → after summary of the audit row of the request that caused them
 * (a transition, a create, edit or delete through the API or OGC Part 4, a promotion). Only committed changes.
 */
@Component
class SiteAuditNotes {

    @TransactionalEventListener(fallbackExecution = true)
    void on(SiteStatusChanged e) {
        AuditNote.add("site:" + e.siteId(), e.code() + " (" + e.kind().id() + ") status " + e.from() + " → " + e.to());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SiteChanged e) {
        String what;
        if (e.before() == null) {
            what = "created at " + box(e.after());
        } else if (e.after() == null) {
            what = "deleted (was at " + box(e.before()) + ")";
        } else {
            what = "edited" + (e.before().equals(e.after()) ? "" : ", extent " + box(e.before()) + " → " + box(e.after()));
        }
        // a new site's event is made before its id exists: the audit filter names it from the response's Location
        AuditNote.add(e.siteId() == null ? null : "site:" + e.siteId(), e.kind().id() + " " + what);
    }

    private static String box(Envelope env) {
        return String.format(java.util.Locale.ROOT, "[%.6f,%.6f,%.6f,%.6f]", env.getMinX(), env.getMinY(),
                env.getMaxX(), env.getMaxY());
    }
}
