package org.wufei.gis.detections;

import org.wufei.gis.common.Texts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.util.GeometricShapeFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Detections that come from the public (举报) rather than from a file: each is one point in the standing batch
 * {@value #BATCH}, triaged "new", so it waits in the verification queue with the imported ones and is promoted the
 * same way. The batch row is made by the first report ({@link #ensureBatch}, again should someone roll it back). A waste
 * heap is an area, so the detection is a circle of {@value #FOOTPRINT_METRES} m radius around the reported point: a
 * nominal footprint the inspector redraws on site.
 */
@Component
public class ReportedDetections {
    static final String BATCH = "public-reports";
    static final double FOOTPRINT_METRES = 15;
    private static final double METRES_PER_DEGREE = 111_320;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ReportedDetections(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** What became of a reported detection; empty once it was removed (its batch rolled back). */
    public record Outcome(Long promotedSiteId, String siteStatus) {
    }

    /** Stores the report's detection in the batch {@link #ensureBatch} gave (inside the report's transaction); its id. */
    public long add(long batch, long reportId, String trackingCode, Point where, String description,
            Instant received) {
        Polygon footprint = footprint(where);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO detection (batch_id, feature_index, layer, source, acquired, name, category, area_m2, note,
                    attributes, geom, triage, red_flag, repaired)
                VALUES (?, ?, 'public_report', 'manual', ?, ?, 'public_report', ?, ?, ?, ST_GeomFromText(?, 4326),
                    'new', FALSE, FALSE)""")
                .params(batch, reportId, LocalDate.ofInstant(received, ZoneOffset.ofHours(8)), Texts.zh("detections.report.name", trackingCode),
                        Math.PI * FOOTPRINT_METRES * FOOTPRINT_METRES, description,
                        "{\"report\":\"" + trackingCode + "\"}", footprint.toText())
                .update(keys, "id");
        events.publishEvent(new DetectionsChanged(batch, DetectionsChanged.COMMITTED,
                footprint.getEnvelopeInternal()));
        return keys.getKey().longValue();
    }

    public Optional<Outcome> outcome(long detectionId) {
        return jdbc.sql("""
                SELECT d.promoted_site_id, s.status FROM detection d LEFT JOIN site s ON s.id = d.promoted_site_id
                WHERE d.id = ?""").param(detectionId)
                .query((rs, n) -> new Outcome((Long) rs.getObject("promoted_site_id", Long.class),
                        rs.getString("status"))).optional();
    }

    private static Polygon footprint(Point where) {
        var shape = new GeometricShapeFactory(where.getFactory());
        shape.setCentre(where.getCoordinate());
        shape.setNumPoints(16);
        shape.setWidth(2 * FOOTPRINT_METRES / (METRES_PER_DEGREE * Math.cos(Math.toRadians(where.getY()))));
        shape.setHeight(2 * FOOTPRINT_METRES / METRES_PER_DEGREE);
        return shape.createEllipse();
    }

    /**
     * The standing batch's id, made if missing. Call outside a transaction: two first reports at once both try the
     * insert, and the loser's failed statement must not spoil a transaction (it just reads the winner's row).
     */
    public long ensureBatch() {
        var existing = find();
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbc.sql("""
                    INSERT INTO import_batch (content_sha256, file_name, format, source, state, progress, strict,
                        uploaded_by, created_at, finished_at)
                    VALUES (?, ?, 'report', 'manual', 'succeeded', 1, FALSE, 'public', CURRENT_TIMESTAMP,
                        CURRENT_TIMESTAMP)""").params(BATCH, BATCH).update();
        } catch (DuplicateKeyException e) {
            // another report made it a moment ago
        }
        return find().orElseThrow();
    }

    private Optional<Long> find() {
        return jdbc.sql("SELECT id FROM import_batch WHERE content_sha256 = ?").param(BATCH).query(Long.class)
                .optional();
    }
}
