package org.wufei.gis.analysis.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.DatabaseKind;
import org.wufei.gis.common.District;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The planning processes over real HTTP on a real database, against the hand-placed {@link Fixtures}; each
 * subclass runs it on one of the two databases. Distances and areas are checked against GeographicLib.
 */
@IntegrationTest
abstract class ProcessesContract {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    DatabaseKind databaseKind;
    @Autowired
    District district;
    Http http;

    @BeforeEach
    void fixtures() {
        http = new Http(port);
        Fixtures.delete(jdbc);
        Fixtures.insert(jdbc);
    }

    @AfterEach
    void cleanUp() {
        Fixtures.delete(jdbc);
    }

    /** A query that runs for many seconds on this database. */
    abstract String slowQuery();

    Http.Response execute(String process, String body, String user, String prefer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.base() + "/ogc/processes/" + process
                + "/execution")).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                    .getBytes(StandardCharsets.UTF_8)));
        }
        if (prefer != null) {
            b.header("Prefer", prefer);
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode run(String process, String inputs) {
        Http.Response r = execute(process, "{\"inputs\": " + inputs + "}", "planner", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/geo+json");
        return r.json();
    }

    static String pointJson(double[] c) {
        return "{\"type\": \"Point\", \"coordinates\": [" + c[0] + ", " + c[1] + "]}";
    }

    /** Fixture features of a result (code FX-...), by code, in result order. */
    static Map<String, JsonNode> fixtures(JsonNode fc) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode f : fc.get("features")) {
            String code = f.path("properties").path("code").asString("");
            if (code.startsWith("FX-")) {
                out.put(code, f.get("properties"));
            }
        }
        return out;
    }

    static void assertMetres(JsonNode value, double expected) {
        assertThat(value.asDouble()).isCloseTo(expected, within(expected * 0.001));
    }

    @Test
    void sitesWithin800MetresOfAPointAreTheStrawPointTheClosedHeapAndTheRecyclingSite() {
        JsonNode fc = run("sites-within-distance", "{\"geometry\": " + pointJson(Fixtures.P0)
                + ", \"distance\": 800}");
        Map<String, JsonNode> found = fixtures(fc);
        assertThat(found.keySet()).containsExactly("FX-SP-1", "FX-WH-3", "FX-RS-1");
        assertThat(fc.get("features")).hasSize(3);
        assertMetres(found.get("FX-SP-1").get("distance_m"), 300);
        assertMetres(found.get("FX-WH-3").get("distance_m"), Fixtures.distance(Fixtures.P0, Fixtures.at(-140, 500)));
        assertMetres(found.get("FX-RS-1").get("distance_m"), 700);
        JsonNode straw = run("sites-within-distance", "{\"geometry\": " + pointJson(Fixtures.P0)
                + ", \"distance\": 800, \"kinds\": [\"straw_collection_point\"]}");
        assertThat(fixtures(straw).keySet()).containsExactly("FX-SP-1");
    }

    @Test
    void sitesWithinDistanceOfACollectionFilteredByCql2NameTheirNearestFeature() {
        double expected = Fixtures.distance(Fixtures.at(0, 300), Fixtures.at(700, 0));
        JsonNode fc = run("sites-within-distance", "{\"collection\": \"straw_collection_points\", \"filter\":"
                + " \"code = 'FX-SP-1'\", \"distance\": 1200, \"kinds\": [\"recycling_site\", \"waste_heap\","
                + " \"straw_collection_point\"]}");
        Map<String, JsonNode> found = fixtures(fc);
        assertThat(found.keySet()).containsExactly("FX-WH-3", "FX-RS-1");
        assertMetres(found.get("FX-RS-1").get("distance_m"), expected);
        assertThat(found.get("FX-RS-1").get("nearest_collection").asString()).isEqualTo("straw_collection_points");
        assertThat(found.get("FX-RS-1").get("nearest_name").asString()).isEqualTo("FX-SP-1 名称");
    }

    @Test
    void sitesWithinDistanceOfTheRiversLayerCarryTheNearestRiver() {
        JsonNode fc = run("sites-within-distance", "{\"collection\": \"rivers\", \"filter\": \"name = 'FX-河'\","
                + " \"distance\": 250}");
        Map<String, JsonNode> found = fixtures(fc);
        assertThat(found.keySet()).containsExactly("FX-WH-3", "FX-WH-1", "FX-SP-1");
        assertThat(found.get("FX-SP-1").get("nearest_name").asString()).isEqualTo("FX-河");
        double[] a = Fixtures.at(0, 300);
        assertMetres(found.get("FX-SP-1").get("distance_m"), Fixtures.distance(a,
                new double[] {Fixtures.river().get(0)[0], a[1]}));
    }

    @Test
    void nearestSitesAreRankedByGroundDistance() {
        JsonNode fc = run("nearest-sites", "{\"point\": " + pointJson(Fixtures.P0) + ", \"k\": 3}");
        List<String> codes = new ArrayList<>();
        fc.get("features").forEach(f -> codes.add(f.get("properties").get("code").asString()));
        assertThat(codes).containsExactly("FX-SP-1", "FX-WH-3", "FX-RS-1");
        JsonNode first = fc.get("features").get(0).get("properties");
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertMetres(first.get("distance_m"), 300);
        JsonNode heaps = run("nearest-sites", "{\"point\": " + pointJson(Fixtures.P0)
                + ", \"k\": 2, \"kinds\": [\"waste_heap\"], \"statuses\": [\"rectifying\"]}");
        assertThat(fixtures(heaps).keySet()).containsExactly("FX-WH-1", "FX-WH-2");
        assertMetres(fixtures(heaps).get("FX-WH-1").get("distance_m"), 1000);
        // several kinds (written as "none of the others" for the planner): the nearest straw point is left out
        JsonNode two = run("nearest-sites", "{\"point\": " + pointJson(Fixtures.P0)
                + ", \"k\": 2, \"kinds\": [\"waste_heap\", \"recycling_site\"]}");
        assertThat(fixtures(two).keySet()).containsExactly("FX-WH-3", "FX-RS-1");
    }

    @Test
    void townshipSummaryCountsTheFixturesWithTheirGeodesicAreaAndOverdueHeaps() {
        String inputs = "{\"today\": \"2026-03-01\"}";
        JsonNode with = run("township-summary", inputs);
        Fixtures.delete(jdbc);
        JsonNode without = run("township-summary", inputs);
        Map<String, double[]> delta = totals(with);
        totals(without).forEach((key, v) -> delta.merge(key, new double[] {-v[0], -v[1], -v[2]},
                (a, b) -> new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]}));
        delta.values().removeIf(v -> v[0] == 0 && Math.abs(v[1]) < 1e-6 && v[2] == 0);
        assertThat(delta.keySet()).containsExactlyInAnyOrder("straw_collection_point/operating",
                "recycling_site/operating", "waste_heap/rectifying", "waste_heap/closed");
        double[] rectifying = delta.get("waste_heap/rectifying");
        assertThat(rectifying[0]).isEqualTo(2);
        double area = Fixtures.geodesicArea(Fixtures.square(-50, -1100, 100)) + 400;
        assertThat(rectifying[1]).isCloseTo(area, within(area * 0.002));
        assertThat(rectifying[2]).isEqualTo(2);
        assertThat(delta.get("waste_heap/closed")[2]).isZero();
    }

    /** kind/status → {count, area, overdue} over every township. */
    private static Map<String, double[]> totals(JsonNode fc) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (JsonNode f : fc.get("features")) {
            JsonNode p = f.get("properties");
            out.merge(p.get("kind").asString() + "/" + p.get("status").asString(), new double[] {
                p.get("count").asDouble(), p.get("area_m2").asDouble(), p.get("overdue").asDouble()},
                    (a, b) -> new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]});
        }
        return out;
    }

    @Test
    void overdueRectificationsListTheOldestDeadlineFirstWithItsResponsibleParty() {
        JsonNode fc = run("overdue-rectifications", "{\"today\": \"2026-03-01\", \"township\": \""
                + Fixtures.TOWNSHIP + "\"}");
        assertThat(fc.get("features")).hasSize(2);
        JsonNode first = fc.get("features").get(0).get("properties");
        JsonNode second = fc.get("features").get(1).get("properties");
        assertThat(first.get("code").asString()).isEqualTo("FX-WH-2");
        assertThat(first.get("responsible_party").asString()).isEqualTo("乙公司");
        assertThat(first.get("days_overdue").asLong()).isEqualTo(273);
        assertThat(second.get("code").asString()).isEqualTo("FX-WH-1");
        assertThat(second.get("days_overdue").asLong()).isEqualTo(59);
        assertThat(fc.at("/summary/by_responsible_party/甲公司").asLong()).isEqualTo(1);
        assertThat(fc.at("/summary/by_township/" + Fixtures.TOWNSHIP).asLong()).isEqualTo(2);
    }

    @Test
    void riverScreeningListsOpenSitesFirstThenByDistanceToTheNearestTributary() {
        JsonNode fc = run("river-screening", "{\"distance\": 500}");
        Map<String, JsonNode> found = fixtures(fc);
        assertThat(found.keySet()).containsExactly("FX-WH-1", "FX-SP-1", "FX-WH-3");
        double[] nw = Fixtures.at(-50, -1000);
        assertMetres(found.get("FX-WH-1").get("distance_m"), Fixtures.distance(nw,
                new double[] {Fixtures.river().get(0)[0], nw[1]}));
        assertThat(found.get("FX-WH-3").get("open").asBoolean()).isFalse();
        assertThat(found.get("FX-WH-1").get("river").asString()).isEqualTo("FX-河");
        assertThat(found.get("FX-WH-1").get("river_level").asString()).isEqualTo("tributary");
        boolean closedSeen = false;
        for (JsonNode f : fc.get("features")) {
            boolean open = f.get("properties").get("open").asBoolean();
            assertThat(open && closedSeen).as("an open site after a closed one").isFalse();
            closedSeen |= !open;
        }
    }

    @Test
    void riverScreeningAsAJobIsReadInPagesThatFollowTheSameOrder() throws InterruptedException {
        Http.Response created = execute("river-screening", "{\"inputs\": {\"distance\": 500}}", "planner",
                "respond-async");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String path = created.header("Location").substring(http.base().length());
        JsonNode status = created.json();
        for (int i = 0; i < 100 && !status.get("status").asString().equals("successful"); i++) {
            Thread.sleep(100);
            status = http.get(path, "planner").json();
        }
        assertThat(status.get("status").asString()).isEqualTo("successful");
        JsonNode whole = http.get(path + "/results", "planner").json().get("result");
        List<String> paged = new ArrayList<>();
        String next = path + "/results?limit=1";
        while (next != null) {
            JsonNode page = http.get(next, "planner").json().get("result");
            assertThat(page.get("numberMatched").asInt()).isEqualTo(whole.get("features").size());
            assertThat(page.get("numberReturned").asInt()).isEqualTo(1);
            page.get("features").forEach(f -> paged.add(f.get("id").asString()));
            next = null;
            for (JsonNode link : page.get("links")) {
                if (link.get("rel").asString().equals("next")) {
                    next = link.get("href").asString().substring(http.base().length());
                }
            }
        }
        List<String> all = new ArrayList<>();
        whole.get("features").forEach(f -> all.add(f.get("id").asString()));
        assertThat(paged).hasSizeGreaterThanOrEqualTo(3).isEqualTo(all);
        assertThat(http.get(path + "/results?limit=0", "planner").code()).isEqualTo("parameter_out_of_range");
    }

    @Test
    void anAsynchronousJobGivesTheSameResultAsASynchronousRunAndCanBeDismissed() throws InterruptedException {
        String body = "{\"inputs\": {\"point\": " + pointJson(Fixtures.P0) + ", \"k\": 2}}";
        Http.Response created = execute("nearest-sites", body, "planner", "respond-async");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Preference-Applied")).isEqualTo("respond-async");
        String location = created.header("Location");
        assertThat(location).startsWith(http.base() + "/ogc/jobs/");
        String path = location.substring(http.base().length());
        JsonNode status = created.json();
        for (int i = 0; i < 100 && !status.get("status").asString().equals("successful"); i++) {
            Thread.sleep(100);
            status = http.get(path, "planner").json();
        }
        assertThat(status.get("status").asString()).isEqualTo("successful");
        assertThat(http.get(path, "inspector").status()).isEqualTo(404);
        assertThat(http.get("/ogc/jobs", "planner").json().get("jobs").toString()).contains(status.get("jobID")
                .asString());
        JsonNode results = http.get(path + "/results", "planner").json();
        JsonNode sync = run("nearest-sites", "{\"point\": " + pointJson(Fixtures.P0) + ", \"k\": 2}");
        assertThat(results.get("result").get("features")).isEqualTo(sync.get("features"));
        Http.Response dismissed = http.send("DELETE", path, "planner", null, null);
        assertThat(dismissed.json().get("status").asString()).isEqualTo("dismissed");
        assertThat(http.get(path + "/results", "planner").status()).isEqualTo(404);
    }

    @Test
    void aJobIsKeptInTheDatabaseAndOneAcceptedBeforeARestartIsRunAndDownloadable() throws InterruptedException {
        String body = "{\"inputs\": {\"point\": " + pointJson(Fixtures.P0) + ", \"k\": 2}}";
        Http.Response created = execute("nearest-sites", body, "planner", "respond-async");
        String jobId = created.json().get("jobID").asString();
        JsonNode done = waitForJob("/ogc/jobs/" + jobId);
        assertThat(done.get("status").asString()).isEqualTo("successful");
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        assertThat(jdbc.sql("SELECT owner, status, inputs FROM process_job WHERE id = ?").param(jobId)
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).single())
                .startsWith("planner successful ").contains("\"k\":2");

        // a job accepted by an instance that stopped before running it: the table is all any instance needs
        String left = java.util.UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO process_job (id, process_id, owner, status, progress, inputs, created_at)"
                + " VALUES (?, 'nearest-sites', 'planner', 'accepted', 0, ?, ?)")
                .params(left, "{\"point\": " + pointJson(Fixtures.P0) + ", \"k\": 2}",
                        java.sql.Timestamp.from(java.time.Instant.now())).update();
        JsonNode list = http.get("/ogc/jobs", "planner").json();
        assertThat(list.get("jobs").toString()).contains(left);
        assertThat(list.at("/links/0/rel").asString()).isEqualTo("self");
        assertThat(waitForJob("/ogc/jobs/" + left).get("status").asString()).isEqualTo("successful");
        JsonNode results = http.get("/ogc/jobs/" + left + "/results", "planner").json();
        assertThat(results.at("/result/features")).hasSize(2);

        Http.Response gpkg = http.get("/ogc/jobs/" + left + "/results?f=gpkg", "planner");
        assertThat(gpkg.status()).isEqualTo(200);
        assertThat(gpkg.header("Content-Type")).startsWith("application/geopackage+sqlite3");
        assertThat(gpkg.header("Content-Disposition")).contains("nearest_sites");
        Http.Response csv = http.get("/ogc/jobs/" + left + "/results?f=csv", "planner");
        assertThat(csv.body()).startsWith("\uFEFFresult_id,").contains("FX-");
        Http.Response shp = http.get("/ogc/jobs/" + left + "/results?f=shp", "planner");
        assertThat(shp.status()).isEqualTo(400);
        assertThat(shp.code()).isEqualTo("format_unsupported");
        assertThat(http.get("/ogc/jobs/" + left + "/results?f=gpkg", "inspector").status()).isEqualTo(404);
    }

    private JsonNode waitForJob(String path) throws InterruptedException {
        JsonNode status = http.get(path, "planner").json();
        for (int i = 0; i < 150 && !status.get("status").asString().matches("successful|failed|dismissed"); i++) {
            Thread.sleep(100);
            status = http.get(path, "planner").json();
        }
        return status;
    }

    @Test
    void processesAreListedDescribedDeclaredAndLinkedFromTheLandingPage() {
        JsonNode list = http.get("/ogc/processes").json();
        List<String> ids = new ArrayList<>();
        list.get("processes").forEach(p -> ids.add(p.get("id").asString()));
        assertThat(ids).contains("sites-within-distance", "nearest-sites", "township-summary",
                "overdue-rectifications", "river-screening");
        JsonNode d = http.get("/ogc/processes/nearest-sites").json();
        assertThat(d.at("/inputs/k/schema/maximum").asInt()).isEqualTo(100);
        assertThat(d.at("/inputs/point/minOccurs").asInt()).isEqualTo(1);
        assertThat(d.at("/outputs/result/schema/type").asString()).isEqualTo("object");
        assertThat(http.get("/ogc/conformance").body())
                .contains("http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/core")
                .contains("http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/job-list");
        assertThat(http.get("/ogc").body()).contains("http://www.opengis.net/def/rel/ogc/1.0/processes");
        JsonNode api = http.get("/ogc/api").json();
        assertThat(api.at("/paths/~1processes~1{processId}~1execution/post/operationId").asString())
                .isEqualTo("execute");
        assertThat(api.at("/paths/~1jobs~1{jobId}/delete/operationId").asString()).isEqualTo("dismiss");
        JsonNode first = http.get("/ogc/processes?limit=1").json();
        assertThat(first.get("processes")).hasSize(1);
        assertThat(first.get("links").toString()).contains("\"rel\":\"next\"").contains("limit=1&offset=1");
        assertThat(http.get("/ogc/processes?limit=0").code()).isEqualTo("parameter_out_of_range");
    }

    @Test
    void onlyPlannersAndAdminsExecuteAndAnonymousCallersMustSignIn() {
        String body = "{\"inputs\": {\"point\": " + pointJson(Fixtures.P0) + "}}";
        assertThat(execute("nearest-sites", body, "viewer", null).code()).isEqualTo("role_forbidden");
        assertThat(execute("nearest-sites", body, null, null).status()).isEqualTo(401);
        assertThat(execute("nearest-sites", body, "admin", null).status()).isEqualTo(200);
    }

    /**
     * An answer is written into the response and ended there: one that fits the response buffer goes out whole with
     * its Content-Length (a flush on the way had sent it chunked, its last chunk only after the audit row).
     */
    @Test
    void aSmallAnswerGoesOutWithItsLength() {
        Http.Response r = execute("nearest-sites", "{\"inputs\": {\"point\": " + pointJson(Fixtures.P0)
                + ", \"k\": 2}}", "planner", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Length")).isEqualTo(
                String.valueOf(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        assertThat(r.body()).contains("\"numberReturned\":2");
    }

    static Stream<Path> badInputs() throws IOException {
        return Files.list(Path.of("src/test/resources/processes/bad-input")).sorted();
    }

    /** Each fixture names its case: {"process", "body", "status", "code"}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsAProblemWithItsCodeNeverA500(Path fixture) throws IOException {
        JsonNode c = Http.JSON.readTree(Files.readString(fixture));
        Http.Response r = execute(c.get("process").asString(), c.get("body").toString(), "planner", null);
        assertThat(r.status()).as(fixture.getFileName() + ": " + r.body()).isEqualTo(c.get("status").asInt());
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo(c.get("code").asString());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM site WHERE code LIKE 'FX-%'").query(Long.class).single())
                .isEqualTo(6);
    }

    @Test
    void suggestSitesPicksTheCandidateReachingMostUncoveredWeightAndSkipsOneInTheRiverBuffer() {
        double[] c1 = Fixtures.at(0, 2250);
        double[] c2 = Fixtures.at(700, 1700);
        double[] inRiverBuffer = Fixtures.at(-100, 0);
        String candidates = "{\"type\": \"MultiPoint\", \"coordinates\": [[" + c1[0] + ", " + c1[1] + "], ["
                + c2[0] + ", " + c2[1] + "], [" + inRiverBuffer[0] + ", " + inRiverBuffer[1] + "]]}";
        // site_buffer 1 m: sites other test classes put at random places in the shared database must not exclude c1
        JsonNode fc = run("suggest-sites", "{\"candidates\": " + candidates
                + ", \"radius\": 800, \"count\": 2, \"site_buffer\": 1}");
        assertThat(fc.get("features")).hasSize(1);
        JsonNode first = fc.get("features").get(0);
        assertThat(first.at("/properties/newly_covered_weight").asDouble()).isEqualTo(400.0);
        assertThat(first.at("/properties/villages").asString()).contains("FX-V1村", "FX-V2村");
        assertThat(first.at("/geometry/coordinates/0").asDouble()).isCloseTo(c1[0], within(1e-6));
        assertThat(first.at("/geometry/coordinates/1").asDouble()).isCloseTo(c1[1], within(1e-6));
        assertThat(fc.at("/summary/candidates_considered").asInt()).isEqualTo(3);
        assertThat(fc.at("/summary/candidates_after_exclusion").asInt()).isEqualTo(2);
        assertThat(fc.at("/summary/exact_covered_weight").asDouble()).isEqualTo(400.0);
    }

    @Test
    void strawCoverageCountsAVillageCoveredByAPointOfTheRightTierWithinItsRadius() {
        String narrow = "{\"village_radius\": 1750, \"township_radius\": 100, \"district_radius\": 100}";
        JsonNode fc = run("straw-coverage", narrow);
        Map<String, JsonNode> villages = fixtures(fc);
        assertThat(villages.get("FX-V1").get("covered").asBoolean()).isTrue();
        assertThat(villages.get("FX-V1").get("covering_site").asString()).isEqualTo("FX-SP-1");
        assertThat(villages.get("FX-V1").get("covering_tier").asString()).isEqualTo("village_point");
        assertMetres(villages.get("FX-V1").get("distance_m"), 1700);
        assertThat(villages.get("FX-V2").get("covered").asBoolean()).isFalse();
        JsonNode wide = fixtures(run("straw-coverage", narrow.replace("\"township_radius\": 100",
                "\"township_radius\": 4000"))).get("FX-V2");
        // FX-SP-2 (a township centre ~3905 m away) covers it, unless a demo township centre is nearer still
        assertThat(wide.get("covering_tier").asString()).isEqualTo("township_centre");
        assertThat(wide.get("distance_m").asDouble()).isLessThanOrEqualTo(
                Fixtures.distance(Fixtures.at(0, 2500), Fixtures.at(3000, 0)) * 1.001);
        JsonNode with = fc.get("summary");
        Fixtures.delete(jdbc);
        JsonNode without = run("straw-coverage", narrow).get("summary");
        assertThat(with.get("villages").asLong() - without.get("villages").asLong()).isEqualTo(2);
        assertThat(with.get("covered").asLong() - without.get("covered").asLong()).isEqualTo(1);
        assertThat(with.get("weight").asDouble() - without.get("weight").asDouble()).isCloseTo(400, within(1e-6));
        assertThat(with.get("covered_weight").asDouble() - without.get("covered_weight").asDouble())
                .isCloseTo(100, within(1e-6));
    }

    @Test
    void aStatementPastTheTimeoutIsStoppedAndAnswered422() {
        ProcessSql sql = new ProcessSql(dataSource, databaseKind, district, 1);
        long start = System.nanoTime();
        ApiException e = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                () -> sql.run(() -> sql.jdbc().sql(slowQuery()).query().singleValue()));
        assertThat(e.code()).isEqualTo("process_too_long");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    }
}
