package org.wufei.gis.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import org.wufei.gis.tiles.encode.Generalisation;
import org.wufei.gis.tiles.encode.TileDetail;
import org.wufei.gis.tiles.encode.TileEncoder;
import tools.jackson.databind.JsonNode;

/** OGC API - Tiles over real HTTP on a real database; each subclass runs it on one of the two databases. */
@IntegrationTest
abstract class TilesContract {
    static final double[] SEAT = {110.2674, 40.6717};

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TileLayers layers;
    @Autowired
    TileEncoder encoder;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void tilesAroundADemoHeapCarryEveryWasteHeapWithIdCodeNameKindAndStatus() {
        double[] heap = jdbc.sql("""
                SELECT ST_X(ST_PointOnSurface(geom)) AS x, ST_Y(ST_PointOnSurface(geom)) AS y FROM site
                WHERE kind = 'waste_heap' AND code LIKE 'SG-%' ORDER BY id LIMIT 1""")
                .query((rs, n) -> new double[] {rs.getDouble("x"), rs.getDouble("y")}).single();
        for (int z : new int[] {8, 12, 14}) {
            long[] t = tileAt(TileMatrixSet.WEB_MERCATOR_QUAD, z, heap[0], heap[1]);
            HttpResponse<byte[]> r = Bytes.get(url("/ogc/collections/waste_heaps/tiles/WebMercatorQuad/" + z + "/"
                    + t[1] + "/" + t[0]), null);
            assertThat(r.statusCode()).as("z" + z).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue(TileDocuments.MVT);
            Map<Long, Map<String, Object>> features = DecodedTile.of(r.body()).layer("waste_heaps");
            Map<Long, Map<String, Object>> expected = truth(TileMatrixSet.WEB_MERCATOR_QUAD, z, t[0], t[1]);
            assertThat(features).as("z" + z).hasSameSizeAs(expected).isNotEmpty();
            features.forEach((id, props) -> {
                assertThat(props.get("fid")).isEqualTo(id);
                Map<String, Object> p = new TreeMap<>(props);
                p.remove("fid");
                assertThat(p).isEqualTo(expected.get(id));
            });
        }
    }

    @Test
    void worldCrs84QuadTilesShowTheSameFeaturesAsTheirArea() {
        long[] t = tileAt(TileMatrixSet.WORLD_CRS84_QUAD, 12, SEAT[0], SEAT[1]);
        HttpResponse<byte[]> r = Bytes.get(url("/ogc/collections/waste_heaps/tiles/WorldCRS84Quad/12/" + t[1] + "/"
                + t[0]), null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(DecodedTile.of(r.body()).layer("waste_heaps").keySet())
                .isEqualTo(truth(TileMatrixSet.WORLD_CRS84_QUAD, 12, t[0], t[1]).keySet());
    }

    @Test
    void referenceLayersCarryTheirOwnProperties() {
        long[] t = tileAt(TileMatrixSet.WEB_MERCATOR_QUAD, 10, SEAT[0], SEAT[1]);
        byte[] tile = Bytes.get(url("/ogc/collections/townships/tiles/WebMercatorQuad/10/" + t[1] + "/" + t[0]), null)
                .body();
        Map<Long, Map<String, Object>> townships = DecodedTile.of(tile).layer("townships");
        assertThat(townships).isNotEmpty();
        assertThat(townships.values()).allSatisfy(p -> assertThat(p).containsKeys("id", "code", "name", "name_en"));
    }

    @Test
    void datasetTileHasOneLayerPerSiteCollection() {
        long[] t = tileAt(TileMatrixSet.WEB_MERCATOR_QUAD, 9, SEAT[0], SEAT[1]);
        byte[] tile = Bytes.get(url("/ogc/tiles/WebMercatorQuad/9/" + t[1] + "/" + t[0]), null).body();
        // one layer per site collection with sites in the tile: the five first kinds always, the later ones where
        // their few demo sites fall (every layer is a kind definition's collection)
        var collections = org.wufei.gis.sites.KindRegistry.loadDefault().all().stream()
                .map(org.wufei.gis.sites.SiteKind::collectionId).toList();
        assertThat(DecodedTile.of(tile).layers().keySet()).contains("waste_heaps", "tailings_ponds",
                "green_mines", "straw_collection_points", "recycling_sites").isSubsetOf(collections);
    }

    @Test
    void statusChangeIsVisibleInTheNextTileAtZ14AndZ8AndInTheItem() {
        double lon = 110.4123;
        double lat = 40.7811;
        JsonNode site = createHeap(lon, lat);
        long id = site.get("id").asLong();
        long[] z14 = tileAt(TileMatrixSet.WEB_MERCATOR_QUAD, 14, lon, lat);
        long[] z8 = tileAt(TileMatrixSet.WEB_MERCATOR_QUAD, 8, lon, lat);
        String p14 = "/ogc/collections/waste_heaps/tiles/WebMercatorQuad/14/" + z14[1] + "/" + z14[0];
        String p8 = "/ogc/tiles/WebMercatorQuad/8/" + z8[1] + "/" + z8[0];
        assertThat(statusIn(p14, id)).isEqualTo("suspected");
        assertThat(statusIn(p8, id)).isEqualTo("suspected");

        Http.Response moved = http.post("/api/sites/" + id + "/transitions", "admin", "{\"to\":\"assigned\"}",
                "\"" + site.get("version").asLong() + "\"");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        assertThat(statusIn(p14, id)).isEqualTo("assigned");
        assertThat(statusIn(p8, id)).isEqualTo("assigned");
        assertThat(http.get("/api/sites/" + id).json().get("status").asString()).isEqualTo("assigned");
    }

    @Test
    void unchangedTileAnswers304ToItsEtagAndAChangedOneDoesNot() {
        double lon = 110.1234;
        double lat = 40.8123;
        JsonNode site = createHeap(lon, lat);
        long[] t = tileAt(TileMatrixSet.WEB_MERCATOR_QUAD, 13, lon, lat);
        String path = url("/ogc/collections/waste_heaps/tiles/WebMercatorQuad/13/" + t[1] + "/" + t[0]);
        HttpResponse<byte[]> first = Bytes.get(path, null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = Bytes.get(path, etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        http.send("DELETE", "/api/sites/" + site.get("id").asLong(), "admin", null,
                "\"" + site.get("version").asLong() + "\"");
        HttpResponse<byte[]> after = Bytes.get(path, etag);
        assertThat(after.statusCode()).isIn(200, 204);
        assertThat(after.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(etag));
    }

    @Test
    void aClientTakingGzipGetsTheSameTileCompressedUnderItsOwnEtag() throws Exception {
        long[] t = tileAt(TileMatrixSet.WEB_MERCATOR_QUAD, 10, SEAT[0], SEAT[1]);
        String path = url("/ogc/tiles/WebMercatorQuad/10/" + t[1] + "/" + t[0]);
        HttpResponse<byte[]> plain = Bytes.withHeaders(path);
        HttpResponse<byte[]> zipped = Bytes.withHeaders(path, "Accept-Encoding", "gzip, deflate");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(plain.body().length).isGreaterThan(Tiles.GZIP_ABOVE);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        for (HttpResponse<byte[]> r : List.of(plain, zipped)) {
            assertThat(r.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        }
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        assertThat(zipped.body().length).isLessThan(plain.body().length);
        String gzEtag = zipped.headers().firstValue("ETag").orElseThrow();
        assertThat(gzEtag).isNotEqualTo(plain.headers().firstValue("ETag").orElseThrow()).startsWith("\"");
        HttpResponse<byte[]> again = Bytes.withHeaders(path, "Accept-Encoding", "gzip", "If-None-Match", gzEtag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.headers().firstValue("ETag")).hasValue(gzEtag);
        HttpResponse<byte[]> refused = Bytes.withHeaders(path, "Accept-Encoding", "gzip;q=0, identity");
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(refused.body()).isEqualTo(plain.body());
    }

    @Test
    void aCachedTileComesWithTheSameHeadersAndBytesAsTheFirstAnswer() {
        // the first request builds the tile (full path), the second is answered from the cache fast path
        String path = url(seatTile(13).replace("waste_heaps", "straw_collection_points"));
        HttpResponse<byte[]> first = Bytes.withHeaders(path);
        HttpResponse<byte[]> second = Bytes.withHeaders(path);
        assertThat(second.statusCode()).isEqualTo(first.statusCode());
        assertThat(second.body()).isEqualTo(first.body());
        for (String h : List.of("Content-Type", "Content-Length", "ETag", "Cache-Control", "Vary",
                "X-Content-Type-Options", "X-Frame-Options", "Content-Encoding")) {
            assertThat(second.headers().firstValue(h)).as(h).isEqualTo(first.headers().firstValue(h));
        }
        assertThat(second.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void tileWithoutFeaturesInsideTheDistrictIs204() {
        long[] t = tileAt(TileMatrixSet.WEB_MERCATOR_QUAD, 18, 110.0200, 40.5900);
        HttpResponse<byte[]> r = Bytes.get(url("/ogc/collections/green_mines/tiles/WebMercatorQuad/18/" + t[1] + "/"
                + t[0]), null);
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void tileInsideTheMatrixButOutsideTheTilesetLimitsIs404Problem() {
        long[] t = tileAt(TileMatrixSet.WEB_MERCATOR_QUAD, 14, -150.0, -40.0);
        assertProblem("/ogc/collections/green_mines/tiles/WebMercatorQuad/14/" + t[1] + "/" + t[0], 404,
                "tile_outside_limits");
    }

    @Test
    void zoomBeyondTheTilesetsDeepestLevelIs404Problem() {
        long[] t = tileAt(TileMatrixSet.WEB_MERCATOR_QUAD, 19, SEAT[0], SEAT[1]);
        assertProblem("/ogc/collections/green_mines/tiles/WebMercatorQuad/19/" + t[1] + "/" + t[0], 404,
                "tile_outside_limits");
    }

    @Test
    void crowdedLowZoomTilesAggregateIntoCountedPointsThatAddUpToEveryFeature() {
        TileLayer heaps = layers.byId("waste_heaps").orElseThrow();
        long[] t = tileAt(TileMatrixSet.WEB_MERCATOR_QUAD, 8, SEAT[0], SEAT[1]);
        TileRequest r = new TileRequest("waste_heaps", List.of(heaps), TileMatrixSet.WEB_MERCATOR_QUAD, 8, t[1], t[0],
                List.of());
        Map<Long, Map<String, Object>> cells = DecodedTile.of(encoder.encode(heaps, r, TileDetail.CELLS))
                .layer("waste_heaps");
        long total = cells.values().stream().mapToLong(p -> (Long) p.get("count")).sum();
        assertThat(total).isEqualTo(truth(TileMatrixSet.WEB_MERCATOR_QUAD, 8, t[0], t[1]).size());
        assertThat(cells.size()).isLessThan((int) total);
        assertThat(cells.values()).allSatisfy(p -> assertThat(p).containsKeys("id", "kind", "status", "count")
                .doesNotContainKeys("code", "name"));
    }

    @Test
    void pointsOfOneStatusSharingAPixelCellAtZoom10To13AreOneFeatureThatCountsThemAllWithoutCodeAndName() {
        // two new straw points 5 m apart: one 2-pixel cell at zoom 11 (about 110 m here)
        long first = createStrawPoint(110.3001, 40.6601);
        long second = createStrawPoint(110.30015, 40.66012);
        TileLayer straw = layers.byId("straw_collection_points").orElseThrow();
        long[] t = tileAt(TileMatrixSet.WEB_MERCATOR_QUAD, 11, 110.3001, 40.6601);
        TileRequest r = new TileRequest("straw_collection_points", List.of(straw), TileMatrixSet.WEB_MERCATOR_QUAD, 11,
                t[1], t[0], List.of());
        assertThat(Generalisation.detail(straw, 11, () -> false)).isEqualTo(TileDetail.PIXELS);
        Map<Long, Map<String, Object>> every = DecodedTile.of(encoder.encode(straw, r, TileDetail.FEATURES))
                .layer("straw_collection_points");
        Map<Long, Map<String, Object>> thinned = DecodedTile.of(encoder.encode(straw, r, TileDetail.PIXELS))
                .layer("straw_collection_points");
        assertThat(thinned.values().stream().mapToLong(p -> (Long) p.get("merged")).sum()).isEqualTo(every.size());
        assertThat(thinned).containsKey(first).doesNotContainKey(second);
        assertThat(thinned.get(first).get("merged")).isEqualTo(2L);
        thinned.forEach((id, p) -> {
            Map<String, Object> own = new TreeMap<>(every.get(id));
            own.keySet().removeAll(List.of("code", "name"));
            Map<String, Object> written = new TreeMap<>(p);
            written.remove("merged");
            assertThat(written).as("feature %d keeps its own properties but code and name", id).isEqualTo(own);
        });
        // the service writes such tiles so
        HttpResponse<byte[]> served = Bytes.get(url("/ogc/collections/straw_collection_points/tiles/WebMercatorQuad/11/"
                + t[1] + "/" + t[0]), null);
        assertThat(DecodedTile.of(served.body()).layer("straw_collection_points").get(first)).containsEntry("merged", 2L);
    }

    @Test
    void tileMatrixSetsAreTheOgcDefinitions() {
        JsonNode list = http.get("/ogc/tileMatrixSets").json();
        assertThat(list.get("tileMatrixSets").findValuesAsString("id"))
                .containsExactly("WebMercatorQuad", "WorldCRS84Quad");
        JsonNode wmq = http.get("/ogc/tileMatrixSets/WebMercatorQuad").json();
        assertThat(wmq.get("crs").asString()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/3857");
        assertThat(wmq.get("tileMatrices").size()).isEqualTo(25);
        assertThat(wmq.get("tileMatrices").get(0).get("scaleDenominator").asDouble()).isEqualTo(559082264.028717);
        assertThat(wmq.get("tileMatrices").get(0).get("cellSize").asDouble()).isCloseTo(156543.03392804097,
                org.assertj.core.data.Offset.offset(1e-6));
        JsonNode crs84 = http.get("/ogc/tileMatrixSets/WorldCRS84Quad").json();
        assertThat(crs84.get("tileMatrices").get(0).get("matrixWidth").asInt()).isEqualTo(2);
        assertThat(crs84.get("tileMatrices").get(0).get("cellSize").asDouble()).isCloseTo(0.703125,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void tilesetMetadataLinksTheTileTemplateTheTilingSchemeAndTileJsonAndTheApiDeclaresTiles() {
        JsonNode set = http.get("/ogc/collections/recycling_sites/tiles/WebMercatorQuad").json();
        assertThat(set.get("dataType").asString()).isEqualTo("vector");
        assertThat(set.get("tileMatrixSetLimits").size()).isEqualTo(TilesetLimits.MAX_ZOOM + 1);
        assertThat(http.get("/ogc/conformance").body())
                .contains("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt");
        String api = http.get("/ogc/api").body();
        assertThat(api).contains("collection.vector.getTile", "dataset.vector.getTile");
        var parsed = new io.swagger.v3.parser.OpenAPIV3Parser().readContents(api, null, null);
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getPaths())
                .containsKey("/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}");
        Map<String, String> links = new HashMap<>();
        set.get("links").forEach(l -> links.put(l.get("rel").asString(), l.get("href").asString()));
        assertThat(links.get("item")).isEqualTo(url(
                "/ogc/collections/recycling_sites/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}"));
        assertThat(links.get("http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme"))
                .isEqualTo(url("/ogc/tileMatrixSets/WebMercatorQuad"));
        JsonNode tileJson = http.get(links.get("alternate").replace(http.base(), "")).json();
        assertThat(tileJson.get("tilejson").asString()).isEqualTo("3.0.0");
        assertThat(tileJson.get("vector_layers").get(0).get("id").asString()).isEqualTo("recycling_sites");
        assertThat(tileJson.get("tiles").get(0).asString())
                .isEqualTo(url("/ogc/collections/recycling_sites/tiles/WebMercatorQuad/{z}/{y}/{x}"));
    }

    @Test
    void unknownCollectionIs404Problem() {
        assertProblem("/ogc/collections/no_such_layer/tiles/WebMercatorQuad/10/387/838", 404, "collection_not_found");
    }

    @Test
    void unknownTileMatrixSetIs404Problem() {
        assertProblem("/ogc/collections/waste_heaps/tiles/EuropeanETRS89/10/387/838", 404, "tile_matrix_set_unknown");
    }

    @Test
    void zoomBeyondTheMatrixSetIs404Problem() {
        assertProblem("/ogc/collections/waste_heaps/tiles/WebMercatorQuad/25/0/0", 404, "tile_outside_matrix");
    }

    @Test
    void columnBeyondTheMatrixIs404Problem() {
        assertProblem("/ogc/collections/waste_heaps/tiles/WebMercatorQuad/2/0/4", 404, "tile_outside_matrix");
    }

    @Test
    void negativeRowIs404Problem() {
        assertProblem("/ogc/tiles/WorldCRS84Quad/3/-1/0", 404, "tile_outside_matrix");
    }

    @Test
    void rowThatIsNotANumberIs400Problem() {
        assertProblem("/ogc/collections/waste_heaps/tiles/WebMercatorQuad/10/abc/838", 400,
                "tile_coordinate_invalid");
    }

    @Test
    void unknownQueryParameterIs400Problem() {
        assertProblem("/ogc/collections/waste_heaps/tiles/WebMercatorQuad/10/387/838?filter=1", 400,
                "parameter_unknown");
    }

    @Test
    void sqlInTheStatusFilterIsOnlyAValueAndHarmsNothing() {
        long before = jdbc.sql("SELECT COUNT(*) FROM site").query(Long.class).single();
        long[] t = tileAt(TileMatrixSet.WEB_MERCATOR_QUAD, 12, SEAT[0], SEAT[1]);
        HttpResponse<byte[]> r = Bytes.get(url("/ogc/collections/waste_heaps/tiles/WebMercatorQuad/12/" + t[1] + "/"
                + t[0] + "?status=x')%3B%20DROP%20TABLE%20site%3B--"), null);
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM site").query(Long.class).single()).isGreaterThanOrEqualTo(before);
    }

    private void assertProblem(String path, int status, String code) {
        Http.Response r = http.get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo(code);
    }

    /** What a tile must hold: the collection's live sites intersecting the tile with its clip buffer. */
    private Map<Long, Map<String, Object>> truth(TileMatrixSet tms, int z, long x, long y) {
        Envelope e = tms.lonLatEnvelope(z, x, y, Generalisation.bufferShare());
        Map<Long, Map<String, Object>> out = new TreeMap<>();
        jdbc.sql("""
                SELECT id, code, name, kind, status FROM site WHERE kind = 'waste_heap' AND deleted_at IS NULL
                AND ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))""")
                .params(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()).query(rs -> {
                    Map<String, Object> p = new TreeMap<>();
                    p.put("id", rs.getLong("id"));
                    for (String c : List.of("code", "name", "kind", "status")) {
                        p.put(c, rs.getString(c));
                    }
                    out.put(rs.getLong("id"), p);
                });
        return out;
    }

    private String statusIn(String path, long id) {
        HttpResponse<byte[]> r = Bytes.get(url(path), null);
        assertThat(r.statusCode()).isEqualTo(200);
        DecodedTile tile = DecodedTile.of(r.body());
        Map<String, Object> feature = tile.layer("waste_heaps").get(id);
        assertThat(feature).as("site " + id + " in " + path).isNotNull();
        return (String) feature.get("status");
    }

    private JsonNode createHeap(double lon, double lat) {
        String body = """
                {"kind":"waste_heap","name":"瓦片测试堆场","township":"五当召镇",
                 "geometry":{"type":"Polygon","coordinates":[[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],
                 [%1$s,%2$s]]]},"attributes":{"category":"smelting_slag"}}""".formatted(lon, lat, lon + 0.0008,
                lat + 0.0006);
        Http.Response r = http.post("/api/sites", "admin", body, null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private long createStrawPoint(double lon, double lat) {
        String body = """
                {"kind":"straw_collection_point","name":"像素合并测试收储点","township":"五当召镇",
                 "geometry":{"type":"Point","coordinates":[%s,%s]},"attributes":{"tier":"village_point"}}"""
                .formatted(lon, lat);
        Http.Response r = http.post("/api/sites", "admin", body, null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static long[] tileAt(TileMatrixSet tms, int z, double lon, double lat) {
        long[] r = tms.tileRange(z, new Envelope(lon, lon, lat, lat));
        return new long[] {r[0], r[2]};
    }

    /** The waste-heap tile holding the district seat at zoom z, as a path. */
    private static String seatTile(int z) {
        long[] t = tileAt(TileMatrixSet.WEB_MERCATOR_QUAD, z, SEAT[0], SEAT[1]);
        return "/ogc/collections/waste_heaps/tiles/WebMercatorQuad/" + z + "/" + t[1] + "/" + t[0];
    }

    private String url(String path) {
        return http.base() + path;
    }

    @Test
    void theMapboxStyleHasARuleForEveryKindAndStatusOfTheDemoAndIsLinkedFromTilesetsAndLanding() throws Exception {
        HttpResponse<byte[]> r = Bytes.get(url("/ogc/styles/sites?f=mapbox"), null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.mapbox.style+json");
        JsonNode style = Http.JSON.readTree(r.body());
        // the style specification's required structure (version 8, sources, layers with their required members)
        assertThat(style.get("version").asInt()).isEqualTo(8);
        JsonNode source = style.get("sources").get("sites");
        assertThat(source.get("type").asString()).isEqualTo("vector");
        assertThat(source.get("tiles").get(0).asString()).endsWith("/ogc/tiles/WebMercatorQuad/{z}/{y}/{x}");
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.Map<String, java.util.Set<String>> statusesByLayer = new java.util.HashMap<>();
        for (JsonNode layer : style.get("layers")) {
            assertThat(ids.add(layer.get("id").asString())).as("unique id " + layer.get("id")).isTrue();
            assertThat(layer.get("type").asString()).isIn("fill", "line", "circle");
            assertThat(layer.get("source").asString()).isEqualTo("sites");
            assertThat(layer.get("filter").isArray()).isTrue();
            assertThat(layer.get("paint").isObject()).isTrue();
            JsonNode colour = layer.get("paint").get(layer.get("type").asString() + "-color");
            assertThat(colour.get(0).asString()).isEqualTo("match");
            for (int i = 2; i < colour.size() - 1; i += 2) {
                assertThat(colour.get(i + 1).asString()).matches("#[0-9a-fA-F]{6}");
                statusesByLayer.computeIfAbsent(layer.get("source-layer").asString(), k -> new java.util.HashSet<>())
                        .add(colour.get(i).asString());
            }
        }
        var kinds = org.wufei.gis.sites.KindRegistry.loadDefault();
        for (JsonNode f : Http.JSON.readTree(java.nio.file.Path.of("gis-data/sites.geojson").toFile()).get("features")) {
            String kind = f.get("properties").get("kind").asString();
            String status = f.get("properties").get("status").asString();
            assertThat(statusesByLayer.get(kinds.get(kind).collectionId())).as(kind + " × " + status).contains(status);
        }
        JsonNode landing = Http.JSON.readTree(Bytes.get(url("/ogc?f=json"), null).body());
        assertThat(landing.get("links").toString()).contains("/ogc/styles/sites?f=mapbox");
        JsonNode tileset = Http.JSON.readTree(Bytes.get(url("/ogc/tiles/WebMercatorQuad"), null).body());
        assertThat(tileset.get("links").toString()).contains("\"stylesheet\"").contains("/ogc/styles/sites?f=mapbox");
        assertThat(Bytes.get(url("/ogc/styles/nope"), null).statusCode()).isEqualTo(404);
    }
}
