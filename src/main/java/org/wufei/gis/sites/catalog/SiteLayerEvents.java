package org.wufei.gis.sites.catalog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wufei.gis.catalog.LayerChanged;
import org.wufei.gis.sites.SiteChanged;
import org.wufei.gis.sites.SiteStatusChanged;

/**
 * Tells the catalog (counts, extents, tile cache) that a site collection's data changed: every site event is
 * republished as the catalog's {@link LayerChanged}, at once and so inside the writing transaction, so the
 * listeners' after-commit phase is the site change's own.
 */
@Component
class SiteLayerEvents {
    private final ApplicationEventPublisher events;

    SiteLayerEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void on(SiteChanged e) {
        events.publishEvent(new LayerChanged(e.kind().collectionId(), e.before(), e.after()));
    }

    @EventListener
    void on(SiteStatusChanged e) {
        events.publishEvent(new LayerChanged(e.kind().collectionId(), e.bounds(), null));
    }
}
