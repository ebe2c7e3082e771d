package org.wufei.gis.sites;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wufei.gis.demo.DemoDataGenerator;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The site register's behaviour over real HTTP and a real database; each subclass runs it on one of
 * the two databases, so the reports show both.
 */
@IntegrationTest
abstract class SiteRegisterContract {
    static final org.wufei.gis.sites.KindRegistry KINDS = org.wufei.gis.sites.KindRegistry.loadDefault();
    static final String SEAT_SQUARE = """
            {"type":"Polygon","coordinates":[[[110.2670,40.6714],[110.2680,40.6714],[110.2680,40.6720],
            [110.2670,40.6720],[110.2670,40.6714]]]}""";
    static final String SEAT_POINT = "{\"type\":\"Point\",\"coordinates\":[110.2674,40.6717]}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Lifecycles lifecycles;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** How many geometry columns of ours have a spatial index, read from the database's own catalogue. */
    abstract long spatiallyIndexedGeometryColumns();

    @Test
    void demoDistrictIsLoadedWithEveryKindInEveryLifecycleState() {
        for (SiteKind kind : KINDS.all()) {
            long count = jdbc.sql("SELECT COUNT(*) FROM site WHERE kind = ? AND code LIKE 'SG-%-0%'")
                    .param(kind.id()).query(Long.class).single();
            assertThat(count).as(kind.id()).isGreaterThanOrEqualTo(kind.demoCount());
            List<String> states = jdbc.sql("SELECT DISTINCT status FROM site WHERE kind = ?").param(kind.id())
                    .query(String.class).list();
            assertThat(states).as(kind.id()).containsAll(lifecycles.of(kind).states());
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM township").query(Long.class).single()).isEqualTo(8);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM river").query(Long.class).single()).isEqualTo(2);
        var closed = http.get("/api/sites?kind=waste_heap&status=closed&size=1", "viewer").json().get("items").get(0);
        var history = http.get("/api/sites/" + closed.get("id").asLong() + "/history", "viewer").json();
        assertThat(history.size()).isEqualTo(8);
        assertThat(history.get(7).get("evidence").size()).isEqualTo(4);
    }

    @Test
    void everyGeometryIsStoredInEpsg4326WithASpatialIndex() {
        for (String table : List.of("site", "township", "river")) {
            List<Integer> srids = jdbc.sql("SELECT DISTINCT ST_SRID(geom) FROM " + table).query(Integer.class).list();
            assertThat(srids).as(table).containsExactly(4326);
        }
        assertThat(spatiallyIndexedGeometryColumns()).isEqualTo(3);
    }

    @Test
    void everyLifecycleEdgeCanBeTakenWithWhatItRequires() {
        for (SiteKind kind : KINDS.all()) {
            Lifecycle lifecycle = lifecycles.of(kind);
            for (Transition edge : lifecycle.transitions()) {
                if (edge.isCreation()) {
                    JsonNode created = create(kind, edge.to());
                    assertThat(created.get("status").asString()).isEqualTo(edge.to());
                    continue;
                }
                JsonNode site = walkTo(create(kind, null), lifecycle, edge.from());
                Http.Response r = http.post("/api/sites/" + site.get("id").asLong() + "/transitions", "admin",
                        body(edge), etag(site));
                assertThat(r.status()).as(kind.id() + " " + edge.from() + "->" + edge.to() + ": " + r.body())
                        .isEqualTo(200);
                assertThat(r.json().get("status").asString()).isEqualTo(edge.to());
            }
        }
    }

    @Test
    void everyEdgeNotInTheTableIsRefused422() {
        for (SiteKind kind : KINDS.all()) {
            Lifecycle lifecycle = lifecycles.of(kind);
            for (String from : lifecycle.states()) {
                List<String> illegal = lifecycle.states().stream()
                        .filter(to -> lifecycle.find(from, to).isEmpty()).toList();
                if (illegal.isEmpty()) {
                    continue;
                }
                JsonNode site = walkTo(create(kind, null), lifecycle, from);
                for (String to : illegal) {
                    Http.Response r = http.post("/api/sites/" + site.get("id").asLong() + "/transitions", "admin",
                            "{\"to\":\"" + to + "\",\"note\":\"x\",\"evidence\":[{\"type\":\"inspection\",\"ref\":\"a\"}]}",
                            etag(site));
                    assertThat(r.status()).as(kind.id() + " " + from + "->" + to).isEqualTo(422);
                    assertThat(r.code()).isEqualTo("transition_illegal");
                }
            }
        }
    }

    @Test
    void fiftyClientsRacingTheSameTransitionGetExactlyOneSuccess() throws Exception {
        JsonNode site = walkTo(create(KINDS.get("waste_heap"), null), lifecycles.of(KINDS.get("waste_heap")), "assigned");
        long id = site.get("id").asLong();
        long historyBefore = historySize(id);
        String etag = etag(site);
        int threads = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return http.post("/api/sites/" + id + "/transitions", "inspector", "{\"to\":\"verifying\"}", etag)
                        .status();
            }));
        }
        start.countDown();
        Map<Integer, Long> byStatus = new HashMap<>();
        for (Future<Integer> f : results) {
            byStatus.merge(f.get(), 1L, Long::sum);
        }
        pool.shutdown();
        assertThat(byStatus).containsEntry(200, 1L).containsEntry(412, 49L).hasSize(2);
        assertThat(historySize(id)).isEqualTo(historyBefore + 1);
    }

    @Test
    void allowedTransitionsDependOnTheCallersRole() {
        JsonNode site = walkTo(create(KINDS.get("waste_heap"), null), lifecycles.of(KINDS.get("waste_heap")), "verifying");
        String path = "/api/sites/" + site.get("id").asLong();
        assertThat(targets(http.get(path, "inspector").json())).containsExactlyInAnyOrder("confirmed", "dismissed");
        assertThat(targets(http.get(path, "viewer").json())).isEmpty();
        assertThat(targets(http.get(path).json())).isEmpty();
        JsonNode confirm = http.get(path, "inspector").json().get("allowedTransitions").get(0);
        assertThat(confirm.get("noteRequired").asBoolean()).isTrue();
        assertThat(confirm.get("evidenceRequired").get(0).asString()).isEqualTo("inspection");
        assertThat(confirm.get("label").get("zh").asString()).isIn("确认问题", "排除（误判）");
    }

    @Test
    void viewerMayNotMoveASiteAndNothingChanges() {
        JsonNode site = walkTo(create(KINDS.get("waste_heap"), null), lifecycles.of(KINDS.get("waste_heap")), "verifying");
        long id = site.get("id").asLong();
        long before = historySize(id);
        Http.Response r = http.post("/api/sites/" + id + "/transitions", "viewer",
                "{\"to\":\"confirmed\",\"note\":\"x\",\"evidence\":[{\"type\":\"inspection\",\"ref\":\"p.jpg\"}]}",
                etag(site));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("role_forbidden"); // VIEWER takes no transition: refused at the door
        Http.Response planner = http.post("/api/sites/" + id + "/transitions", "planner",
                "{\"to\":\"confirmed\",\"note\":\"x\",\"evidence\":[{\"type\":\"inspection\",\"ref\":\"p.jpg\"}]}",
                etag(site));
        assertThat(planner.status()).isEqualTo(403);
        assertThat(planner.code()).isEqualTo("role_forbidden_transition"); // the edge is not PLANNER's
        assertThat(historySize(id)).isEqualTo(before);
        Http.Response anonymous = http.post("/api/sites/" + id + "/transitions", null, "{\"to\":\"confirmed\"}",
                etag(site));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.code()).isEqualTo("authentication_required");
    }

    @Test
    void aChangeWithoutIfMatchIs428AndWithAnOldVersion412() {
        JsonNode site = create(KINDS.get("waste_heap"), null);
        String path = "/api/sites/" + site.get("id").asLong() + "/transitions";
        Http.Response missing = http.post(path, "admin", "{\"to\":\"assigned\"}", null);
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.code()).isEqualTo("if_match_required");
        Http.Response stale = http.post(path, "admin", "{\"to\":\"assigned\"}", "\"99\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("version_stale");
        assertThat(historySize(site.get("id").asLong())).isEqualTo(1);
    }

    @Test
    void unknownSiteIs404ProblemJson() {
        Http.Response r = http.get("/api/sites/987654321", "viewer");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("site_not_found");
        assertThat(r.json().get("detail").asString()).contains("987654321");
    }

    @Test
    void errorsSpeakChineseFirstAndEnglishOnRequest() {
        assertThat(http.get("/api/sites/987654321", "viewer").json().get("detail").asString()).contains("不存在");
        Http.Response en = http.get("/api/sites/987654321?lang=en", "viewer");
        assertThat(en.json().get("detail").asString()).isEqualTo("Site 987654321 does not exist.");
    }

    @Test
    void historyRecordsActorTimeNoteEvidenceAndModeOfEachStep() {
        JsonNode site = walkTo(create(KINDS.get("waste_heap"), null), lifecycles.of(KINDS.get("waste_heap")), "rectifying");
        JsonNode history = http.get("/api/sites/" + site.get("id").asLong() + "/history", "viewer").json();
        List<String> statuses = new ArrayList<>();
        history.forEach(e -> statuses.add(e.get("to").asString()));
        assertThat(statuses).containsExactly("suspected", "assigned", "verifying", "confirmed", "rectifying");
        JsonNode last = history.get(4);
        assertThat(last.get("actor").asString()).isEqualTo("admin");
        assertThat(last.get("mode").asString()).isEqualTo("deadline");
        assertThat(last.get("deadline").asString()).isNotBlank();
        assertThat(last.get("clientIp").asString()).isNotBlank();
        JsonNode confirmed = history.get(3);
        assertThat(confirmed.get("evidence").get(0).get("type").asString()).isEqualTo("inspection");
        assertThat(site.get("rectification").get("mode").asString()).isEqualTo("deadline");
    }

    @Test
    void greenMineRectificationGetsASixMonthDeadlineByDefault() {
        JsonNode mine = walkTo(create(KINDS.get("green_mine"), null), lifecycles.of(KINDS.get("green_mine")), "rectifying");
        assertThat(LocalDate.parse(mine.get("rectification").get("deadline").asString()))
                .isEqualTo(LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(6));
    }

    @Test
    void closingAHeapNeedsCleanupTracingPenaltyAndNoticeOrAReasonWhyNot() {
        JsonNode site = walkTo(create(KINDS.get("waste_heap"), null), lifecycles.of(KINDS.get("waste_heap")), "reviewed");
        String path = "/api/sites/" + site.get("id").asLong() + "/transitions";
        Http.Response r = http.post(path, "admin", fixture("closing-without-public-notice.json"), etag(site));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("evidence_required");
        assertThat(r.json().get("detail").asString()).contains("public_notice");
        Http.Response waivedCleanup = http.post(path, "admin", """
                {"to":"closed","note":"销号","evidence":[{"type":"cleanup","notApplicableReason":"无需清理"},
                 {"type":"source_tracing","ref":"t.pdf"},{"type":"penalty","notApplicableReason":"无主"},
                 {"type":"public_notice","ref":"n.pdf"}]}""", etag(site));
        assertThat(waivedCleanup.code()).isEqualTo("evidence_not_waivable");
        Http.Response ok = http.post(path, "admin", """
                {"to":"closed","note":"销号","evidence":[{"type":"cleanup","ref":"c.jpg"},
                 {"type":"source_tracing","ref":"t.pdf"},{"type":"penalty","notApplicableReason":"无主堆场，无处罚对象"},
                 {"type":"public_notice","ref":"https://example.invalid/notice/1"}]}""", etag(site));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("status").asString()).isEqualTo("closed");
    }

    @Test
    void anAttributeEditSuchAsARiskGradeChangeIsAHistoryEvent() {
        JsonNode pond = create(KINDS.get("tailings_pond"), null);
        long id = pond.get("id").asLong();
        Http.Response r = http.send("PATCH", "/api/sites/" + id, "admin",
                "{\"attributes\":{\"environmental_risk\":\"level_1\"},\"note\":\"汛期评估上调\"}", etag(pond));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("attributes").get("environmental_risk").asString()).isEqualTo("level_1");
        JsonNode last = lastEvent(id);
        assertThat(last.get("type").asString()).isEqualTo("attribute");
        assertThat(last.get("field").asString()).isEqualTo("environmental_risk");
        assertThat(last.get("oldValue").asString()).isEqualTo("level_3");
        assertThat(last.get("newValue").asString()).isEqualTo("level_1");
    }

    @Test
    void listFiltersByKindStatusTownshipAndBbox() {
        JsonNode all = http.get("/api/sites?kind=waste_heap&size=1000", "viewer").json();
        assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(120);
        JsonNode some = http.get("/api/sites?kind=waste_heap&status=suspected&township=%E7%9F%B3%E6%8B%90%E8%A1%97%E9%81%93", "viewer")
                .json();
        some.get("items").forEach(s -> {
            assertThat(s.get("status").asString()).isEqualTo("suspected");
            assertThat(s.get("township").asString()).isEqualTo("石拐街道");
        });
        JsonNode boxed = http.get("/api/sites?bbox=110.26,40.66,110.28,40.68&size=1000", "viewer").json();
        boxed.get("items").forEach(s -> {
            assertThat(s.get("point").get(0).asDouble()).isBetween(110.25, 110.29);
        });
        assertThat(http.get("/api/sites?bbox=1,2,3", "viewer").code()).isEqualTo("bbox_invalid");
        assertThat(http.get("/api/sites?colour=red", "viewer").code()).isEqualTo("parameter_unknown");
        assertThat(http.get("/api/sites?kind=volcano", "viewer").code()).isEqualTo("kind_unknown");
        assertThat(http.get("/api/sites?status=burning", "viewer").code()).isEqualTo("status_unknown");
    }

    @Test
    void areaIsMeasuredInMetresInTheDistrictsProjection() {
        JsonNode site = create(KINDS.get("waste_heap"), null);
        // ~84.5 m x ~66.7 m at 40.67N: a little over 5,600 m²
        assertThat(site.get("areaM2").asDouble()).isBetween(5500.0, 5750.0);
    }

    // ---- bad input: one test per case, each with its fixture, nothing persisted ----

    @Test
    void unknownKindIsRefused() {
        assertRefusedCreate("unknown-kind.json", 422, "kind_unknown", "kind");
    }

    @Test
    void unknownStatusOnCreateIsRefused() {
        assertRefusedCreate("unknown-status-on-create.json", 422, "status_not_initial", "status");
    }

    @Test
    void malformedJsonIsRefused() {
        assertRefusedCreate("malformed-json.json", 400, "json_malformed", null);
    }

    @Test
    void wrongGeometryTypeForKindIsRefused() {
        assertRefusedCreate("wrong-geometry-type-for-kind.json", 422, "geometry_type_not_allowed", "geometry");
    }

    @Test
    void coordinatesOutOfRangeAreRefused() {
        assertRefusedCreate("coordinates-out-of-range.json", 422, "coordinates_out_of_range", "geometry");
    }

    @Test
    void coordinatesThatAreNotNumbersAreRefused() {
        assertRefusedCreate("coordinates-not-numbers.json", 400, "geometry_malformed", "geometry");
    }

    @Test
    void geometryOutsideTheDistrictIsRefused() {
        assertRefusedCreate("geometry-outside-district.json", 422, "geometry_outside_district", "geometry");
    }

    @Test
    void swappedCoordinatesAreRefusedSayingSo() {
        assertRefusedCreate("coordinates-swapped.json", 422, "coordinates_swapped", "geometry");
    }

    @Test
    void selfIntersectingPolygonIsRefused() {
        assertRefusedCreate("self-intersecting-polygon.json", 422, "geometry_invalid", "geometry");
    }

    @Test
    void unknownAttributeIsRefused() {
        assertRefusedCreate("unknown-attribute.json", 422, "attribute_unknown", "attributes.colour");
    }

    @Test
    void attributeValueNotAllowedIsRefused() {
        assertRefusedCreate("attribute-value-not-allowed.json", 422, "attribute_value_not_allowed",
                "attributes.category");
    }

    @Test
    void transitionMissingEvidenceIsRefused() {
        assertRefusedTransition("verifying", "transition-missing-evidence.json", 422, "evidence_required", "evidence");
    }

    @Test
    void transitionToUnknownStatusIsRefused() {
        assertRefusedTransition("verifying", "transition-unknown-status.json", 422, "status_unknown", "to");
    }

    @Test
    void transitionNoteOver4000CharactersIsRefused() {
        assertRefusedTransition("verifying", "transition-note-over-4000-chars.json", 422, "note_too_long", "note");
    }

    @Test
    void transitionOnDeletedSiteIsRefused() {
        JsonNode site = create(KINDS.get("waste_heap"), null);
        long id = site.get("id").asLong();
        Http.Response del = http.send("DELETE", "/api/sites/" + id + "?note=duplicate", "admin", null, etag(site));
        assertThat(del.status()).isEqualTo(204);
        long events = historySize(id);
        Http.Response r = http.post("/api/sites/" + id + "/transitions", "admin",
                fixture("transition-on-deleted-site.json"), "\"" + (site.get("version").asLong() + 1) + "\"");
        assertThat(r.status()).isEqualTo(410);
        assertThat(r.code()).isEqualTo("site_deleted");
        assertThat(historySize(id)).isEqualTo(events);
        assertThat(http.get("/api/sites/" + id, "viewer").status()).isEqualTo(410);
    }

    // ---- helpers ----

    private void assertRefusedCreate(String fixture, int status, String code, String field) {
        long sites = count("site");
        long events = count("status_event");
        Http.Response r = http.post("/api/sites", "admin", fixture(fixture), null);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo(code);
        if (field != null) {
            assertThat(r.json().get("field").asString()).isEqualTo(field);
        }
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(count("site")).isEqualTo(sites);
        assertThat(count("status_event")).isEqualTo(events);
    }

    private void assertRefusedTransition(String from, String fixture, int status, String code, String field) {
        JsonNode site = walkTo(create(KINDS.get("waste_heap"), null), lifecycles.of(KINDS.get("waste_heap")), from);
        long id = site.get("id").asLong();
        long events = historySize(id);
        Http.Response r = http.post("/api/sites/" + id + "/transitions", "admin", fixture(fixture), etag(site));
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.json().get("field").asString()).isEqualTo(field);
        assertThat(historySize(id)).isEqualTo(events);
        assertThat(http.get("/api/sites/" + id, "viewer").json().get("status").asString()).isEqualTo(from);
    }

    static String fixture(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/sites/bad-input", name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode create(SiteKind kind, String status) {
        ObjectNode body = Http.JSON.createObjectNode().put("kind", kind.id()).put("name", "测试" + kind.id());
        if (status != null) {
            body.put("status", status);
        }
        body.put("township", "石拐街道");
        body.set("geometry", Http.JSON.readTree(kind.polygonal() ? SEAT_SQUARE : SEAT_POINT));
        ObjectNode attrs = body.putObject("attributes");
        for (AttributeDef def : kind.attributes()) {
            if (def.required()) {
                attrs.put(def.name(), def.allowed().get(0));
            }
        }
        if (kind.id().equals("tailings_pond")) {
            attrs.put("environmental_risk", "level_3");
        }
        Http.Response r = http.post("/api/sites", "admin", body.toString(), null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** Takes the shortest path from the site's status to the target, as admin, supplying what each edge needs. */
    JsonNode walkTo(JsonNode site, Lifecycle lifecycle, String target) {
        for (Transition edge : path(lifecycle, site.get("status").asString(), target)) {
            Http.Response r = http.post("/api/sites/" + site.get("id").asLong() + "/transitions", "admin",
                    body(edge), etag(site));
            assertThat(r.status()).as(edge.from() + "->" + edge.to() + ": " + r.body()).isEqualTo(200);
            site = r.json();
        }
        return site;
    }

    static List<Transition> path(Lifecycle lifecycle, String from, String to) {
        Map<String, Transition> reachedBy = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            String s = queue.poll();
            for (Transition t : lifecycle.from(s)) {
                if (!t.to().equals(from) && reachedBy.putIfAbsent(t.to(), t) == null) {
                    queue.add(t.to());
                }
            }
        }
        List<Transition> path = new ArrayList<>();
        for (String s = to; !s.equals(from); s = reachedBy.get(s).from()) {
            assertThat(reachedBy).as("path to " + to).containsKey(s);
            path.add(0, reachedBy.get(s));
        }
        return path;
    }

    static String body(Transition edge) {
        ObjectNode b = Http.JSON.createObjectNode().put("to", edge.to());
        if (edge.noteRequired()) {
            b.put("note", "测试说明 " + edge.from() + "→" + edge.to());
        }
        ArrayNode evidence = b.putArray("evidence");
        for (String type : edge.evidence()) {
            evidence.addObject().put("type", Transition.ANY_EVIDENCE.equals(type) ? "document" : type)
                    .put("ref", "test/" + type + ".jpg");
        }
        if (edge.modeRequired()) {
            b.put("mode", "deadline");
        }
        if (edge.deadline() != null && edge.deadline().required()) {
            b.put("deadline", LocalDate.now(java.time.ZoneOffset.UTC).plusDays(60).toString());
        }
        return b.toString();
    }

    static String etag(JsonNode site) {
        return "\"" + site.get("version").asLong() + "\"";
    }

    static List<String> targets(JsonNode site) {
        List<String> out = new ArrayList<>();
        site.get("allowedTransitions").forEach(t -> out.add(t.get("to").asString()));
        return out;
    }

    long historySize(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM status_event WHERE site_id = ?").param(id).query(Long.class).single();
    }

    JsonNode lastEvent(long id) {
        JsonNode h = http.get("/api/sites/" + id + "/history", "viewer").json();
        return h.get(h.size() - 1);
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    static String joined(List<String> l) {
        return l.stream().collect(Collectors.joining(","));
    }

    @Test
    void aClosedHeapThatComesBackIsReopenedByAdminWithReasonAndEvidenceKeepingItsHistory() {
        SiteKind heap = KINDS.get("waste_heap");
        JsonNode site = walkTo(create(heap, null), lifecycles.of(heap), "closed");
        long id = site.get("id").asLong();
        int before = http.get("/api/sites/" + id + "/history", "admin").json().size();
        String path = "/api/sites/" + id + "/transitions";
        String reopen = """
                {"to": "confirmed", "note": "回头看发现反弹：原址新增堆存约 300 m³",
                 "evidence": [{"type": "inspection", "ref": "inspections/2026-11-30.jpg"}]}""";
        assertThat(http.post(path, "inspector", reopen, etag(site)).status()).isEqualTo(403);
        Http.Response noEvidence = http.post(path, "admin", "{\"to\": \"confirmed\", \"note\": \"反弹\"}", etag(site));
        assertThat(noEvidence.status()).isEqualTo(422);
        Http.Response noReason = http.post(path, "admin", reopen.replace("\"note\": \"回头看发现反弹：原址新增堆存约 300 m³\",",
                ""), etag(site));
        assertThat(noReason.status()).isEqualTo(422);
        Http.Response reopened = http.post(path, "admin", reopen, etag(site));
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        assertThat(reopened.json().get("status").asString()).isEqualTo("confirmed");
        JsonNode history = http.get("/api/sites/" + id + "/history", "admin").json();
        assertThat(history.size()).isEqualTo(before + 1);
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("from").asString()).isEqualTo("closed");
        assertThat(last.get("to").asString()).isEqualTo("confirmed");
        assertThat(last.get("note").asString()).contains("反弹");
        assertThat(history.get(history.size() - 2).get("to").asString()).isEqualTo("closed");
    }
}
