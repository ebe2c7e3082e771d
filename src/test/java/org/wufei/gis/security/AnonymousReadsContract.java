package org.wufei.gis.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * What an anonymous reader (public read on, the default) gets from every GET endpoint the application maps: never
 * a user name, a client address, an internal note or EXIF GPS. The endpoints come from the application's own
 * handler mappings, so a new endpoint is read here without anyone adding it; one whose path variables this test
 * cannot fill fails it.
 */
@IntegrationTest
abstract class AnonymousReadsContract {
    private static final String SECRET = "内部说明-" + UUID.randomUUID();
    private static final String PUBLIC_NOTE = "已清运完毕，接受公众监督";
    /** A demo user's name as a JSON value. */
    private static final Pattern USER_VALUE = Pattern.compile("[:\\[,]\\s*\"(admin|inspector|uploader|planner|viewer)\"");
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\d.])");
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** A waste heap (photos public) with a transition, an inspection with a GPS-tagged photo, and an import. */
    private Map<String, String> privateTraces() throws Exception {
        JsonNode heap = http.get("/api/sites?kind=waste_heap&status=verifying&size=1", "admin").json()
                .get("items").get(0);
        long site = heap.get("id").asLong();
        String etag = http.get("/api/sites/" + site, "admin").header("ETag");
        String body = "{\"to\":\"confirmed\",\"note\":\"" + SECRET + "\",\"publicNote\":\"" + PUBLIC_NOTE
                + "\",\"evidence\":[{\"type\":\"inspection\",\"ref\":\"field-check-1\"}]}";
        Http.Response moved = http.post("/api/sites/" + site + "/transitions", "admin", body, etag);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        String inspection = UUID.randomUUID().toString();
        byte[] photo = resource("/inspections/photo-with-exif-gps.jpg");
        String form = "{\"id\":\"" + inspection + "\",\"note\":\"" + SECRET + "\",\"lat\":40.67,\"lon\":110.27,"
                + "\"accuracyM\":5,\"observedAt\":\"2026-11-01T08:00:00Z\"}";
        HttpResponse<String> inspected = multipart("/api/sites/" + site + "/inspections", "inspector",
                Map.of("inspection", form), "photos", "photo-with-exif-gps.jpg", "image/jpeg", photo);
        assertThat(inspected.statusCode()).as(inspected.body()).isIn(200, 201);

        String geojson = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"name\":\"" + SECRET + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[110.27,40.68],[110.271,40.68],"
                + "[110.271,40.681],[110.27,40.681],[110.27,40.68]]]}}]}";
        HttpResponse<String> uploaded = multipart("/api/imports", "uploader", Map.of("source", "drone"), "file",
                "anonymous-reads.geojson", "application/geo+json", geojson.getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isIn(200, 202);
        String batch = Http.JSON.readTree(uploaded.body()).get("id").asString();
        for (int i = 0; i < 600 && http.get("/api/imports/" + batch, "uploader").json().get("state").asString()
                .matches("queued|running"); i++) {
            Thread.sleep(100);
        }

        // a public report (举报) with a phone number and the GPS-tagged photo: neither may reach an anonymous reader
        HttpResponse<String> reported = multipart("/api/reports", "inspector", Map.of("lon", "110.2211", "lat",
                "40.7512", "description", SECRET, "phone", "13912345678"), "photo",
                "photo-with-exif-gps.jpg", "image/jpeg", photo);
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);

        Map<String, String> values = new LinkedHashMap<>();
        values.put("report", Http.JSON.readTree(reported.body()).get("trackingCode").asString());
        values.put("site", String.valueOf(site));
        values.put("inspection", inspection);
        values.put("batch", batch);
        JsonNode detections = http.get("/ogc/collections/detections/items?limit=1", "admin").json();
        values.put("detection", detections.get("features").get(0).get("id").asString());
        return values;
    }

    @Test
    void noGetEndpointTellsAnAnonymousReaderWhoDidWhatFromWhere() throws Exception {
        Map<String, String> traces = privateTraces();
        Set<String> urls = new LinkedHashSet<>();
        List<String> unfilled = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                List<String> filled = fill(pattern, traces);
                if (filled == null) {
                    unfilled.add(pattern);
                } else {
                    urls.addAll(filled);
                }
            }
        }
        assertThat(unfilled).as("GET endpoints this test cannot fill in: teach fill() their variables").isEmpty();
        assertThat(urls).hasSizeGreaterThan(30);
        for (String url : urls) {
            HttpResponse<byte[]> r = anonymousGet(url);
            assertThat(r.statusCode()).as(url).isLessThan(500);
            String text = new String(r.body(), StandardCharsets.UTF_8);
            assertThat(text).as(url).doesNotContain(SECRET);
            if (!url.contains("api-docs") && !url.equals("/ogc/api")) { // API descriptions name the fields
                assertThat(text).as(url).doesNotContain("\"actor\"").doesNotContain("clientIp")
                        .doesNotContain("exifLat").doesNotContain("\"inspector\"");
                assertThat(USER_VALUE.matcher(text).find()).as(url + " names a user").isFalse();
            }
            Matcher ip = IPV4.matcher(text);
            while (ip.find()) {
                assertThat(looksLikeAddress(ip.group())).as(url + " holds an address: " + ip.group()).isFalse();
            }
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("image/") && r.statusCode() == 200) {
                Metadata meta = ImageMetadataReader.readMetadata(new ByteArrayInputStream(r.body()));
                assertThat(meta.getFirstDirectoryOfType(GpsDirectory.class)).as(url).isNull();
            }
        }
    }

    @Test
    void anonymousReadersSeeStatusChangesWithTheirPublicNoteOnly() throws Exception {
        long site = Long.parseLong(privateTraces().get("site"));
        String history = new String(anonymousGet("/api/sites/" + site + "/history").body(), StandardCharsets.UTF_8);
        assertThat(history).contains(PUBLIC_NOTE).contains("\"confirmed\"").doesNotContain(SECRET);
        JsonNode staff = http.get("/api/sites/" + site + "/history", "viewer").json();
        JsonNode last = staff.get(staff.size() - 1);
        assertThat(last.get("actor").asString()).isEqualTo("admin");
        assertThat(last.get("note").asString()).isEqualTo(SECRET);
        assertThat(last.get("publicNote").asString()).isEqualTo(PUBLIC_NOTE);
    }

    @Test
    void importBatchesAndDetectionsAskAnonymousReadersToSignIn() throws Exception {
        Map<String, String> traces = privateTraces();
        for (String url : List.of("/api/imports", "/api/imports/" + traces.get("batch"),
                "/api/detections/" + traces.get("detection"), "/ogc/collections/detections",
                "/ogc/collections/detections/items", "/ogc/collections/detections/tiles/WebMercatorQuad/12/1540/3302")) {
            assertThat(anonymousGet(url).statusCode()).as(url).isEqualTo(401);
        }
        String collections = new String(anonymousGet("/ogc/collections").body(), StandardCharsets.UTF_8);
        assertThat(collections).contains("waste_heaps").doesNotContain("\"detections\"");
        assertThat(http.get("/ogc/collections/detections/items", "viewer").status()).isEqualTo(200);
    }

    @Test
    void anonymousReadersSeeOnlyTheKindsPublicAttributes() {
        JsonNode heap = http.get("/api/sites?kind=waste_heap&size=1", "admin").json().get("items").get(0);
        long id = heap.get("id").asLong();
        Http.Response staff = http.get("/api/sites/" + id, "viewer");
        Http.Response anonymous = http.get("/api/sites/" + id);
        assertThat(staff.json().get("attributes").has("responsible_party")).isTrue();
        assertThat(anonymous.json().get("attributes").has("responsible_party")).isFalse();
        assertThat(anonymous.json().get("attributes").has("category")).isTrue();
        String item = http.get("/ogc/collections/waste_heaps/items/" + id).body();
        assertThat(item).contains("category").doesNotContain("responsible_party");
        assertThat(http.get("/ogc/collections/waste_heaps/queryables").body()).doesNotContain("responsible_party");
        assertThat(http.get("/ogc/collections/waste_heaps/items?filter=responsible_party='x'").status())
                .isEqualTo(400);
    }

    /** The URLs for a mapped pattern with its variables filled from real data, or null if it has unknown ones. */
    private List<String> fill(String pattern, Map<String, String> t) {
        if (pattern.contains("{*") || pattern.contains("**")) {
            return List.of(); // resource handlers, not endpoints
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("collectionId", collectionIds());
        values.put("featureId", List.of(t.get("site")));
        values.put("tmsId", List.of("WebMercatorQuad", "WorldCRS84Quad"));
        values.put("z", List.of("12"));
        values.put("y", List.of("1540"));
        values.put("x", List.of("3302"));
        values.put("inspection", List.of(t.get("inspection")));
        values.put("seq", List.of("1"));
        values.put("layer", List.of("townships", "rivers"));
        values.put("processId", List.of("nearest-sites", "sites-within-distance", "river-screening"));
        values.put("jobId", List.of("00000000-0000-0000-0000-000000000000"));
        values.put("code", List.of(t.get("report")));
        values.put("styleId", List.of("sites"));
        values.put("id", List.of(pattern.startsWith("/api/imports") ? t.get("batch")
                : pattern.startsWith("/api/detections") ? t.get("detection")
                : pattern.startsWith("/api/kinds") ? "waste_heap" : t.get("site")));
        List<String> urls = List.of(pattern);
        Matcher m = VARIABLE.matcher(pattern);
        while (m.find()) {
            List<String> options = values.get(m.group(1));
            if (options == null) {
                return null;
            }
            List<String> next = new ArrayList<>();
            for (String url : urls) {
                for (String option : options) {
                    next.add(url.replace(m.group(), option));
                }
            }
            urls = next;
        }
        return urls;
    }

    private List<String> collectionIds() {
        List<String> ids = new ArrayList<>();
        http.get("/ogc/collections", "admin").json().get("collections").forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }

    private static boolean looksLikeAddress(String v) {
        return v.startsWith("127.") || v.startsWith("10.") || v.startsWith("192.168.") || v.equals("0.0.0.0");
    }

    private HttpResponse<byte[]> anonymousGet(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(http.base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> multipart(String path, String user, Map<String, String> fields, String fileField,
            String fileName, String type, byte[] file) throws IOException, InterruptedException {
        String boundary = "----anonymous-reads-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                    + "\"\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String auth = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return CLIENT.send(HttpRequest.newBuilder(URI.create(http.base() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-Forwarded-For", "192.0.2.250") // its own client for the report rate limit
                .header("Authorization", "Basic " + auth)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = AnonymousReadsContract.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
