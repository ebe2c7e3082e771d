package org.wufei.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wufei.gis.imports.Uploads.form;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * One verification queue: the same heaps reported by two offices in two formats are one entry each, with both
 * reports; dismissing or promoting acts on the entry and all its reports.
 */
@IntegrationTest
abstract class QueueContract {
    private static final double M_LAT = 1 / 111_320.0;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path tmp;
    Http http;
    Uploads uploads;
    double cx;
    double cy;

    @BeforeEach
    void client() {
        http = new Http(port);
        uploads = new Uploads(http);
    }

    @Test
    void theSameThirtyHeapsAsShapefileAndAsGeoPackageAreOneQueueEntryEachWithTwoReports() throws Exception {
        emptySpot();
        String heaps = thirtyHeaps();
        JsonNode first = upload("堆放点-乡镇上报.zip", Ogr.shapefileZip(tmp, "heaps_bureau", heaps, 4490),
                "satellite");
        assertThat(first.path("accepted").asLong()).as(first.toString()).isEqualTo(30);
        assertThat(first.path("triage").path("new").asLong()).isEqualTo(30);
        assertThat(first.path("triage").path("duplicate").asLong()).isZero();
        JsonNode second = upload("heaps-office.gpkg", Ogr.geoPackage(tmp, "heaps_office", heaps), "drone");
        assertThat(second.path("accepted").asLong()).as(second.toString()).isEqualTo(30);
        assertThat(second.path("triage").path("duplicate").asLong()).as(second.toString()).isEqualTo(30);
        assertThat(second.path("triage").path("new").asLong()).isZero();

        JsonNode reported = detections(second).get(0);
        long entryId = reported.path("properties").path("duplicateOf").asLong();
        JsonNode entry = http.get("/api/detections/" + entryId, "viewer").json();
        assertThat(entry.path("properties").path("batchId").asLong()).isEqualTo(first.path("id").asLong());
        JsonNode reports = entry.path("properties").path("reports");
        assertThat(reports.size()).as(entry.toString()).isEqualTo(2);
        assertThat(reports.get(0).path("source").asString()).isEqualTo("satellite");
        assertThat(reports.get(0).path("fileName").asString()).isEqualTo("堆放点-乡镇上报.zip");
        assertThat(reports.get(1).path("batchId").asLong()).isEqualTo(second.path("id").asLong());
        assertThat(reports.get(1).path("source").asString()).isEqualTo("drone");
        assertThat(openEntriesAround()).isEqualTo(30);

        // dismissing a report dismisses its entry with every report
        Http.Response dismissed = http.post("/api/detections/" + reported.path("id").asLong() + "/dismiss",
                "uploader", "{\"note\":\"现场核实为正常堆料\"}", null);
        assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(200);
        assertThat(dismissed.json().path("dismissed").size()).isEqualTo(2);
        assertThat(http.get("/api/detections/" + entryId, "viewer").json().path("properties").path("dismissed")
                .asBoolean()).isTrue();
        assertThat(http.post("/api/detections/" + entryId + "/promote", "uploader", null, null).code())
                .isEqualTo("detection_dismissed");
        assertThat(openEntriesAround()).isEqualTo(29);

        // promoting a report promotes its entry, and every report points at the one site
        JsonNode other = detections(second).get(1);
        Http.Response promoted = http.post("/api/detections/" + other.path("id").asLong() + "/promote", "uploader",
                null, null);
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(201);
        long siteId = promoted.json().path("siteId").asLong();
        long otherEntry = other.path("properties").path("duplicateOf").asLong();
        assertThat(http.get("/api/detections/" + otherEntry, "viewer").json().path("properties")
                .path("promotedSiteId").asLong()).isEqualTo(siteId);
        assertThat(http.get("/api/detections/" + other.path("id").asLong(), "viewer").json().path("properties")
                .path("promotedSiteId").asLong()).isEqualTo(siteId);
        assertThat(http.post("/api/detections/" + otherEntry + "/dismiss", "uploader", null, null).code())
                .isEqualTo("detection_promoted");
        assertThat(http.post("/api/detections/" + otherEntry + "/dismiss", "viewer", null, null).status())
                .isEqualTo(403);
    }

    @Test
    void aPointReportNearAnOpenEntryJoinsItAndARolledBackEntryFreesItsReports() throws Exception {
        emptySpot();
        JsonNode polygon = upload("entry.geojson", collection(List.of(feature("疑似堆放点", square(0, 0, 80))))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "satellite");
        JsonNode point = upload("field.geojson", collection(List.of(feature("巡查点位", point(10, 5))))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "inspection");
        assertThat(point.path("triage").path("duplicate").asLong()).as(point.toString()).isEqualTo(1);
        long entryId = detections(polygon).get(0).path("id").asLong();
        assertThat(detections(point).get(0).path("properties").path("duplicateOf").asLong()).isEqualTo(entryId);

        assertThat(http.send("DELETE", "/api/imports/" + polygon.path("id").asLong(), "uploader", null, null)
                .status()).isEqualTo(204);
        JsonNode alone = detections(point).get(0).path("properties");
        assertThat(alone.path("duplicateOf").isNull()).as(alone.toString()).isTrue();
        assertThat(openEntriesAround()).isEqualTo(1);
    }

    private JsonNode upload(String fileName, byte[] content, String source) {
        Http.Response r = uploads.upload("uploader", fileName, content, form("source", source));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode batch = uploads.finished(r.header("Location"));
        assertThat(batch.path("state").asString()).as(batch.toString()).isEqualTo("succeeded");
        return batch;
    }

    private JsonNode detections(JsonNode batch) {
        return http.get(batch.path("detections").asString(), "viewer").json().path("features");
    }

    /** Queue entries (open detections that are no duplicate) around the test's spot. */
    private long openEntriesAround() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM detection d WHERE ST_XMin(d.geom) > ? AND ST_XMax(d.geom) < ?
                  AND ST_YMin(d.geom) > ? AND ST_YMax(d.geom) < ? AND d.promoted_site_id IS NULL
                  AND NOT EXISTS (SELECT 1 FROM detection_dismissal x WHERE x.detection_id = d.id)
                  AND NOT EXISTS (SELECT 1 FROM detection_duplicate u
                                  WHERE u.batch_id = d.batch_id AND u.feature_index = d.feature_index)""")
                .params(cx - 0.015, cx + 0.035, cy - 0.015, cy + 0.025).query(Long.class).single();
    }

    private String thirtyHeaps() {
        List<String> features = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            features.add(feature("堆放点" + (i + 1), square((i % 6) * 300, (i / 6) * 300, 60)));
        }
        return collection(features);
    }

    /** A spot with no site and no detection within about 1.2 km (the test's heaps span 1.5 by 1.2 km); random, so parallel tests do not meet. */
    private void emptySpot() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 500; attempt++) {
            double x = 110.03 + r.nextDouble() * 0.48;
            double y = 40.60 + r.nextDouble() * 0.27;
            if (Math.hypot(x - 110.27, y - 40.67) < 0.06 || Math.hypot(x - 110.416, y - 40.6142) < 0.06
                    || Math.hypot(x - 110.0468, y - 40.7771) < 0.03) {
                continue;
            }
            long near = jdbc.sql("""
                    SELECT (SELECT COUNT(*) FROM site WHERE ST_XMin(geom) < ? AND ST_XMax(geom) > ?
                              AND ST_YMin(geom) < ? AND ST_YMax(geom) > ?)
                         + (SELECT COUNT(*) FROM detection WHERE ST_XMin(geom) < ? AND ST_XMax(geom) > ?
                              AND ST_YMin(geom) < ? AND ST_YMax(geom) > ?)""")
                    .params(x + 0.035, x - 0.015, y + 0.025, y - 0.015, x + 0.035, x - 0.015, y + 0.025, y - 0.015)
                    .query(Long.class).single();
            if (near == 0) {
                cx = x;
                cy = y;
                return;
            }
        }
        throw new IllegalStateException("no empty spot left in the district");
    }

    private double lon(double metresEast) {
        return cx + metresEast * M_LAT / Math.cos(Math.toRadians(cy));
    }

    private double lat(double metresNorth) {
        return cy + metresNorth * M_LAT;
    }

    private String square(double east, double north, double side) {
        double h = side / 2;
        return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%.8f,%.8f],[%.8f,%.8f],"
                + "[%.8f,%.8f],[%.8f,%.8f],[%.8f,%.8f]]]}", lon(east - h), lat(north - h), lon(east + h),
                lat(north - h), lon(east + h), lat(north + h), lon(east - h), lat(north + h), lon(east - h),
                lat(north - h));
    }

    private String point(double east, double north) {
        return String.format(Locale.ROOT, "{\"type\":\"Point\",\"coordinates\":[%.8f,%.8f]}", lon(east), lat(north));
    }

    private static String feature(String name, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"名称\":\"" + name + "\"},\"geometry\":" + geometry + "}";
    }

    private static String collection(List<String> features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }
}
