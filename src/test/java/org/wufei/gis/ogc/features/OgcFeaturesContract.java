package org.wufei.gis.ogc.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * OGC API - Features over real HTTP and a real database, as clients (QGIS, GDAL, the OGC test suite) use it; each
 * subclass runs it on one of the two databases.
 */
@IntegrationTest
abstract class OgcFeaturesContract extends OgcClient {
    static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";

    /** One refused request, read from a fixture named after the case. */
    record Hostile(String name, String path, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Hostile> hostileRequests() throws IOException {
        Path dir = Path.of("src/test/resources/ogc/hostile");
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().map(f -> {
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(f)) {
                    p.load(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return new Hostile(f.getFileName().toString().replace(".properties", ""), p.getProperty("path"),
                        Integer.parseInt(p.getProperty("status")), p.getProperty("code"));
            }).toList().stream();
        }
    }

    @Test
    void anItemsPageIsGzippedForClientsThatTakeItUnderAWeakEtagThatRevalidates() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var uri = java.net.URI.create(http.base() + "/ogc/collections/waste_heaps/items?limit=200");
        var zipped = client.send(java.net.http.HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String etag = zipped.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("W/\"");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
            assertThat(http.JSON.readTree(in.readAllBytes()).path("features").size()).isGreaterThan(100);
        }
        var again = client.send(java.net.http.HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void everyBadRequestIsAProblemWithAStableCodeAndHarmsNothing(Hostile bad) {
        long sitesBefore = jdbc.sql("SELECT COUNT(*) FROM site").query(Long.class).single();
        Http.Response r = http.get(bad.path());
        assertThat(r.status()).as(r.body()).isEqualTo(bad.status());
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo(bad.code());
        assertThat(r.json().path("detail").asString()).isNotBlank();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM site").query(Long.class).single()).isEqualTo(sitesBefore);
    }

    @Test
    void landingPageLinksAreAbsoluteAndPointToTheApiDefinition() {
        JsonNode landing = http.get("/ogc").json();
        List<String> rels = new ArrayList<>();
        for (JsonNode link : landing.path("links")) {
            assertThat(link.path("href").asString()).startsWith(http.base() + "/ogc");
            rels.add(link.path("rel").asString());
        }
        assertThat(rels).contains("self", "service-desc", "service-doc", "conformance", "data");
    }

    @Test
    void conformanceDeclaresCoreCrsFilterAndTransactions() {
        JsonNode classes = http.get("/ogc/conformance").json().path("conformsTo");
        List<String> list = new ArrayList<>();
        classes.forEach(c -> list.add(c.asString()));
        assertThat(list).contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
                "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete");
    }

    @Test
    void apiDefinitionIsValidOpenApi30WithTheBboxArrayLimits() {
        Http.Response r = http.get("/ogc/api");
        assertThat(r.header("Content-Type")).startsWith("application/vnd.oai.openapi+json");
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body(), null, null);
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/", "/conformance", "/collections",
                "/collections/{collectionId}/items", "/collections/{collectionId}/items/{featureId}");
        var bbox = parsed.getOpenAPI().getComponents().getParameters().get("bbox").getSchema();
        assertThat(bbox.getMinItems()).isEqualTo(4);
        assertThat(bbox.getMaxItems()).isEqualTo(6);
        assertThat(r.body()).doesNotContain("\"$ref\":\"http");
    }

    @Test
    void everyCollectionIsListedWithExtentAndOfferedCrs() {
        JsonNode collections = http.get("/ogc/collections").json().path("collections");
        Set<String> ids = new HashSet<>();
        for (JsonNode c : collections) {
            ids.add(c.path("id").asString());
            assertThat(c.path("extent").path("spatial").path("bbox").get(0).size()).isEqualTo(4);
            assertThat(c.path("crs").toString()).contains(EPSG + "4490", EPSG + "4546");
            assertThat(c.path("storageCrs").asString()).isNotBlank();
        }
        assertThat(ids).contains("waste_heaps", "tailings_ponds", "green_mines", "straw_collection_points",
                "recycling_sites", "townships", "rivers");
    }

    @Test
    void queryablesListTheStatusCodesOfTheKindsLifecycle() {
        JsonNode q = http.get("/ogc/collections/waste_heaps/queryables").json();
        assertThat(q.path("properties").path("status").path("enum").toString()).contains("suspected", "confirmed");
        assertThat(q.path("properties").path("category").path("enum").toString()).contains("coal_gangue");
        assertThat(q.path("properties").has("geometry")).isTrue();
        JsonNode schema = http.get("/ogc/collections/waste_heaps/schema").json();
        assertThat(schema.path("properties").path("updated_at").path("format").asString()).isEqualTo("date-time");
    }

    @Test
    void pagingLinksKeepFilterAndBboxAndVisitEveryMatchExactlyOnce() {
        String tag = "OGC-paging-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            create(tag + "-" + i, 110.2670 + i * 0.002);
        }
        String url = http.base() + ITEMS + "?limit=2&bbox=110.2,40.6,110.3,40.7&filter="
                + enc("name LIKE '" + tag + "%'");
        Set<Long> seen = new HashSet<>();
        int pages = 0;
        while (url != null) {
            JsonNode page = http.get(url.substring(http.base().length())).json();
            assertThat(page.path("numberMatched").asLong()).isEqualTo(5);
            page.path("features").forEach(f -> assertThat(seen.add(f.path("id").asLong())).isTrue());
            url = null;
            for (JsonNode link : page.path("links")) {
                if (link.path("rel").asString().equals("next")) {
                    url = link.path("href").asString();
                    assertThat(url).contains("bbox=110.2%2C40.6%2C110.3%2C40.7").contains("filter=").contains(
                            "limit=2");
                }
            }
            pages++;
        }
        assertThat(seen).hasSize(5);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void epsg4326AndCgcs2000AnswerLatitudeFirstWhileCrs84AndWebMercatorAnswerEastFirst() {
        long id = create("OGC-axis-" + System.nanoTime(), 110.2674);
        JsonNode crs84 = http.get(ITEMS + "/" + id).json().path("geometry").path("coordinates").get(0).get(0);
        Http.Response r4326 = http.get(ITEMS + "/" + id + "?crs=" + EPSG + "4326");
        JsonNode lat = r4326.json().path("geometry").path("coordinates").get(0).get(0);
        assertThat(r4326.header("Content-Crs")).isEqualTo("<" + EPSG + "4326>");
        assertThat(crs84.get(0).asDouble()).isBetween(110.0, 111.0);
        assertThat(lat.get(0).asDouble()).isEqualTo(crs84.get(1).asDouble());
        assertThat(lat.get(1).asDouble()).isEqualTo(crs84.get(0).asDouble());
        JsonNode cgcs = http.get(ITEMS + "/" + id + "?crs=" + EPSG + "4490").json()
                .path("geometry").path("coordinates").get(0).get(0);
        assertThat(cgcs.get(0).asDouble()).isBetween(40.0, 41.0);
        JsonNode mercator = http.get(ITEMS + "/" + id + "?crs=" + EPSG + "3857").json()
                .path("geometry").path("coordinates").get(0).get(0);
        assertThat(mercator.get(0).asDouble()).isBetween(12_200_000.0, 12_350_000.0);
        JsonNode gk = http.get(ITEMS + "/" + id + "?crs=" + EPSG + "4546").json()
                .path("geometry").path("coordinates").get(0).get(0);
        assertThat(gk.get(0).asDouble()).as("northing first").isBetween(4_400_000.0, 4_600_000.0);
    }

    @Test
    void aBboxInEpsg4326IsReadLatitudeFirst() {
        long id = create("OGC-bbox4326-" + System.nanoTime(), 110.2674);
        String filter = "&filter=" + enc("code = '" + code(id) + "'");
        assertThat(http.get(ITEMS + "?bbox=40.67,110.26,40.68,110.28&bbox-crs=" + EPSG + "4326" + filter).json()
                .path("numberMatched").asLong()).isEqualTo(1);
        assertThat(http.get(ITEMS + "?bbox=110.26,40.67,110.28,40.68" + filter).json()
                .path("numberMatched").asLong()).isEqualTo(1);
    }

    @Test
    void aSpatialFilterFindsTheSameSiteWhetherWrittenInCrs84OrLatitudeFirstEpsg4326() {
        long id = create("OGC-spatial-" + System.nanoTime(), 110.3012);
        String mine = "code = '" + code(id) + "' AND ";
        String crs84 = mine + "S_INTERSECTS(geometry, POINT(110.3012 40.6717))";
        String latLon = mine + "S_INTERSECTS(geometry, POINT(40.6717 110.3012))";
        String near = mine + "S_DWITHIN(geometry, POINT(110.3012 40.6750), 400, meters)";
        assertThat(matched(ITEMS + "?filter=" + enc(crs84))).isEqualTo(1);
        assertThat(matched(ITEMS + "?filter-crs=" + EPSG + "4326&filter=" + enc(latLon))).isEqualTo(1);
        assertThat(matched(ITEMS + "?filter=" + enc(near))).isEqualTo(1);
        assertThat(matched(ITEMS + "?filter-lang=cql2-json&filter=" + enc("{\"op\":\"s_intersects\",\"args\":"
                + "[{\"property\":\"geometry\"},{\"type\":\"Point\",\"coordinates\":[110.3012,40.6717]}]}")
                + "&code=" + code(id))).isEqualTo(1);
    }

    @Test
    void aTemporalFilterAndDatetimeSelectSitesByTheirLastChange() {
        long id = create("OGC-temporal-" + System.nanoTime(), 110.2674);
        String mine = "&code=" + code(id);
        assertThat(matched(ITEMS + "?datetime=2020-01-01T00:00:00Z/.." + mine)).isEqualTo(1);
        assertThat(matched(ITEMS + "?datetime=../2020-01-01T00:00:00Z" + mine)).isZero();
        assertThat(matched(ITEMS + "?filter=" + enc("T_AFTER(updated_at, TIMESTAMP('2020-01-01T00:00:00Z'))")
                + mine)).isEqualTo(1);
    }

    @Test
    void anAntimeridianCrossingBboxIsAcceptedAndFindsNothingHere() {
        Http.Response r = http.get(ITEMS + "?bbox=177,65,-177,70");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("numberReturned").asLong()).isZero();
    }

    @Test
    void itemsAreGeoJsonWithTimeStampAndCounts() {
        Http.Response r = http.get(ITEMS + "?limit=3");
        assertThat(r.header("Content-Type")).startsWith("application/geo+json");
        assertThat(r.json().path("timeStamp").asString()).isNotBlank();
        assertThat(r.json().path("numberReturned").asInt()).isEqualTo(3);
        assertThat(r.json().path("features").get(0).path("properties").has("status")).isTrue();
    }

    @Test
    void gdalListsEveryLayerWithItsFeatureCountAndCopiesWasteHeapsToAGeoPackage() throws Exception {
        String ogc = "OAPIF:" + http.base() + "/ogc";
        String info = Gdal.run("ogrinfo", "-ro", "-so", "-al", ogc);
        for (JsonNode c : http.get("/ogc/collections").json().path("collections")) {
            String id = c.path("id").asString();
            long count = http.get("/ogc/collections/" + id + "/items?limit=1").json().path("numberMatched").asLong();
            assertThat(info).contains("Layer name: " + id);
            assertThat(Gdal.featureCount(info, id)).as(id).isEqualTo(count);
        }
        Path gpkg = Files.createTempDirectory("ogc-gdal").resolve("waste_heaps.gpkg");
        long expected = http.get(ITEMS + "?limit=1").json().path("numberMatched").asLong();
        Gdal.run("ogr2ogr", "-f", "GPKG", gpkg.toString(), ogc, "waste_heaps");
        assertThat(Gdal.featureCount(Gdal.run("ogrinfo", "-ro", "-so", "-al", gpkg.toString()), "waste_heaps"))
                .isEqualTo(expected);
    }

    long matched(String path) {
        Http.Response r = http.get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("numberMatched").asLong();
    }
}
