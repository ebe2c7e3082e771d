package org.wufei.gis.detections;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.wufei.gis.catalog.DataVersions;
import org.wufei.gis.catalog.LayerChanged;

/**
 * Tells the catalog (cached counts) and the tile cache that the detections layer changed once a batch committed,
 * was rolled back, or a detection was promoted.
 */
@Component
class DetectionLayerEvents {
    private final DataVersions versions;
    private final ApplicationEventPublisher events;

    DetectionLayerEvents(DataVersions versions, ApplicationEventPublisher events) {
        this.versions = versions;
        this.events = events;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DetectionsChanged e) {
        versions.changed(DetectionSource.ID);
        events.publishEvent(new LayerChanged(DetectionSource.ID, e.bounds(), e.bounds()));
    }
}
