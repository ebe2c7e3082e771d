package org.wufei.gis.detections;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.ApiException;

/**
 * Takes a queue entry off the queue without a site (a false alarm): the entry and every report of it (its
 * duplicates) are dismissed together; a duplicate stands for the entry it repeats. Dismissing again changes nothing.
 */
@Service
class Dismissals {
    private static final int NOTE_MAX = 2000;

    /** The detection asked about, its entry and the detections this call dismissed. */
    record Dismissed(long detectionId, long entryId, List<Long> dismissed) {
    }

    private final Detections detections;
    private final Clock clock;

    Dismissals(Detections detections, Clock clock) {
        this.detections = detections;
        this.clock = clock;
    }

    @Transactional
    Dismissed dismiss(long detectionId, String note, Actor actor) {
        ImportedBatches.requireImporter(actor);
        Detections.DetectionRow d = detections.find(detectionId)
                .orElseThrow(() -> ApiException.notFound("detection", detectionId));
        long entry = d.duplicateOf() == null ? d.id() : d.duplicateOf();
        if (d.promotedSiteId() != null) {
            throw new ApiException(HttpStatus.CONFLICT, "detection_promoted", null, detectionId, d.promotedSiteId());
        }
        if (note != null && note.length() > NOTE_MAX) {
            throw ApiException.badRequest("note_too_long", "note", NOTE_MAX);
        }
        List<Long> group = new ArrayList<>();
        group.add(entry);
        group.addAll(detections.duplicatesOf(entry));
        return new Dismissed(detectionId, entry, detections.dismiss(group, actor.username(), clock.instant(), note));
    }
}
