package org.wufei.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.wufei.gis.imports.Uploads.fixture;
import static org.wufei.gis.imports.Uploads.form;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wufei.gis.crs.ChineseMapOffsets;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** Uploads of every format, encoding and CRS, and every hostile file, over real HTTP into a real database. */
@IntegrationTest
abstract class ImportContract {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ImportBatches batches;
    @Autowired
    BatchCompletions completions;
    Http http;
    Uploads uploads;

    @BeforeEach
    void client() {
        http = new Http(port);
        uploads = new Uploads(http);
    }

    @ParameterizedTest(name = "{0} as {1}: {2} accepted, {3} refused")
    @CsvSource({
        "geojson-legacy-crs-4490.geojson, inspection, 2, 0",
        "shapefile-gbk-cgcs2000-gk111.zip, satellite, 3, 0",
        "shapefile-utf8-no-cpg.zip, satellite, 3, 0",
        "shapefile-gbk-bytes-cpg-says-utf8.zip, satellite, 3, 0",
        "geopackage-two-layers.gpkg, inspection, 5, 0",
        "kml-placemarks-extendeddata.kml, inspection, 5, 1",
        "kml-drone-8-points-4-polygons.kml, drone, 12, 0",
        "kmz-placemarks-with-photos.kmz, drone, 3, 0",
        "kmz-doc.kmz, inspection, 1, 0",
        "csv-gbk-jingdu-weidu.csv, inspection, 2, 1",
        "xlsx-jingdu-weidu.xlsx, inspection, 2, 0",
        "csv-wkt-column.csv, satellite, 2, 0",
        "geotiff-footprint.tif, satellite, 1, 0"})
    void everyFormatBecomesDetectionsThroughTheUpload(String file, String source, int accepted, int rejected) {
        JsonNode batch = uploads.imported("uploader", fixture(file), "source", source);
        assertThat(batch.path("state").asString()).as(batch.toString()).isEqualTo("succeeded");
        assertThat(batch.path("accepted").asLong() + batch.path("merged").asLong()).as(batch.toString())
                .isEqualTo(accepted);
        assertThat(batch.path("rejected").asLong()).as(batch.toString()).isEqualTo(rejected);
        assertThat(storedDetections(batch)).isEqualTo(batch.path("accepted").asLong());
    }

    @Test
    void gbkShapefileInCgcs2000GaussKrugerLandsWithinAMetreOfItsTruePosition() {
        JsonNode batch = uploads.imported("uploader", fixture("shapefile-gbk-cgcs2000-gk111.zip"),
                "source", "satellite");
        assertThat(batch.path("crs").path("used").asString()).isEqualTo("EPSG:4546");
        assertThat(batch.path("crs").path("detectedBy").asString()).isEqualTo("prj");
        JsonNode first = detections(batch).get(0);
        assertThat(first.path("properties").path("name").asString()).isEqualTo("石拐镇建筑垃圾堆放点");
        assertThat(first.path("properties").path("category").asString()).isEqualTo("建筑垃圾");
        JsonNode corner = first.path("geometry").path("coordinates").get(0).get(0);
        // True WGS 84 position of the first vertex (GDAL: 438303.426, 4507514.293 in EPSG:4546 -> 110.27E 40.70N).
        assertThat(metres(corner.get(0).asDouble(), corner.get(1).asDouble(), 110.27, 40.70)).isLessThan(1.0);
        assertThat(first.path("properties").path("areaM2").asDouble()).isCloseTo(28_000, within(2_000.0));
    }

    @Test
    void gcj02CsvFromAPhoneMapLandsWithinAMetreOfItsTruePosition() {
        JsonNode batch = uploads.imported("uploader", fixture("csv-gcj02-lonlat-utf8-bom.csv"),
                "source", "inspection", "crs", "gcj02");
        assertThat(batch.path("state").asString()).isEqualTo("succeeded");
        assertThat(batch.path("crs").path("used").asString()).isEqualTo("GCJ-02");
        JsonNode p = detections(batch).get(0).path("geometry").path("coordinates");
        double[] back = ChineseMapOffsets.wgs84ToGcj02(p.get(0).asDouble(), p.get(1).asDouble());
        assertThat(metres(back[0], back[1], 110.2773, 40.7021)).isLessThan(1.0);
        assertThat(metres(p.get(0).asDouble(), p.get(1).asDouble(), 110.2773, 40.7021)).isGreaterThan(300);
    }

    @Test
    void perFeatureProblemsAreReportedWithReasonsWhileTheRestIsKept() {
        JsonNode batch = uploads.imported("uploader", fixture("geojson-invalid-bowtie-3d-repeated.geojson"),
                "source", "satellite");
        assertThat(batch.path("accepted").asLong()).isEqualTo(1);
        assertThat(batch.path("repaired").asLong()).isEqualTo(1);
        assertThat(codes(batch)).containsExactlyInAnyOrder("geometry_empty", "outside_district");
        JsonNode repaired = detections(batch).get(0);
        assertThat(repaired.path("properties").path("repaired").asBoolean()).isTrue();
        assertThat(repaired.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
        assertThat(repaired.path("geometry").path("coordinates").get(0).get(0).get(0).size()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "geojson-nan-coordinates.geojson, inspection, coordinate_not_number",
        "geojson-string-coordinates.geojson, inspection, coordinate_not_number",
        "geojson-latitude-over-90.geojson, inspection, coordinate_out_of_range"})
    void badFeaturesAreRefusedOneByOneAndStrictRefusesTheWholeFile(String file, String source, String code) {
        JsonNode lenient = uploads.imported("uploader", fixture(file), "source", source);
        assertThat(lenient.path("state").asString()).isEqualTo("succeeded");
        assertThat(lenient.path("accepted").asLong()).isPositive();
        assertThat(codes(lenient)).contains(code);
        assertThat(lenient.path("errors").get(0).path("feature").asLong()).isPositive();
    }

    @Test
    void strictUploadOfAPartlyBadFileKeepsNothingAndSaysWhy() throws Exception {
        byte[] content = (Files.readString(fixture("geojson-latitude-over-90.geojson")) + " ").getBytes();
        var r = uploads.upload("uploader", "strict-latitude.geojson", content, form("source", "satellite",
                "strict", "true"));
        JsonNode batch = uploads.finished(r.header("Location"));
        assertThat(batch.path("state").asString()).isEqualTo("failed");
        assertThat(batch.path("accepted").asLong()).isZero();
        assertThat(codes(batch)).contains("coordinate_out_of_range");
        assertThat(storedDetections(batch)).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "zip-bomb-ratio.zip, 413, zip_bomb",
        "zip-slip-dotdot.zip, 422, zip_slip",
        "zip-slip-absolute.zip, 422, zip_slip",
        "zip-with-symlink.zip, 422, zip_symlink",
        "zip-nested-archive.zip, 422, zip_nested_archive",
        "kml-with-external-entity.kml, 422, xml_entity_refused",
        "kml-billion-laughs.kml, 422, xml_entity_refused",
        "shapefile-missing-shx.zip, 422, shapefile_incomplete",
        "shapefile-missing-dbf.zip, 422, shapefile_incomplete",
        "shapefile-garbage-prj.zip, 422, crs_prj_unmatched",
        "shapefile-unknown-prj-utm.zip, 422, crs_prj_unmatched",
        "png-named-as.geojson, 415, format_unrecognised",
        "empty-file.geojson, 400, file_empty",
        "zero-byte.zip, 400, file_empty",
        "csv-without-coordinate-columns.csv, 422, csv_no_coordinates",
        "csv-swapped-lat-lon.csv, 422, coordinates_swapped"})
    void hostileOrBrokenFilesAreRefusedWithAProblemAndLeaveNothingBehind(String file, int status, String code)
            throws Exception {
        Http.Response r = uploads.upload("uploader", fixture(file), form("source", "inspection"));
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.json().path("detail").asString()).isNotBlank();
        String sha = Uploads.sha256(Files.readAllBytes(fixture(file)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM import_batch WHERE content_sha256 = ?").param(sha)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aGarbagePrjIsAcceptedOnceTheUploaderNamesTheCrs() {
        JsonNode batch = uploads.imported("uploader", fixture("shapefile-garbage-prj.zip"), "source", "satellite",
                "crs", "EPSG:4546");
        assertThat(batch.path("state").asString()).isEqualTo("succeeded");
        assertThat(batch.path("accepted").asLong()).isEqualTo(3);
        assertThat(batch.path("crs").path("detectedBy").asString()).isEqualTo("request");
    }

    @Test
    void anUploadOverTheSizeLimitIsAnswered413() {
        byte[] head = ("--xyz\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\nsatellite\r\n--xyz\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"big.geojson\"\r\n\r\n").getBytes();
        long size = 101L * 1024 * 1024;
        Http.Response r = uploads.uploadStream("uploader", () -> new java.io.SequenceInputStream(
                new java.io.ByteArrayInputStream(head), new InputStream() {
                    long left = size;

                    @Override
                    public int read() {
                        return left-- > 0 ? ' ' : -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (left <= 0) {
                            return -1;
                        }
                        int n = (int) Math.min(len, left);
                        java.util.Arrays.fill(b, off, off + n, (byte) ' ');
                        left -= n;
                        return n;
                    }
                }), "multipart/form-data; boundary=xyz");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.code()).isEqualTo("upload_too_large");
    }

    @Test
    void badParametersAndRolesAreRefusedBeforeAnythingIsRead() {
        Path file = fixture("names-with-html-script.geojson");
        assertThat(uploads.upload("viewer", file, form("source", "manual")).status()).isEqualTo(403);
        assertThat(uploads.upload("planner", file, form("source", "manual")).code()).isEqualTo("role_forbidden");
        assertThat(uploads.upload(null, file, form("source", "manual")).status()).isEqualTo(401);
        assertThat(uploads.upload("uploader", file, form("source", "radar")).code())
                .isEqualTo("import_source_invalid");
        assertThat(uploads.upload("uploader", file, form()).code()).isEqualTo("parameter_missing");
        assertThat(uploads.upload("uploader", file, form("source", "manual", "colour", "red")).code())
                .isEqualTo("parameter_unknown");
        assertThat(uploads.upload("uploader", file, form("source", "manual", "crs", "EPSG:99999")).code())
                .isEqualTo("crs_unknown");
        assertThat(uploads.upload("uploader", file, form("source", "manual", "encoding", "klingon")).code())
                .isEqualTo("import_encoding_unknown");
        assertThat(uploads.upload("uploader", "x.geojson", null, form("source", "manual")).code())
                .isEqualTo("parameter_missing");
    }

    @Test
    void namesWithMarkupAreStoredAndReturnedAsPlainText() {
        JsonNode batch = uploads.imported("admin", fixture("names-with-html-script.geojson"), "source", "manual");
        JsonNode p = detections(batch).get(0).path("properties");
        assertThat(p.path("name").asString()).isEqualTo("<script>alert('x')</script>");
        assertThat(p.path("note").asString()).isEqualTo("<img src=x onerror=alert(1)> & \"quoted\"");
    }

    @Test
    void textWithTabsNewlinesAndBackslashesIsStoredExactlyAsSent() {
        JsonNode batch = uploads.imported("admin", fixture("text-with-tabs-newlines-backslashes.geojson"), "source",
                "manual");
        var row = jdbc.sql("SELECT name, note, attributes FROM detection WHERE batch_id = ?")
                .param(batch.path("id").asLong()).query().singleRow();
        assertThat(row.get("name")).isEqualTo("tab\there, line\nbreak, return\rand \\N backslash \\ end");
        assertThat(row.get("note")).isEqualTo("\\N");
        assertThat(row.get("attributes")).isEqualTo("{\"代码\":\"C:\\\\temp\\\\new\\ttable\"}");
    }

    @Test
    void everyFieldIsStoredAsMapped() {
        JsonNode batch = uploads.imported("admin", fixture("every-field.geojson"), "source", "manual", "acquired",
                "1999-12-31");
        var rows = jdbc.sql("""
                SELECT feature_index, source, acquired, confidence, name, category, area_m2, note, attributes, triage,
                       matched_site_id, red_flag, repaired
                FROM detection WHERE batch_id = ? ORDER BY feature_index""")
                .param(batch.path("id").asLong()).query().listOfRows();
        assertThat(rows).hasSize(2);
        var full = rows.get(0);
        assertThat(full.get("source")).isEqualTo("manual");
        assertThat(full.get("acquired").toString()).isEqualTo("2024-05-01");
        assertThat(((Number) full.get("confidence")).doubleValue()).isEqualTo(0.85, within(1e-9));
        assertThat(full.get("name")).isEqualTo("堆场 A");
        assertThat(full.get("category")).isEqualTo("建筑垃圾");
        assertThat(full.get("note")).isEqualTo("路边 ✓");
        assertThat(full.get("attributes")).isEqualTo("{\"编号\":7,\"flag\":true}");
        assertThat(((Number) full.get("area_m2")).doubleValue()).isBetween(7_300.0, 7_700.0); // about 84 m × 89 m
        // the verdict (other tests may have put sites here): a match is named unless the detection is new
        assertThat(full.get("triage")).isIn("new", "known", "changed");
        assertThat(full.get("matched_site_id") == null).isEqualTo(full.get("triage").equals("new"));
        assertThat(full.get("red_flag")).isIn(true, false);
        assertThat(full.get("repaired")).isEqualTo(false);
        var bare = rows.get(1);
        assertThat(bare.get("acquired").toString()).isEqualTo("1999-12-31"); // the batch's date, before 2000
        assertThat(bare.get("confidence")).isNull();
        assertThat(bare.get("name")).isNull();
        assertThat(bare.get("attributes")).isNull();
    }

    @Test
    void preferWaitAnswersAJustUploadedBatchOnceItHasEnded() throws Exception {
        byte[] content = (Files.readString(fixture("every-field.geojson")) + "\n\n").getBytes(StandardCharsets.UTF_8);
        var r = uploads.upload("uploader", "prefer-wait.geojson", content, form("source", "manual"));
        assertThat(r.status()).as(r.body()).isIn(200, 202);

        Http.Response waited = uploads.get(r.header("Location"), "Prefer", "return=minimal, wait=30");
        assertThat(waited.status()).isEqualTo(200);
        assertThat(waited.json().path("state").asString()).as(waited.body()).isEqualTo("succeeded");
        assertThat(waited.header("Preference-Applied")).isEqualTo("wait=30");

        Http.Response ended = uploads.get(r.header("Location"), "Prefer", "wait=3600");
        assertThat(ended.json()).isEqualTo(waited.json());
        assertThat(ended.header("Preference-Applied")).isEqualTo("wait=60");
    }

    @Test
    void aRequestHeldByPreferWaitIsAnsweredWhenItsBatchEndsAndLeavesNoWaiterBehind() throws Exception {
        long id = runningBatch();
        try {
            var held = CompletableFuture.supplyAsync(() -> uploads.get("/api/imports/" + id, "Prefer", "wait=30"));
            long deadline = System.currentTimeMillis() + 30_000;
            while (completions.waiting(id) == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(completions.waiting(id)).as("the request is held").isEqualTo(1);
            assertThat(held).isNotDone();
            batches.fail(id, null, null, Instant.now());
            completions.ended(id);

            Http.Response r = held.get(60, TimeUnit.SECONDS);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("state").asString()).isEqualTo("failed");
            assertThat(r.header("Preference-Applied")).isEqualTo("wait=30");
            assertThat(completions.waiting(id)).isZero();
        } finally {
            batches.delete(id);
        }
    }

    @Test
    void aBatchThatDoesNotEndWithinTheWaitIsAnsweredAsItIsAndForgotten() {
        long id = runningBatch();
        try {
            Http.Response r = uploads.get("/api/imports/" + id, "Prefer", "wait=1");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("state").asString()).isEqualTo("running");
            assertThat(r.header("Preference-Applied")).isEqualTo("wait=1");
            assertThat(completions.waiting(id)).isZero();
        } finally {
            batches.delete(id);
        }
    }

    @Test
    void preferWaitOnAnUnknownBatchIsAnswered404Problem() {
        Http.Response r = uploads.get("/api/imports/987654321", "Prefer", "wait=5");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("import_not_found");
        assertThat(r.header("Preference-Applied")).isNull();
    }

    /** A batch row in state running that no job runs: only the test ends it. */
    long runningBatch() {
        String sha = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        long id = batches.insert(new ImportRequest("held.geojson", "manual", null, null, null, null, false), sha,
                "geojson", "uploader", Instant.now());
        batches.claim(id, "test-holder", Instant.now());
        return id;
    }

    List<String> codes(JsonNode batch) {
        return batch.path("errors").valueStream().map(e -> e.path("code").asString()).toList();
    }

    long storedDetections(JsonNode batch) {
        return jdbc.sql("SELECT COUNT(*) FROM detection WHERE batch_id = ?").param(batch.path("id").asLong())
                .query(Long.class).single();
    }

    JsonNode detections(JsonNode batch) {
        return http.get(batch.path("detections").asString(), "viewer").json().path("features");
    }

    static double metres(double lon1, double lat1, double lon2, double lat2) {
        double dy = (lat1 - lat2) * 111_320.0;
        double dx = (lon1 - lon2) * 111_320.0 * Math.cos(Math.toRadians(lat2));
        return Math.hypot(dx, dy);
    }
}
