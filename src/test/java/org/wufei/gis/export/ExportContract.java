package org.wufei.gis.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/** Exports of OGC collections as files, over real HTTP from a real database, read back by real readers. */
@IntegrationTest
abstract class ExportContract {
    static final String HEAPS = "/ogc/collections/waste_heaps/items";
    static final String POINTS = "/ogc/collections/straw_collection_points/items";

    @LocalServerPort
    int port;
    Http http;
    Downloads downloads;
    @TempDir
    Path dir;

    @BeforeEach
    void client() {
        http = new Http(port);
        downloads = new Downloads(port);
    }

    long matched(String items) {
        JsonNode page = http.get(items + (items.contains("?") ? "&" : "?") + "limit=10000").json();
        return page.path("numberReturned").asLong();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    Downloads.Response ok(String path, String... headers) {
        // staff exports: anonymous readers get the public projection (AnonymousReadsContract)
        Downloads.Response r = downloads.get(path, "viewer", headers);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r;
    }

    @Test
    void geoPackageHoldsEveryMatchingHeapWithItsSrsAndAnAttachmentName() throws Exception {
        Downloads.Response r = ok(HEAPS + "?f=gpkg");
        assertThat(r.header("Content-Type")).startsWith("application/geopackage+sqlite3");
        assertThat(r.header("Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''waste_heaps-").contains(".gpkg");
        Path file = dir.resolve("heaps.gpkg");
        Files.write(file, r.body());
        try (GeoPackage gpkg = GeoPackageManager.open(file.toFile())) {
            assertThat(gpkg.getFeatureTables()).containsExactly("waste_heaps");
            var dao = gpkg.getFeatureDao("waste_heaps");
            assertThat((long) dao.count()).isEqualTo(matched(HEAPS)).isGreaterThan(100);
            assertThat(dao.getSrs().getOrganizationCoordsysId()).isEqualTo(4326);
            assertThat(dao.getColumnNames()).contains("code", "name", "status", "category", "volume_m3");
        }
        assertThat(ogrinfo(file)).contains("Feature Count: " + matched(HEAPS)).contains("EPSG", "4326");
    }

    @Test
    void exportWithoutLimitHasEveryMatchOfAFilterAndLimitStillPages() {
        String filter = "?filter=" + enc("status IN ('suspected','closed')");
        long expected = matched(HEAPS + filter);
        assertThat(expected).isGreaterThan(0);
        String csv = ok(HEAPS + filter + "&f=csv").text();
        assertThat(csv.lines().count()).isEqualTo(expected + 1);
        String paged = ok(HEAPS + "?f=csv&limit=5&offset=2&sortby=code").text();
        List<String> lines = paged.lines().toList();
        assertThat(lines).hasSize(6);
        JsonNode page = http.get(HEAPS + "?limit=5&offset=2&sortby=code").json();
        assertThat(lines.get(1)).startsWith(page.path("features").get(0).path("properties").path("code").asString());
    }

    @Test
    void utf8CsvStartsWithAByteOrderMarkAndCanHaveChineseHeadersAndLonLatColumns() throws Exception {
        Downloads.Response r = ok(POINTS + "?f=csv&headers=labels&properties=code,name,status");
        assertThat(r.header("Content-Type")).isEqualToIgnoringCase("text/csv;charset=UTF-8");
        assertThat(r.body()[0] & 0xff).isEqualTo(0xEF);
        assertThat(r.body()[1] & 0xff).isEqualTo(0xBB);
        assertThat(r.body()[2] & 0xff).isEqualTo(0xBF);
        String header = r.text().substring(1).lines().findFirst().orElseThrow();
        assertThat(header).isEqualTo("编号,名称,状态,经度,纬度");
        Downloads.Response wkt = ok(HEAPS + "?f=csv&properties=code,name");
        String heaps = wkt.text().substring(1);
        assertThat(heaps.lines().findFirst().orElseThrow()).isEqualTo("code,name,WKT");
        assertThat(heaps.lines().skip(1).findFirst().orElseThrow()).contains("POLYGON");
        Path file = dir.resolve("heaps.csv");
        Files.write(file, wkt.body());
        assertThat(ogrinfo(file)).contains("Feature Count: " + matched(HEAPS)).contains("Extent: (110.");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"f=csv-gbk, ''", "f=csv&charset=gbk, ''", "'', text/csv;charset=GBK"})
    void gbkCsvDecodesWithTheChineseNames(String query, String accept) throws Exception {
        Downloads.Response r = accept.isEmpty() ? ok(HEAPS + "?" + query + "&headers=labels")
                : ok(HEAPS + "?headers=labels", "Accept", accept);
        assertThat(r.header("Content-Type")).isEqualToIgnoringCase("text/csv;charset=GBK");
        String text = Charset.forName("GBK").newDecoder().decode(java.nio.ByteBuffer.wrap(r.body())).toString();
        String firstName = http.get(HEAPS + "?limit=1").json().path("features").get(0).path("properties")
                .path("name").asString();
        assertThat(text).startsWith("编号,名称").contains(firstName);
    }

    @Test
    void xlsxOpensInPoiWithChineseHeadersAndNumbersAsNumbers() throws Exception {
        Downloads.Response r = ok(HEAPS + "?f=xlsx&headers=labels&properties=code,name,volume_m3");
        assertThat(r.header("Content-Disposition")).contains(".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("编号");
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("名称");
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("估算体量（m³）");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("WKT");
            assertThat(sheet.getLastRowNum()).isEqualTo((int) matched(HEAPS));
            boolean numeric = false;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                var cell = sheet.getRow(i).getCell(2);
                numeric |= cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC;
            }
            assertThat(numeric).isTrue();
        }
    }

    @Test
    void kmlParsesWithOnePlacemarkPerFeature() throws Exception {
        Downloads.Response r = ok(POINTS + "?f=kml");
        assertThat(r.header("Content-Type")).startsWith("application/vnd.google-earth.kml+xml");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
        assertThat((long) doc.getElementsByTagNameNS("*", "Placemark").getLength()).isEqualTo(matched(POINTS));
        assertThat(doc.getElementsByTagNameNS("*", "Point").getLength()).isEqualTo(
                doc.getElementsByTagNameNS("*", "Placemark").getLength());
        assertThat(r.text()).contains("<SimpleData name=\"code\">");
    }

    @Test
    void geoJsonFileIsOneCollectionOfEveryFeature() {
        Downloads.Response r = ok(HEAPS + "?f=geojson-file&properties=code");
        JsonNode doc = Http.JSON.readTree(r.text());
        assertThat(doc.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat((long) doc.path("features").size()).isEqualTo(matched(HEAPS));
        assertThat(doc.path("features").get(0).path("properties").propertyNames()).containsExactly("code");
    }

    @Test
    void acceptChoosesTheFormatAndJsonStaysThePage() {
        Downloads.Response gpkg = ok(HEAPS, "Accept", "application/geopackage+sqlite3");
        assertThat(gpkg.header("Content-Type")).startsWith("application/geopackage+sqlite3");
        Downloads.Response xlsx = ok(HEAPS, "Accept",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.header("Content-Disposition")).contains(".xlsx");
        Downloads.Response page = ok(HEAPS + "?f=json", "Accept", "text/csv");
        assertThat(page.header("Content-Type")).startsWith("application/geo+json");
        Downloads.Response browser = ok(HEAPS, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(browser.header("Content-Type")).startsWith("application/geo+json");
    }

    @Test
    void itemsPagesLinkEveryExportFormatAsAlternate() {
        JsonNode links = http.get(HEAPS + "?limit=3&filter=" + enc("status='closed'")).json().path("links");
        List<String> types = new ArrayList<>();
        for (JsonNode l : links) {
            if (l.path("rel").asString().equals("alternate")) {
                types.add(l.path("type").asString());
                assertThat(l.path("href").asString()).contains("filter=").contains("f=");
            }
        }
        assertThat(types).contains("application/geopackage+sqlite3", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.google-earth.kml+xml");
    }

    @Test
    void theOpenApiDocumentDeclaresTheFormatsOfItems() {
        JsonNode api = http.get("/ogc/api").json();
        JsonNode f = api.path("components").path("parameters").path("itemsF");
        assertThat(f.path("name").asString()).isEqualTo("f");
        List<String> values = new ArrayList<>();
        f.path("schema").path("enum").forEach(v -> values.add(v.asString()));
        assertThat(values).contains("json", "gpkg", "csv", "csv-gbk", "xlsx", "kml", "geojson-file");
        assertThat(api.path("paths").path("/collections/{collectionId}/items").path("get").path("responses")
                .path("200").path("content").has("application/geopackage+sqlite3")).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "f=shp, 400, format_unsupported",
        "f=gpkg&filter=status%20%3D%3D%20, 400, filter_invalid",
        "f=csv&charset=latin1, 400, charset_unsupported",
        "f=csv&headers=zh, 400, parameter_invalid",
        "f=kml&crs=http%3A%2F%2Fwww.opengis.net%2Fdef%2Fcrs%2FEPSG%2F0%2F4546, 400, crs_not_offered",
        "f=gpkg&nonsense=1, 400, parameter_unknown"})
    void badExportRequestsAreProblems(String query, int status, String code) {
        Http.Response r = http.get(HEAPS + "?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).startsWith(code.substring(0, code.indexOf('_')));
    }

    @Test
    void anAcceptWithNothingOfferedIs406() {
        Downloads.Response r = downloads.get(HEAPS, null, "Accept", "image/png");
        assertThat(r.status()).isEqualTo(406);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.text()).contains("format_not_acceptable");
    }

    @Test
    void aGeoPackageExportImportedAgainGivesTheSameFeatures() throws Exception {
        String props = "code,name,category,volume_m3,responsible_party,risk_grade";
        String query = HEAPS + "?properties=" + props + "&filter=" + enc("status='confirmed'");
        Downloads.Response gpkg = ok(query + "&f=gpkg");
        Downloads.Response upload = downloads.importFile("uploader", "waste_heaps-confirmed.gpkg", gpkg.body());
        assertThat(upload.status()).as(upload.text()).isIn(200, 202);
        JsonNode batch = finished(upload.header("Location"));
        assertThat(batch.path("state").asString()).as(batch.toString()).isEqualTo("succeeded");
        JsonNode imported = http.get(batch.path("detections").asString() + "?limit=1000", "uploader").json();
        JsonNode exported = http.get(query + "&limit=10000", "viewer").json();
        Map<String, JsonNode> byCode = new HashMap<>();
        for (JsonNode f : imported.path("features")) {
            byCode.put(f.path("properties").path("attributes").path("code").asString(), f);
        }
        assertThat(byCode).as(batch + "\n" + imported).hasSize(exported.path("features").size());
        GeoJsonReader reader = new GeoJsonReader();
        for (JsonNode original : exported.path("features")) {
            JsonNode copy = byCode.get(original.path("properties").path("code").asString());
            assertThat(copy).as(original.toString()).isNotNull();
            // The import keeps name and category as detection fields and every other column as an attribute.
            for (String p : props.split(",")) {
                JsonNode value = p.equals("name") || p.equals("category") ? copy.path("properties").path(p)
                        : copy.path("properties").path("attributes").path(p);
                assertThat(value.toString()).as(p).isEqualTo(original.path("properties").path(p).toString());
            }
            Geometry a = reader.read(original.path("geometry").toString());
            Geometry b = reader.read(copy.path("geometry").toString());
            double metres = DiscreteHausdorffDistance.distance(a, b) * 111_320;
            assertThat(metres).as(original.path("properties").path("code").asString()).isLessThan(0.01);
        }
    }

    static final String REGISTER = "/api/exports/waste-heap-register.xlsx";

    @Test
    void theWasteHeapRegisterHasTheBureausColumnsInChineseForAnyRoleButNotAnonymous() throws Exception {
        Downloads.Response anonymous = downloads.get(REGISTER, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        Downloads.Response r = downloads.get(REGISTER, "viewer");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.header("Content-Disposition")).contains("filename*=UTF-8''")
                .contains(enc("固废堆场分类分级管控清单").replace("+", "%20"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet sheet = book.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("序号", "编号", "名称", "乡镇", "经度", "纬度", "类别", "面积", "体积",
                    "风险等级", "管控措施", "责任主体", "状态", "整改时限");
            assertThat(sheet.getLastRowNum()).isEqualTo((int) matched(HEAPS));
            JsonNode first = http.get(HEAPS + "?limit=1&sortby=code").json().path("features").get(0);
            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(row.getCell(1).getStringCellValue())
                    .isEqualTo(first.path("properties").path("code").asString());
            assertThat(row.getCell(4).getNumericCellValue()).isBetween(109.0, 111.5);
            assertThat(row.getCell(5).getNumericCellValue()).isBetween(40.0, 41.5);
            List<String> statuses = new ArrayList<>();
            List<String> deadlines = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                statuses.add(sheet.getRow(i).getCell(12).getStringCellValue());
                var deadline = sheet.getRow(i).getCell(13);
                if (deadline != null) {
                    deadlines.add(deadline.getStringCellValue());
                }
            }
            assertThat(statuses).contains("疑似问题点位", "整改中", "已销号").doesNotContain("suspected");
            assertThat(deadlines).isNotEmpty().allMatch(d -> d.matches("\\d{4}-\\d{2}-\\d{2}"));
            assertThat(row.getCell(6).getStringCellValue()).matches(".*[\\u4e00-\\u9fa5].*");
        }
    }

    @Test
    void theRegisterTakesTheItemsFiltersAndATownship() throws Exception {
        String filter = "?township=" + enc("五当召镇") + "&filter=" + enc("status<>'closed'");
        long expected = matched(HEAPS + filter);
        Downloads.Response r = downloads.get(REGISTER + filter, "planner");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo((int) expected).isPositive();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                assertThat(sheet.getRow(i).getCell(3).getStringCellValue()).isEqualTo("五当召镇");
                assertThat(sheet.getRow(i).getCell(12).getStringCellValue()).isNotEqualTo("已销号");
            }
        }
        Downloads.Response bad = downloads.get(REGISTER + "?filter=" + enc("status =="), "viewer");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
    }

    JsonNode finished(String location) {
        for (int i = 0; i < 30; i++) {
            JsonNode batch = Http.JSON.readTree(downloads.get(location, "uploader", "Prefer", "wait=20").text());
            String state = batch.path("state").asString();
            if (state.equals("succeeded") || state.equals("failed")) {
                return batch;
            }
        }
        throw new AssertionError("import " + location + " did not finish");
    }

    /** ogrinfo's summary of a file (GDAL reads it); skipped where GDAL is not installed. */
    static String ogrinfo(Path file) throws Exception {
        Path ogrinfo = Path.of("/usr/bin/ogrinfo");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(ogrinfo), "GDAL (gdal-bin) not installed");
        Process p = new ProcessBuilder(ogrinfo.toString(), "-ro", "-al", "-so", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
