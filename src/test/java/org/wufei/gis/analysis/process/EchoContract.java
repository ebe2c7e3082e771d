package org.wufei.gis.analysis.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The {@code echo} test process over real HTTP (what the OGC CITE suite executes): described with one output per
 * input, executed synchronously as raw (one output: its own content; several: multipart/related) or as a results
 * document, and asynchronously as a job kept in the database; each subclass runs it on one of the two databases.
 */
@IntegrationTest
abstract class EchoContract {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String TIFF_BASE64 = Base64.getEncoder().encodeToString(new byte[] {'I', 'I', 42, 0, 8, 0});
    private static final String ALL = """
            {"stringInput": "teststring", "doubleInput": 2.5, "booleanInput": false,
             "objectInput": {"value": "teststring"}, "boundingBoxInput": {"bbox": [7, 51.9, 7.1, 52]},
             "arrayInput": [1, 2, 3],
             "binaryInput": {"value": "%s", "format": {"mediaType": "image/tiff", "encoding": "base64"}}}"""
            .formatted(TIFF_BASE64);

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private HttpResponse<byte[]> execute(String body, String prefer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.base() + "/ogc/processes/echo/execution"))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "planner:demo".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60));
        if (prefer != null) {
            b.header("Prefer", prefer);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void echoIsListedAndDescribesOneOutputPerInputOfTheSameSchema() {
        assertThat(http.get("/ogc/processes?limit=100").body()).contains("\"id\":\"echo\"");
        JsonNode d = http.get("/ogc/processes/echo").json();
        assertThat(d.at("/inputs/stringInput/minOccurs").asInt()).isEqualTo(1);
        assertThat(d.at("/inputs/boundingBoxInput/schema/format").asString()).isEqualTo("ogc-bbox");
        assertThat(d.at("/inputs/binaryInput/schema/oneOf/0/contentEncoding").asString()).isEqualTo("binary");
        for (String id : d.get("inputs").propertyNames()) {
            if (id.equals("pause")) {
                continue; // delays the answer, gives no output
            }
            assertThat(d.at("/outputs/" + id + "/schema")).as(id).isEqualTo(d.at("/inputs/" + id + "/schema"));
        }
    }

    @Test
    void aDocumentResponseGivesEveryOutputOfItsType() {
        HttpResponse<byte[]> r = execute("{\"inputs\": " + ALL + ", \"response\": \"document\"}", null);
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode doc = Http.JSON.readTree(r.body());
        assertThat(doc.get("stringInput").asString()).isEqualTo("teststring");
        assertThat(doc.get("doubleInput").asDouble()).isEqualTo(2.5);
        assertThat(doc.get("booleanInput").isBoolean()).isTrue();
        // an object output is a qualified value in a results document (an inline value is never an object)
        assertThat(doc.at("/objectInput/value/value").asString()).isEqualTo("teststring");
        assertThat(doc.at("/objectInput/mediaType").asString()).isEqualTo("application/json");
        assertThat(doc.at("/boundingBoxInput/bbox").size()).isEqualTo(4);
        assertThat(doc.at("/boundingBoxInput/crs").asString()).endsWith("CRS84");
        assertThat(doc.at("/arrayInput").toString()).isEqualTo("[1,2,3]");
        assertThat(doc.at("/binaryInput/value").asString()).isEqualTo(TIFF_BASE64);
        assertThat(doc.at("/binaryInput/mediaType").asString()).isEqualTo("image/tiff");
    }

    @Test
    void rawWithOneOutputIsThatOutputsOwnContent() {
        HttpResponse<byte[]> s = execute("{\"inputs\": " + ALL
                + ", \"outputs\": {\"stringInput\": {\"transmissionMode\": \"value\"}}, \"response\": \"raw\"}", null);
        assertThat(s.statusCode()).isEqualTo(200);
        assertThat(s.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(text(s)).isEqualTo("teststring");
        HttpResponse<byte[]> b = execute("{\"inputs\": " + ALL
                + ", \"outputs\": {\"binaryInput\": {}}, \"response\": \"raw\"}", "respond-sync");
        assertThat(b.statusCode()).isEqualTo(200);
        assertThat(b.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/tiff");
        assertThat(b.body()).isEqualTo(Base64.getDecoder().decode(TIFF_BASE64));
        HttpResponse<byte[]> ref = execute("{\"inputs\": {\"stringInput\": \"a\", \"binaryInput\": "
                + "{\"href\": \"https://example.invalid/a.tif\", \"type\": \"image/tiff\"}}, "
                + "\"outputs\": {\"binaryInput\": {}}}", null);
        assertThat(ref.statusCode()).isEqualTo(204);
        assertThat(ref.headers().firstValue("Link").orElseThrow())
                .isEqualTo("<https://example.invalid/a.tif>; rel=\"binaryInput\"; type=\"image/tiff\"");
    }

    @Test
    void rawWithSeveralOutputsIsMultipartRelatedOnePartEach() {
        HttpResponse<byte[]> r = execute("{\"inputs\": " + ALL + "}", null);
        assertThat(r.statusCode()).isEqualTo(200);
        String type = r.headers().firstValue("Content-Type").orElseThrow();
        assertThat(type).startsWith("multipart/related");
        String body = new String(r.body(), StandardCharsets.ISO_8859_1);
        for (String id : new String[] {"stringInput", "doubleInput", "booleanInput", "objectInput",
            "boundingBoxInput", "arrayInput", "binaryInput"}) {
            assertThat(body).contains("Content-ID: <" + id + ">");
        }
        assertThat(body).contains("\r\n\r\nteststring\r\n").contains("Content-Type: image/tiff");
    }

    @Test
    void anAsyncEchoIsAJobWhoseResultsAreTheOutputsDocument() throws InterruptedException {
        HttpResponse<byte[]> r = execute("{\"inputs\": " + ALL + "}", "respond-async");
        assertThat(r.statusCode()).as(text(r)).isEqualTo(201);
        String location = URI.create(r.headers().firstValue("Location").orElseThrow()).getPath();
        JsonNode status = http.get(location, "planner").json();
        for (int i = 0; i < 150 && !status.get("status").asString().matches("successful|failed|dismissed"); i++) {
            Thread.sleep(100);
            status = http.get(location, "planner").json();
        }
        assertThat(status.get("status").asString()).isEqualTo("successful");
        Http.Response results = http.get(location + "/results", "planner");
        assertThat(results.status()).isEqualTo(200);
        assertThat(results.json().get("stringInput").asString()).isEqualTo("teststring");
        assertThat(results.json().at("/binaryInput/value").asString()).isEqualTo(TIFF_BASE64);
        assertThat(results.json().get("arrayInput").toString()).isEqualTo("[1,2,3]");
        assertThat(results.json().at("/objectInput/value/value").asString()).isEqualTo("teststring");
        Http.Response asFile = http.get(location + "/results?f=csv", "planner");
        assertThat(asFile.status()).isEqualTo(400);
        assertThat(asFile.code()).isEqualTo("format_unsupported");
    }

    @Test
    void aRefusalIsPlainJsonForAClientAcceptingOnlyJsonAndProblemJsonOtherwise() {
        String wrongType = "{\"inputs\": {\"stringInput\": \"a\", \"doubleInput\": \"not a number\"}}";
        HttpResponse<byte[]> json = execute(wrongType, null);
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode body = Http.JSON.readTree(json.body());
        assertThat(body.get("code").asString()).isEqualTo("parameter_invalid");
        assertThat(body.get("type").asString()).isNotBlank();
        Http.Response problem = http.post("/ogc/processes/echo/execution", "planner", wrongType, null);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aPausedJobsResultsAreNotReadyUntilItEndsWithTheStandardsExceptionType() throws InterruptedException {
        HttpResponse<byte[]> r = execute("{\"inputs\": {\"stringInput\": \"a\", \"pause\": 3}}", "respond-async");
        assertThat(r.statusCode()).as(text(r)).isEqualTo(201);
        String location = URI.create(r.headers().firstValue("Location").orElseThrow()).getPath();
        Http.Response early = http.get(location + "/results", "planner");
        assertThat(early.status()).isEqualTo(404);
        assertThat(early.json().get("type").asString())
                .isEqualTo("http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/result-not-ready");
        JsonNode status = http.get(location, "planner").json();
        for (int i = 0; i < 150 && !status.get("status").asString().matches("successful|failed|dismissed"); i++) {
            Thread.sleep(100);
            status = http.get(location, "planner").json();
        }
        assertThat(status.get("status").asString()).isEqualTo("successful");
        assertThat(http.get(location + "/results", "planner").json().get("stringInput").asString()).isEqualTo("a");
        assertThat(http.get("/ogc/jobs/no-such-job", "planner").json().get("type").asString())
                .endsWith("/no-such-job");
        assertThat(http.get("/ogc/processes/no-such-process").json().get("type").asString())
                .endsWith("/no-such-process");
        HttpResponse<byte[]> tooLong = execute("{\"inputs\": {\"stringInput\": \"a\", \"pause\": 11}}", null);
        assertThat(tooLong.statusCode()).isEqualTo(400);
    }

    @Test
    void onlyPlannersAndAdminsExecuteIt() {
        Http.Response r = http.post("/ogc/processes/echo/execution", "inspector", "{\"inputs\": " + ALL + "}",
                null);
        assertThat(r.status()).isEqualTo(403);
    }
}
