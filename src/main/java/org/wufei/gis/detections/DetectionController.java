package org.wufei.gis.detections;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.DomainException;
import org.wufei.gis.common.CurrentActor;
import org.wufei.gis.common.Locales;
import org.wufei.gis.common.Problems;

/**
 * Read one detection (with every report of its queue entry); promote one, or many of a batch, to suspected waste
 * heaps; dismiss an entry.
 */
@RestController
class DetectionController {
    private static final int MAX_BULK = 1000;

    private final Promotions promotions;
    private final Dismissals dismissals;
    private final Detections detections;
    private final ImportedBatches batches;
    private final Problems problems;

    DetectionController(Promotions promotions, Dismissals dismissals, Detections detections, ImportedBatches batches,
            Problems problems) {
        this.promotions = promotions;
        this.dismissals = dismissals;
        this.detections = detections;
        this.batches = batches;
        this.problems = problems;
    }

    /** {@code ids} to promote, or {@code allNew: true} for every new detection of the batch not yet promoted. */
    record BulkBody(List<Long> ids, Boolean allNew) {
    }

    record Refused(long detectionId, String code, String message) {
    }

    record BulkResult(List<Promotions.Promoted> promoted, List<Refused> refused) {
    }

    @GetMapping(path = "/api/detections/{id}", produces = "application/geo+json")
    DetectionViews.Feature get(@PathVariable long id) {
        Detections.DetectionRow d = detections.find(id).orElseThrow(() -> ApiException.notFound("detection", id));
        return DetectionViews.of(d, detections.reports(d.duplicateOf() == null ? d.id() : d.duplicateOf()));
    }

    /** An optional note on why the entry is dismissed. */
    record DismissBody(String note) {
    }

    @PostMapping("/api/detections/{id}/dismiss")
    Dismissals.Dismissed dismiss(@PathVariable long id, @RequestBody(required = false) DismissBody body,
            HttpServletRequest request) {
        return dismissals.dismiss(id, body == null ? null : body.note(), CurrentActor.of(request));
    }

    @PostMapping("/api/detections/{id}/promote")
    ResponseEntity<Promotions.Promoted> promote(@PathVariable long id, HttpServletRequest request) {
        Promotions.Promoted p = promotions.promote(id, CurrentActor.of(request));
        return ResponseEntity.status(p.created() ? HttpStatus.CREATED : HttpStatus.OK).body(p);
    }

    @PostMapping("/api/imports/{id}/promote")
    BulkResult promoteMany(@PathVariable long id, @RequestBody(required = false) BulkBody body,
            HttpServletRequest request) {
        Actor actor = CurrentActor.of(request);
        ImportedBatches.requireImporter(actor);
        batches.fileName(id).orElseThrow(() -> ApiException.notFound("import", id));
        if (body == null || (body.ids() == null) == !Boolean.TRUE.equals(body.allNew())) {
            throw ApiException.badRequest("promote_body_invalid", "ids");
        }
        List<Long> ids = body.ids() != null ? body.ids() : detections.newOfBatch(id);
        if (ids.size() > MAX_BULK) {
            throw ApiException.badRequest("promote_too_many", "ids", MAX_BULK);
        }
        List<Promotions.Promoted> promoted = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (Long detectionId : ids) {
            var d = detectionId == null ? null : detections.find(detectionId).orElse(null);
            if (d == null || d.batchId() != id) {
                refused.add(refusal(detectionId, ApiException.notFound("detection", detectionId), request));
                continue;
            }
            try {
                promoted.add(promotions.promote(detectionId, actor));
            } catch (DomainException e) {
                refused.add(refusal(detectionId, e, request));
            }
        }
        return new BulkResult(promoted, refused);
    }

    private Refused refusal(Long id, DomainException e, HttpServletRequest request) {
        var p = problems.of(e, Locales.of(request), request.getRequestURI());
        return new Refused(id == null ? 0 : id, e.code(), p.getDetail());
    }
}
