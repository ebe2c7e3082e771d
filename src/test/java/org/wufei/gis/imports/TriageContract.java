package org.wufei.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wufei.gis.imports.Uploads.form;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Triage against sites the test creates on an empty spot of the district (plus one closed demo heap), with answers
 * known in advance; promotion, idempotency and rollback of batches.
 */
@IntegrationTest
abstract class TriageContract {
    private static final double M_LAT = 1 / 111_320.0;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
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
    void triageCountsAreExactOnAFileWithKnownAnswers() {
        emptySpot();
        createHeap("已知堆放点 S1", square(0, 0, 100));
        createHeap("已知堆放点 S2", square(500, 0, 100));
        String closed = jdbc.sql("""
                SELECT ST_AsText(geom) FROM site WHERE kind = 'waste_heap' AND status = 'closed'
                  AND deleted_at IS NULL ORDER BY id""").query(String.class).list().get(0);
        List<String> features = new ArrayList<>();
        features.add(feature("known: 10 m shift of S1, IoU 0.82", square(10, 0, 100)));
        features.add(feature("changed: covers S2, area +156%", square(500, 0, 160)));
        features.add(feature("changed: overlaps S1 with IoU 0.11", square(80, 0, 100)));
        features.add(feature("changed: closed heap re-appears (red flag)", wktPolygon(closed)));
        features.add(feature("new: nothing near", square(3000, 3000, 80)));
        features.add(feature("merged: the new one again, 5 m off", square(3005, 3000, 80)));
        features.add(feature("known: point 20 m north of S1", point(0, 70)));
        features.add(feature("new: point far away", point(-3000, 3000)));
        features.add(feature("merged: same point 3 m off", point(-3003, 3000)));
        JsonNode batch = upload(features, "inspection");
        assertThat(batch.path("state").asString()).as(batch.toString()).isEqualTo("succeeded");
        assertThat(batch.path("triage").path("known").asLong()).as(batch.toString()).isEqualTo(2);
        assertThat(batch.path("triage").path("changed").asLong()).as(batch.toString()).isEqualTo(3);
        assertThat(batch.path("triage").path("new").asLong()).as(batch.toString()).isEqualTo(2);
        assertThat(batch.path("merged").asLong()).isEqualTo(2);
        JsonNode all = http.get(batch.path("detections").asString(), "viewer").json().path("features");
        for (JsonNode d : all) {
            String expected = d.path("properties").path("name").asString().split(":")[0];
            assertThat(d.path("properties").path("triage").asString()).as(d.toString()).isEqualTo(expected);
            boolean redFlag = d.path("properties").path("name").asString().contains("red flag");
            assertThat(d.path("properties").path("redFlag").asBoolean()).isEqualTo(redFlag);
        }
        JsonNode ogc = http.get("/ogc/collections/detections/items?limit=100&filter="
                + java.net.URLEncoder.encode("batch_id=" + batch.path("id").asLong() + " AND status='changed'",
                        StandardCharsets.UTF_8), "viewer").json();
        assertThat(ogc.path("numberMatched").asLong()).as(ogc.toString()).isEqualTo(3);
        assertThat(ogc.path("features").get(0).path("properties").path("triage").asString()).isEqualTo("changed");
    }

    @Test
    void newDetectionsArePromotedOnceToSuspectedWasteHeapsWhoseHistoryCitesTheBatch() {
        emptySpot();
        JsonNode batch = upload(List.of(feature("疑似堆放点 甲", square(0, 0, 60)),
                feature("疑似堆放点 乙", square(400, 0, 60)), feature("疑似堆放点 丙", square(800, 0, 60))),
                "satellite");
        long batchId = batch.path("id").asLong();
        long first = http.get(batch.path("detections").asString(), "viewer").json().path("features").get(0).path("id").asLong();
        assertThat(http.post("/api/detections/" + first + "/promote", "viewer", null, null).status()).isEqualTo(403);
        Http.Response promoted = http.post("/api/detections/" + first + "/promote", "uploader", null, null);
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(201);
        long siteId = promoted.json().path("siteId").asLong();
        Http.Response again = http.post("/api/detections/" + first + "/promote", "uploader", null, null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("siteId").asLong()).isEqualTo(siteId);
        JsonNode site = http.get("/api/sites/" + siteId, "viewer").json();
        assertThat(site.path("status").asString()).isEqualTo("suspected");
        assertThat(site.path("name").asString()).isEqualTo("疑似堆放点 甲");
        assertThat(http.get("/api/sites/" + siteId + "/history", "viewer").json().get(0).path("note").asString())
                .contains("导入批次 #" + batchId).contains("import batch #" + batchId);

        JsonNode bulk = http.post("/api/imports/" + batchId + "/promote", "admin", "{\"allNew\":true}", null).json();
        assertThat(bulk.path("promoted").size()).isEqualTo(2);
        assertThat(http.post("/api/imports/" + batchId + "/promote", "admin", "{\"allNew\":true}", null).json()
                .path("promoted").size()).isZero();
        Http.Response rollback = http.send("DELETE", "/api/imports/" + batchId, "uploader", null, null);
        assertThat(rollback.status()).isEqualTo(409);
        assertThat(rollback.code()).isEqualTo("import_promoted");
    }

    @Test
    void theSameFileTwiceGivesTheSameBatchAndARolledBackBatchLeavesNothing() {
        emptySpot();
        byte[] content = collection(List.of(feature("回滚测试", square(0, 0, 50)))).getBytes(StandardCharsets.UTF_8);
        Http.Response first = uploads.upload("uploader", "twice.geojson", content, form("source", "drone"));
        assertThat(first.status()).isEqualTo(202);
        JsonNode batch = uploads.finished(first.header("Location"));
        Http.Response second = uploads.upload("admin", "renamed.geojson", content, form("source", "drone"));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        long id = batch.path("id").asLong();
        assertThat(count("SELECT COUNT(*) FROM import_batch WHERE id = ?", id)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM detection WHERE batch_id = ?", id)).isEqualTo(1);
        storedWhereExpected(id, true);

        assertThat(http.send("DELETE", "/api/imports/" + id, "viewer", null, null).status()).isEqualTo(403);
        assertThat(http.send("DELETE", "/api/imports/" + id, "uploader", null, null).status()).isEqualTo(204);
        assertThat(count("SELECT COUNT(*) FROM detection WHERE batch_id = ?", id)).isZero();
        storedWhereExpected(id, false);
        assertThat(http.get("/api/imports/" + id, "viewer").status()).isEqualTo(404);
        Http.Response again = uploads.upload("uploader", "twice.geojson", content, form("source", "drone"));
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.header("Location")).isNotEqualTo(first.header("Location"));
        assertThat(uploads.finished(again.header("Location")).path("accepted").asLong()).isEqualTo(1);
    }

    @Test
    void batchesAreListedNewestFirst() {
        JsonNode list = http.get("/api/imports?limit=5", "viewer").json();
        assertThat(list.path("limit").asInt()).isEqualTo(5);
        assertThat(http.get("/api/imports?limit=0", "viewer").code()).isEqualTo("parameter_invalid");
        assertThat(http.get("/api/imports?colour=red", "viewer").code()).isEqualTo("parameter_unknown");
        assertThat(http.get("/api/imports/999999", "viewer").status()).isEqualTo(404);
    }

    /** A database-specific look at where a batch's rows are kept, before ({@code present}) and after rollback. */
    void storedWhereExpected(long batchId, boolean present) {
    }

    long count(String sql, long id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    private JsonNode upload(List<String> features, String source) {
        byte[] content = collection(features).getBytes(StandardCharsets.UTF_8);
        Http.Response r = uploads.upload("uploader", "triage.geojson", content, form("source", source));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return uploads.finished(r.header("Location"));
    }

    /**
     * A spot of the district with no site or detection within about 2.5 km, so the test's answers are its own (the
     * demo district has sites of eleven kinds and the shared context the other tests' sites: 4 km ran out).
     */
    private void emptySpot() {
        for (double y = 40.60; y < 40.88; y += 0.01) {
            for (double x = 110.03; x < 110.53; x += 0.01) {
                long near = jdbc.sql("SELECT COUNT(*) FROM site WHERE ST_XMin(geom) < ? AND ST_XMax(geom) > ?"
                        + " AND ST_YMin(geom) < ? AND ST_YMax(geom) > ?")
                        .params(x + 0.03, x - 0.03, y + 0.025, y - 0.025).query(Long.class).single();
                long detections = jdbc.sql("SELECT COUNT(*) FROM detection WHERE ST_XMin(geom) < ? AND ST_XMax(geom) > ?"
                        + " AND ST_YMin(geom) < ? AND ST_YMax(geom) > ?")
                        .params(x + 0.03, x - 0.03, y + 0.025, y - 0.025).query(Long.class).single();
                if (near == 0 && detections == 0) {
                    cx = x;
                    cy = y;
                    return;
                }
            }
        }
        throw new IllegalStateException("no empty spot left in the district");
    }

    private void createHeap(String name, String geometry) {
        String body = "{\"kind\":\"waste_heap\",\"name\":\"" + name + "\",\"geometry\":" + geometry
                + ",\"attributes\":{\"category\":\"construction_waste\",\"ownerless\":false}}";
        Http.Response r = http.post("/api/sites", "admin", body, null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
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

    private static String wktPolygon(String wkt) {
        try {
            var writer = new org.locationtech.jts.io.geojson.GeoJsonWriter(8);
            writer.setEncodeCRS(false);
            return writer.write(new org.locationtech.jts.io.WKTReader().read(wkt));
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String feature(String name, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"名称\":\"" + name + "\"},\"geometry\":" + geometry + "}";
    }

    private static String collection(List<String> features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    @Test
    void aPointDetectionBecomesAPointHeapThatLaterGetsItsSurveyedPolygonKeepingItsHistory() {
        emptySpot();
        JsonNode batch = upload(List.of(feature("点位堆放 甲", point(0, 0))), "inspection");
        long detection = http.get(batch.path("detections").asString(), "viewer").json().path("features").get(0)
                .path("id").asLong();
        Http.Response promoted = http.post("/api/detections/" + detection + "/promote", "uploader", null, null);
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(201);
        long siteId = promoted.json().path("siteId").asLong();
        JsonNode site = http.get("/api/sites/" + siteId, "admin").json();
        assertThat(site.path("kind").asString()).isEqualTo("waste_heap");
        assertThat(site.path("status").asString()).isEqualTo("suspected");
        assertThat(site.path("geometry").path("type").asString()).isEqualTo("Point");

        // the drone survey gives the heap its outline: an edit, not a new site
        String edit = "{\"geometry\":" + square(0, 0, 80) + ",\"note\":\"无人机航测勾绘范围\"}";
        Http.Response surveyed = http.send("PATCH", "/api/sites/" + siteId, "admin", edit,
                "\"" + site.path("version").asLong() + "\"");
        assertThat(surveyed.status()).as(surveyed.body()).isEqualTo(200);
        assertThat(surveyed.json().path("geometry").path("type").asString()).isEqualTo("Polygon");
        assertThat(surveyed.json().path("code").asString()).isEqualTo(site.path("code").asString());
        assertThat(surveyed.json().path("areaM2").asDouble()).isGreaterThan(5000);
        JsonNode history = http.get("/api/sites/" + siteId + "/history", "admin").json();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).path("type").asString()).isEqualTo("created");
        assertThat(history.get(0).path("note").asString()).contains("导入批次 #" + batch.path("id").asLong());
        assertThat(history.get(1).path("field").asString()).isEqualTo("geometry");
        assertThat(history.get(1).path("note").asString()).isEqualTo("无人机航测勾绘范围");
    }
}
