package org.wufei.gis.imports.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A district's 清单 (GBK shapefile in CGCS2000, and the same as XLSX) loads as sites with their statuses, attributes,
 * deadlines and a history citing file and row; the same file again changes nothing; a bad row refuses the file
 * with every row's reason; a rollback takes the sites out again.
 */
@IntegrationTest
abstract class RegisterImportContract {
    static final String MAPPING = "{\"编号\":\"code\",\"名称\":\"name\",\"类别\":\"category\",\"责任主体\":"
            + "\"responsible_party\",\"状态\":\"status\",\"整改时限\":\"deadline\",\"无主\":\"ownerless\"}";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegisterImportService service;
    @Autowired
    RegisterImportJob job;
    @TempDir
    Path tmp;
    Http http;
    String prefix;
    double cx;
    double cy;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        prefix = "QD" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36)
                .toUpperCase(java.util.Locale.ROOT);
        // a random spot per test (the imports match by place), north of the processes' fixtures around
        // (110.416, 40.614): a rectifying heap from here within their 2.5 km once ranked before FX-WH-2. The spot has
        // no site yet: a heap of the demo data or of another test within 30 m of a row made that row "existing"
        do {
            cx = 110.05 + ThreadLocalRandom.current().nextDouble() * 0.4;
            cy = 40.70 + ThreadLocalRandom.current().nextDouble() * 0.12;
        } while (jdbc.sql("SELECT COUNT(*) FROM site WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)")
                .params(cx - 0.002, cy - 0.002, cx + 5 * 0.003 + 0.002, cy + 0.002).query(Long.class).single() > 0);
    }

    List<RegisterFixtures.Heap> heaps() {
        return List.of(
                heap(1, "建筑垃圾", "包头某建材公司", "确认问题", "", "否"),
                heap(2, "煤矸石堆场", "石拐某煤矿", "整改中", "2026-06-30", "否"),
                heap(3, "冶炼渣堆场", "", "已销号", "", "是"),
                heap(4, "生活垃圾", "某村委会", "疑似问题点位", "", "否"));
    }

    RegisterFixtures.Heap heap(int i, String category, String party, String status, String deadline, String none) {
        return new RegisterFixtures.Heap(prefix + "-" + i, "清单堆放点" + i, category, 1000.0 * i, party, status,
                deadline, none, cx + i * 0.003, cy);
    }

    @Test
    void aGbkShapefileRegisterInCgcs2000LoadsAsSitesWithStatusesAttributesAndHistoryAndAgainChangesNothing()
            throws Exception {
        byte[] shp = RegisterFixtures.shapefileZip(tmp, "qingdan", heaps());
        JsonNode proposal = post("/api/imports/register/proposal", "清单.zip", shp, Map.of("kind", "waste_heap"))
                .json();
        assertThat(proposal.path("mapping").path("名称").asString()).as(proposal.toString()).isEqualTo("name");
        assertThat(proposal.path("mapping").path("类别").asString()).isEqualTo("category");
        assertThat(proposal.path("mapping").path("责任主体").asString()).isEqualTo("responsible_party");
        assertThat(proposal.path("mapping").path("状态").asString()).isEqualTo("status");
        assertThat(proposal.path("mapping").path("整改时限").asString()).isEqualTo("deadline");
        assertThat(proposal.path("mapping").path("编号").asString()).isEqualTo("code");
        assertThat(proposal.path("statuses").path("整改中").asString()).isEqualTo("rectifying");

        Http.Response first = post("/api/imports/register", "清单.zip", shp, Map.of("kind", "waste_heap",
                "mapping", MAPPING));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("created").asLong()).isEqualTo(4);
        JsonNode rectifying = site(prefix + "-2");
        assertThat(rectifying.path("status").asString()).isEqualTo("rectifying");
        assertThat(rectifying.path("attributes").path("category").asString()).isEqualTo("coal_gangue");
        assertThat(rectifying.path("attributes").path("responsible_party").asString()).isEqualTo("石拐某煤矿");
        assertThat(rectifying.path("rectification").path("deadline").asString()).isEqualTo("2026-06-30");
        assertThat(site(prefix + "-3").path("status").asString()).isEqualTo("closed");
        assertThat(site(prefix + "-3").path("attributes").path("ownerless").asBoolean()).isTrue();
        JsonNode history = http.get("/api/sites/" + rectifying.path("id").asLong() + "/history", "viewer").json();
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.get(0).path("note").asString()).contains("清单.zip").contains("第 2 行");

        Http.Response again = post("/api/imports/register", "清单-重传.zip", shp, Map.of("kind", "waste_heap",
                "mapping", MAPPING));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(sitesWithPrefix()).isEqualTo(4);
        assertThat(http.get("/api/sites/" + rectifying.path("id").asLong() + "/history", "viewer").json().size())
                .isEqualTo(1);

        // the same register as XLSX meets the same sites (same code): reported, not touched
        Http.Response xlsx = post("/api/imports/register", "清单.xlsx", RegisterFixtures.xlsx(heaps()),
                Map.of("kind", "waste_heap", "mapping", MAPPING));
        assertThat(xlsx.status()).as(xlsx.body()).isEqualTo(201);
        assertThat(xlsx.json().path("existing").asLong()).isEqualTo(4);
        assertThat(xlsx.json().path("created").asLong()).isZero();
        assertThat(sitesWithPrefix()).isEqualTo(4);
    }

    @Test
    void anXlsxRegisterLoadsUpdatesExistingSitesOnlyWhenAskedAndRollsBack() throws Exception {
        List<RegisterFixtures.Heap> heaps = heaps();
        Http.Response first = post("/api/imports/register", "清单.xlsx", RegisterFixtures.xlsx(heaps),
                Map.of("kind", "waste_heap", "mapping", MAPPING));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("created").asLong()).isEqualTo(4);
        assertThat(site(prefix + "-1").path("status").asString()).isEqualTo("confirmed");

        List<RegisterFixtures.Heap> changed = new ArrayList<>(heaps);
        RegisterFixtures.Heap h = heaps.get(0);
        changed.set(0, new RegisterFixtures.Heap(h.code(), h.name(), h.category(), h.area(), "新责任单位", h.status(),
                h.deadline(), h.ownerless(), h.lon(), h.lat()));
        byte[] edited = RegisterFixtures.xlsx(changed);
        Http.Response reported = post("/api/imports/register", "清单-修订.xlsx", edited,
                Map.of("kind", "waste_heap", "mapping", MAPPING));
        assertThat(reported.json().path("existing").asLong()).as(reported.body()).isEqualTo(4);
        assertThat(site(prefix + "-1").path("attributes").path("responsible_party").asString())
                .isEqualTo("包头某建材公司");
        byte[] editedAgain = RegisterFixtures.xlsx(changed.subList(0, 1));
        Http.Response updated = post("/api/imports/register", "清单-修订2.xlsx", editedAgain,
                Map.of("kind", "waste_heap", "mapping", MAPPING, "update", "true"));
        assertThat(updated.json().path("updated").asLong()).as(updated.body()).isEqualTo(1);
        assertThat(site(prefix + "-1").path("attributes").path("responsible_party").asString()).isEqualTo("新责任单位");

        long id = first.json().path("id").asLong();
        assertThat(http.send("DELETE", "/api/imports/register/" + id, "uploader", null, null).status()).isEqualTo(403);
        assertThat(http.send("DELETE", "/api/imports/register/" + id, "admin", null, null).status()).isEqualTo(204);
        assertThat(sitesWithPrefix()).isZero();
        assertThat(http.get("/api/imports/register/" + id, "admin").json().path("state").asString())
                .isEqualTo("rolled_back");
    }

    @Test
    void aRolledBackRegisterCanBeImportedAgainAndItsSitesComeBackUnderTheirCodes() throws Exception {
        byte[] xlsx = RegisterFixtures.xlsx(heaps());
        Http.Response first = post("/api/imports/register", "清单.xlsx", xlsx, Map.of("kind", "waste_heap",
                "mapping", MAPPING));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        long firstSite = site(prefix + "-2").path("id").asLong();
        long id = first.json().path("id").asLong();
        assertThat(http.send("DELETE", "/api/imports/register/" + id, "admin", null, null).status()).isEqualTo(204);
        assertThat(sitesWithPrefix()).isZero();

        Http.Response again = post("/api/imports/register", "清单.xlsx", xlsx, Map.of("kind", "waste_heap",
                "mapping", MAPPING));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().path("id").asLong()).isNotEqualTo(id);
        assertThat(again.json().path("created").asLong()).isEqualTo(4);
        assertThat(sitesWithPrefix()).isEqualTo(4);
        JsonNode back = site(prefix + "-2");
        assertThat(back.path("id").asLong()).isNotEqualTo(firstSite);
        assertThat(back.path("status").asString()).isEqualTo("rectifying");
        // the withdrawn site keeps its history (created by the import, deleted by the rollback)
        JsonNode history = http.get("/api/sites/" + firstSite + "/history", "admin").json();
        assertThat(history.size()).as(history.toString()).isEqualTo(2);
        assertThat(history.get(1).path("note").asString()).contains("#" + id);
        assertThat(http.get("/api/imports/register/" + id, "admin").json().path("state").asString())
                .isEqualTo("rolled_back");
        // and the new import is the file's import now: once more changes nothing
        Http.Response third = post("/api/imports/register", "清单.xlsx", xlsx, Map.of("kind", "waste_heap",
                "mapping", MAPPING));
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.json().path("id").asLong()).isEqualTo(again.json().path("id").asLong());
    }

    @Test
    void rowsWithoutCodesMeetSitesOfTheKindAtTheSamePlaceAndUpdateThemOnlyWhenAsked() throws Exception {
        Http.Response first = post("/api/imports/register", "清单.xlsx", RegisterFixtures.xlsx(heaps()),
                Map.of("kind", "waste_heap", "mapping", MAPPING));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        // another office's list of the same heaps: no codes, other names, the same places
        List<String> header = List.of("名称", "类别", "状态");
        List<Object[]> rows = heaps().stream().map(h -> new Object[] {"乡镇上报" + h.name(), h.category(), h.status()})
                .toList();
        List<String> wkts = heaps().stream().map(RegisterFixtures.Heap::wkt).toList();
        String mapping = "{\"名称\":\"name\",\"类别\":\"category\",\"状态\":\"status\"}";
        Http.Response reported = post("/api/imports/register", "乡镇清单.xlsx",
                RegisterFixtures.xlsx(header, rows, wkts), Map.of("kind", "waste_heap", "mapping", mapping));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        assertThat(reported.json().path("existing").asLong()).isEqualTo(4);
        assertThat(reported.json().path("created").asLong()).isZero();
        long siteId = site(prefix + "-1").path("id").asLong();
        assertThat(reported.json().path("sites").get(0).path("siteId").asLong()).isEqualTo(siteId);
        assertThat(site(prefix + "-1").path("name").asString()).isEqualTo("清单堆放点1");

        List<Object[]> renamed = heaps().stream().map(h -> new Object[] {"更名" + h.name(), h.category(), h.status()})
                .toList();
        Http.Response updated = post("/api/imports/register", "乡镇清单-更新.xlsx",
                RegisterFixtures.xlsx(header, renamed, wkts), Map.of("kind", "waste_heap", "mapping", mapping,
                        "update", "true"));
        assertThat(updated.json().path("updated").asLong()).as(updated.body()).isEqualTo(4);
        assertThat(site(prefix + "-1").path("name").asString()).isEqualTo("更名清单堆放点1");
        assertThat(sitesWithPrefix()).isEqualTo(4);
    }

    @Test
    void aRegisterSentAsynchronouslyIsQueuedShowsProgressAndLoads() throws Exception {
        byte[] xlsx = RegisterFixtures.xlsx(heaps());
        Http.Response queued = post("/api/imports/register", "清单-异步.xlsx", xlsx, Map.of("kind", "waste_heap",
                "mapping", MAPPING), Map.of("Prefer", "respond-async"));
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        assertThat(queued.header("Preference-Applied")).isEqualTo("respond-async");
        String location = queued.header("Location");
        assertThat(location).isEqualTo("/api/imports/register/" + queued.json().path("id").asLong());
        assertThat(queued.json().path("state").asString()).isIn("queued", "running", "succeeded");
        JsonNode done = ended(location);
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("succeeded");
        assertThat(done.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(done.path("created").asLong()).isEqualTo(4);
        assertThat(done.path("startedAt").isNull()).isFalse();
        assertThat(site(prefix + "-2").path("status").asString()).isEqualTo("rectifying");
        Http.Response again = post("/api/imports/register", "清单-异步.xlsx", xlsx, Map.of("kind", "waste_heap",
                "mapping", MAPPING), Map.of("Prefer", "respond-async"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asLong()).isEqualTo(queued.json().path("id").asLong());
    }

    @Test
    void aBadRegisterSentAsynchronouslyFailsWithEveryRowsReasonAndRunsAgainWhenSentFixed() throws Exception {
        List<RegisterFixtures.Heap> heaps = new ArrayList<>(heaps());
        heaps.set(1, with(heaps.get(1), "status", "已搬迁"));
        byte[] xlsx = RegisterFixtures.xlsx(heaps);
        Http.Response queued = post("/api/imports/register", "register-status-not-in-lifecycle-async.xlsx", xlsx,
                Map.of("kind", "waste_heap", "mapping", MAPPING), Map.of("Prefer", "respond-async"));
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        JsonNode failed = ended(queued.header("Location"));
        assertThat(failed.path("state").asString()).as(failed.toString()).isEqualTo("failed");
        assertThat(failed.path("errorCount").asLong()).isEqualTo(1);
        JsonNode error = failed.path("errors").get(0);
        assertThat(error.path("code").asString()).isEqualTo("status_not_in_lifecycle");
        assertThat(error.path("row").asLong()).isEqualTo(2);
        assertThat(error.path("column").asString()).isEqualTo("状态");
        assertThat(error.path("message").asString()).isNotBlank();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM site WHERE code LIKE 'QDFIX-%'").query(Long.class).single())
                .isZero();

        // the same file with the missing status mapped: the failed import runs again
        Http.Response fixed = post("/api/imports/register", "register-status-not-in-lifecycle-async.xlsx", xlsx,
                Map.of("kind", "waste_heap", "mapping", MAPPING, "statuses", "{\"已搬迁\":\"rectified\"}"),
                Map.of("Prefer", "respond-async"));
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(202);
        assertThat(fixed.json().path("id").asLong()).isEqualTo(queued.json().path("id").asLong());
        JsonNode done = ended(fixed.header("Location"));
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("succeeded");
        assertThat(done.path("errors").size()).isZero();
        assertThat(site(prefix + "-2").path("status").asString()).isEqualTo("rectified");
    }

    @Test
    void anImportLeftQueuedByAStoppedServiceIsFailedAtStartAndCanBeRetried() throws Exception {
        byte[] xlsx = RegisterFixtures.xlsx(heaps());
        Path file = java.nio.file.Files.write(tmp.resolve("upload.xlsx"), xlsx);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(xlsx));
        var request = new RegisterRequest("waste_heap", Http.JSON.readValue(MAPPING,
                new tools.jackson.core.type.TypeReference<Map<String, String>>() {
                }), Map.of(), false, null, null);
        // queued, then the service stopped before its worker took it: the start of the next process finds it
        var queued = service.submit(file, sha, "清单-中断.xlsx", request,
                new org.wufei.gis.common.Actor("admin", java.util.EnumSet.of(org.wufei.gis.common.Role.ADMIN), null),
                true);
        assertThat(queued.answer()).isEqualTo(RegisterImportService.Answer.QUEUED);
        long id = queued.batch().id();
        job.start();
        JsonNode failed = http.get("/api/imports/register/" + id, "admin").json();
        assertThat(failed.path("state").asString()).as(failed.toString()).isEqualTo("failed");
        assertThat(failed.path("errors").get(0).path("code").asString()).isEqualTo("import_interrupted");
        assertThat(sitesWithPrefix()).isZero();

        Http.Response retried = http.post("/api/imports/register/" + id + "/retry", "admin", null, null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        JsonNode done = ended("/api/imports/register/" + id);
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("succeeded");
        assertThat(done.path("created").asLong()).isEqualTo(4);
        assertThat(http.post("/api/imports/register/" + id + "/retry", "admin", null, null).code())
                .isEqualTo("import_not_failed");
    }

    JsonNode ended(String location) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        JsonNode b = http.get(location, "admin").json();
        while (!b.path("state").asString().matches("succeeded|failed|rolled_back") && System.nanoTime() < until) {
            Thread.sleep(100);
            b = http.get(location, "admin").json();
        }
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "register-mapping-to-unknown-attribute.xlsx, mapping_attribute_unknown, , 面积",
        "register-status-not-in-lifecycle.xlsx, status_not_in_lifecycle, 2, 状态",
        "register-unknown-code-list-value.xlsx, attribute_value_not_allowed, 3, 类别",
        "register-unreadable-date.xlsx, date_unreadable, 2, 整改时限",
        "register-two-rows-one-code.xlsx, code_duplicate, 4, 编号"})
    void aBadRowRefusesTheWholeRegisterNamingRowAndColumn(String file, String code, Long row, String column)
            throws Exception {
        // the files (src/test/resources/imports, named after their case) hold the register of four heaps QDFIX-1..4
        // with one bad cell each; the mapping case is the plain register with its 面积 column mapped to no field
        String mapping = code.equals("mapping_attribute_unknown")
                ? MAPPING.replace("}", ",\"面积\":\"area_hectares\"}") : MAPPING;
        byte[] content;
        try (var in = getClass().getResourceAsStream("/imports/" + file)) {
            content = in.readAllBytes();
        }
        Http.Response r = post("/api/imports/register", file, content, Map.of("kind", "waste_heap", "mapping",
                mapping));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("register_import_refused");
        JsonNode error = r.json().path("errors").get(0);
        assertThat(error.path("code").asString()).as(r.body()).isEqualTo(code);
        assertThat(error.path("column").asString()).isEqualTo(column);
        if (row == null) {
            assertThat(error.path("row").isNull()).isTrue();
        } else {
            assertThat(error.path("row").asLong()).isEqualTo(row);
        }
        assertThat(error.path("message").asString()).isNotBlank();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM site WHERE code LIKE 'QDFIX-%'").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM register_import WHERE file_name = ?").param(file)
                .query(Long.class).single()).isZero();
    }

    private static RegisterFixtures.Heap with(RegisterFixtures.Heap h, String field, String value) {
        return new RegisterFixtures.Heap(field.equals("code") ? value : h.code(), h.name(),
                field.equals("category") ? value : h.category(), h.area(), h.party(),
                field.equals("status") ? value : h.status(), field.equals("deadline") ? value : h.deadline(),
                h.ownerless(), h.lon(), h.lat());
    }

    private long sitesWithPrefix() {
        return jdbc.sql("SELECT COUNT(*) FROM site WHERE code LIKE ? AND deleted_at IS NULL").param(prefix + "-%")
                .query(Long.class).single();
    }

    private JsonNode site(String code) {
        long id = jdbc.sql("SELECT id FROM site WHERE code = ?").param(code).query(Long.class).single();
        return http.get("/api/sites/" + id, "admin").json();
    }

    Http.Response post(String path, String fileName, byte[] content, Map<String, String> fields) throws Exception {
        return post(path, fileName, content, fields, Map.of());
    }

    Http.Response post(String path, String fileName, byte[] content, Map<String, String> fields,
            Map<String, String> headers) throws Exception {
        String boundary = "----reg" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var e : new LinkedHashMap<>(fields).entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey()
                    + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + e.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(http.base() + path));
        headers.forEach(builder::header);
        HttpRequest request = builder.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Http.Response(r.statusCode(), r.headers(), r.body());
    }
}
