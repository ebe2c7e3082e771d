package org.wufei.gis.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * An ADMIN replaces a reference layer by uploading a file: the layer is swapped whole (a reader sees the old or the
 * new one), the collection's metadata tells the new version's provenance and keeps the earlier ones, the layer's
 * tiles are evicted; a bad file is refused with problem+json and changes nothing. Each test puts the demo layer back.
 */
@IntegrationTest
abstract class ReferenceLayersContract {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path FIXTURES = Path.of("src/test/resources/reference");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @AfterEach
    void demoLayersBack() {
        for (String layer : List.of("roads", "villages")) {
            Http.Response r = upload("admin", layer, Path.of("gis-data", layer + ".geojson"), "source", "gis-data");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
    }

    @Test
    void aGeoJsonReplacementSwapsTheRoadsAndTheCollectionTellsItsProvenance() {
        Http.Response r = upload("admin", "roads", FIXTURES.resolve("roads-replacement-three-roads.geojson"),
                "source", "交通局 2026 年路网", "date", "2026-11-30", "licence", "内部使用，不得外传");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("featureCount").asInt()).isEqualTo(3);
        assertThat(names("road")).containsExactlyInAnyOrder("替换测试路一", "替换测试路二", "替换测试路三");
        assertThat(jdbc.sql("SELECT grade FROM road WHERE name = '替换测试路三'").query(String.class).single())
                .isEqualTo("other");

        JsonNode doc = http.get("/ogc/collections/roads", "viewer").json();
        JsonNode provenance = doc.path("provenance");
        assertThat(http.get("/ogc/collections/roads").json().path("provenance").has("loadedBy"))
                .as("an anonymous reader sees no actor").isFalse();
        assertThat(provenance.path("source").asString()).isEqualTo("交通局 2026 年路网");
        assertThat(provenance.path("sourceDate").asString()).isEqualTo("2026-11-30");
        assertThat(provenance.path("licence").asString()).isEqualTo("内部使用，不得外传");
        assertThat(provenance.path("loadedBy").asString()).isEqualTo("admin");
        assertThat(provenance.path("featureCount").asInt()).isEqualTo(3);
        assertThat(provenance.path("fileName").asString()).isEqualTo("roads-replacement-three-roads.geojson");
        assertThat(provenance.path("previousVersions")).isNotEmpty();
        assertThat(provenance.path("previousVersions").get(0).path("version").asInt())
                .isEqualTo(provenance.path("version").asInt() - 1);
        assertThat(http.get("/ogc/collections/roads/items").json().path("numberMatched").asInt()).isEqualTo(3);
    }

    @Test
    void aShapefileInGaussKrugerAndAGeoPackageAreReadThroughTheImportReaders() {
        Http.Response shp = upload("admin", "roads", FIXTURES.resolve("roads-shapefile-cgcs2000-gk111.zip"),
                "source", "shapefile");
        assertThat(shp.status()).as(shp.body()).isEqualTo(201);
        double[] xy = jdbc.sql("SELECT ST_X(ST_StartPoint(geom)), ST_Y(ST_StartPoint(geom)) FROM road"
                + " WHERE name = '替换测试路一'").query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                .single();
        assertThat(xy[0]).isCloseTo(110.10, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(xy[1]).isCloseTo(40.85, org.assertj.core.api.Assertions.within(1e-6));

        Http.Response gpkg = upload("admin", "villages", FIXTURES.resolve("villages-replacement-two-villages.gpkg"),
                "source", "geopackage");
        assertThat(gpkg.status()).as(gpkg.body()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT weight FROM village WHERE code = 'RV-1'").query(Double.class).single())
                .isEqualTo(1500.5);
        assertThat(names("village")).containsExactlyInAnyOrder("替换村甲", "替换村乙");
    }

    @Test
    void aReaderSeesTheOldLayerOrTheNewOneAndNeverAMix() throws Exception {
        int before = count("road");
        Path big = Files.createTempFile("roads-5000-", ".geojson");
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < 5000; i++) {
            double x = 110.05 + (i % 100) * 0.004;
            double y = 40.80 + (i / 100) * 0.001;
            json.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"name\":\"路").append(i)
                    .append("\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[").append(x).append(',')
                    .append(y).append("],[").append(x + 0.002).append(',').append(y).append("]]}}");
        }
        Files.writeString(big, json.append("]}"));
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean done = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                seen.add(count("road"));
            }
        });
        reader.start();
        try {
            Http.Response r = upload("admin", "roads", big, "source", "5000 roads");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        } finally {
            done.set(true);
            reader.join();
            Files.delete(big);
        }
        assertThat(seen).isSubsetOf(before, 5000);
        assertThat(count("road")).isEqualTo(5000);
    }

    @Test
    void theRoadsTilesAreEvictedSoTheNewRoadsShowAtOnce() {
        // z12 tile over 110.10-110.16, 40.84-40.86, where the demo has no road
        String tile = "/ogc/collections/roads/tiles/WebMercatorQuad/12/" + tileY(40.85, 12) + "/" + tileX(110.12, 12);
        byte[] before = bytes(tile);
        assertThat(new String(before, StandardCharsets.UTF_8)).doesNotContain("替换测试路一");
        Http.Response r = upload("admin", "roads", FIXTURES.resolve("roads-replacement-three-roads.geojson"),
                "source", "tiles");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(new String(bytes(tile), StandardCharsets.UTF_8)).contains("替换测试路一");
    }

    @ParameterizedTest(name = "{0} → {2} {3}")
    @CsvSource({
        "rivers-with-point-geometry.geojson, rivers, 422, geometry_type_not_allowed",
        "rivers-empty-file.geojson, rivers, 400, file_empty",
        "rivers-empty-feature-collection.geojson, rivers, 422, layer_empty",
        "rivers-crs-unknown-epsg-99999.geojson, rivers, 422, crs_unknown",
        "rivers-shapefile-unknown-prj.zip, rivers, 422, crs_prj_unmatched",
        "rivers-outside-district.geojson, rivers, 422, geometry_outside_district",
        "villages-duplicate-code.geojson, villages, 422, attribute_duplicate",
        "villages-negative-weight.geojson, villages, 422, attribute_out_of_range",
        "sensitive-areas-unknown-category.geojson, sensitive_areas, 422, attribute_value_unknown",
        "roads-missing-name.geojson, roads, 422, attribute_missing"})
    void aBadFileIsRefusedWithProblemJsonAndTheLayerIsUnchanged(String fixture, String layer, int status,
            String code) {
        String table = ReferenceLayerSpec.byCollection(layer).orElseThrow().table();
        List<String> before = names(table);
        int versions = versions(table);
        Http.Response r = upload("admin", layer, FIXTURES.resolve(fixture), "source", "bad input");
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).as(r.body()).isEqualTo(code);
        assertThat(r.json().path("detail").asString()).isNotBlank();
        assertThat(names(table)).containsExactlyInAnyOrderElementsOf(before);
        assertThat(versions(table)).isEqualTo(versions);
    }

    @Test
    void onlyAdminReplacesAndTownshipsAndUnknownLayersAreRefused() {
        Path file = FIXTURES.resolve("roads-replacement-three-roads.geojson");
        assertThat(upload("planner", "roads", file, "source", "x").status()).isEqualTo(403);
        assertThat(upload(null, "roads", file, "source", "x").status()).isEqualTo(401);
        assertThat(upload("admin", "townships", file, "source", "x").code()).isEqualTo("layer_not_replaceable");
        assertThat(upload("admin", "lakes", file, "source", "x").status()).isEqualTo(404);
        Http.Response noSource = upload("admin", "roads", file);
        assertThat(noSource.status()).isEqualTo(400);
        assertThat(noSource.code()).isEqualTo("parameter_missing");
        assertThat(upload("admin", "roads", file, "source", "x", "date", "30.11.2026").code())
                .isEqualTo("date_invalid");
        assertThat(http.get("/api/reference-layers/roads/versions").json()).isNotEmpty();
    }

    private List<String> names(String table) {
        return jdbc.sql("SELECT name FROM " + table).query(String.class).list();
    }

    private int count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    private int versions(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM reference_layer_version WHERE layer = ?").param(table)
                .query(Integer.class).single();
    }

    private static int tileX(double lon, int z) {
        return (int) Math.floor((lon + 180) / 360 * (1 << z));
    }

    private static int tileY(double lat, int z) {
        double r = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
    }

    private byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(HttpRequest.newBuilder(URI.create(http.base() + path)).GET()
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isIn(200, 204);
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Http.Response upload(String user, String layer, Path file, String... fields) {
        String boundary = "----ref" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (int i = 0; i < fields.length; i += 2) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i]
                        + "\"\r\n\r\n" + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(file));
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.base() + "/api/reference-layers/" + layer
                    + "/versions")).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
            if (user != null) {
                b.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
