package org.wufei.gis.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The public disclosure (信息公开) over real HTTP, as an anonymous reader, on each database. */
@IntegrationTest
abstract class DisclosureContract {
    static final String[][] TO_CLOSED = {
        {"assigned", "{}"}, {"verifying", "{}"},
        {"confirmed", "{\"note\":\"核查属实\",\"evidence\":[{\"type\":\"inspection\",\"ref\":\"INS-1\"}]}"},
        {"rectifying", "{\"mode\":\"deadline\",\"deadline\":\"2099-12-31\"}"},
        {"rectified", "{\"note\":\"已清运\",\"evidence\":[{\"type\":\"cleanup\",\"ref\":\"清运单-1\"}]}"},
        {"reviewed", "{\"note\":\"复核通过\",\"evidence\":[{\"type\":\"inspection\",\"ref\":\"INS-2\"}]}"},
        {"closed", "{\"note\":\"内部：张三经手\",\"publicNote\":\"已清运 1200 立方米，复绿完成\",\"evidence\":["
                + "{\"type\":\"cleanup\",\"ref\":\"清运单-1\"},"
                + "{\"type\":\"source_tracing\",\"notApplicableReason\":\"无主堆场\"},"
                + "{\"type\":\"penalty\",\"notApplicableReason\":\"无主堆场\"},"
                + "{\"type\":\"public_notice\",\"notApplicableReason\":\"本页即公示\"}]}"}};

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** A new waste heap in 石拐街道 moved along its lifecycle up to and including {@code last}. */
    JsonNode heapUpTo(String last) {
        ObjectNode body = Http.JSON.createObjectNode().put("kind", "waste_heap")
                .put("name", "公开测试堆场-" + UUID.randomUUID().toString().substring(0, 8)).put("township", "石拐街道");
        body.set("geometry", Http.JSON.readTree("{\"type\":\"Polygon\",\"coordinates\":[[[110.3500,40.8300],"
                + "[110.3510,40.8300],[110.3510,40.8306],[110.3500,40.8306],[110.3500,40.8300]]]}"));
        body.putObject("attributes").put("category", "coal_gangue").put("responsible_party", "某某公司");
        Http.Response r = http.post("/api/sites", "admin", body.toString(), null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        String etag = r.header("ETag");
        for (String[] step : TO_CLOSED) {
            ObjectNode t = (ObjectNode) Http.JSON.readTree(step[1]);
            t.put("to", step[0]);
            r = http.post("/api/sites/" + id + "/transitions", "admin", t.toString(), etag);
            assertThat(r.status()).as(step[0] + ": " + r.body()).isEqualTo(200);
            etag = r.header("ETag");
            if (step[0].equals(last)) {
                break;
            }
        }
        return r.json();
    }

    @Test
    void aSiteSignedOffTodayIsDisclosedWithItsPublicNoteAndNothingPrivate() {
        JsonNode closed = heapUpTo("closed");
        Http.Response r = http.get("/api/disclosure");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode row = find(r.json().get("signedOff"), closed.get("code").asString());
        assertThat(row).as(r.body()).isNotNull();
        assertThat(row.at("/after/signedOffOn").asString()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai"))
                .toString());
        assertThat(row.at("/after/status").asString()).isEqualTo("closed");
        assertThat(row.at("/after/statusLabel/zh").asString()).isEqualTo("已销号");
        assertThat(row.at("/after/publicNote").asString()).isEqualTo("已清运 1200 立方米，复绿完成");
        assertThat(row.at("/before/status").asString()).isEqualTo("suspected");
        assertThat(row.at("/township").asString()).isEqualTo("石拐街道");
        assertThat(r.body()).doesNotContain("张三").doesNotContain("admin").doesNotContain("某某公司");
    }

    @Test
    void aPeriodBeforeTheSignOffDoesNotListItButTheOpenListHoldsSitesUnderRemediation() {
        JsonNode closed = heapUpTo("closed");
        JsonNode rectifying = heapUpTo("rectifying");
        JsonNode earlier = http.get("/api/disclosure?from=2020-01-01&to=2020-12-31").json();
        assertThat(find(earlier.get("signedOff"), closed.get("code").asString())).isNull();
        JsonNode open = http.get("/api/disclosure?township=" + URLEncoder.encode("石拐街道", StandardCharsets.UTF_8)).json().get("open");
        List<String> codes = new ArrayList<>();
        open.forEach(g -> g.get("sites").forEach(s -> codes.add(s.get("code").asString())));
        assertThat(codes).contains(rectifying.get("code").asString()).doesNotContain(closed.get("code").asString());
        open.forEach(g -> assertThat(g.get("township").asString()).isEqualTo("石拐街道"));
    }

    @Test
    void badPeriodsDatesAndParametersAreClearErrors() {
        assertThat(http.get("/api/disclosure?from=2026-13-01").code()).isEqualTo("date_invalid");
        assertThat(http.get("/api/disclosure?from=2026-05-01&to=2026-01-01").code()).isEqualTo("period_invalid");
        assertThat(http.get("/api/disclosure?from=1900-01-01&to=2026-01-01").code()).isEqualTo("period_invalid");
        assertThat(http.get("/api/disclosure?township=" + URLEncoder.encode("不存在镇", StandardCharsets.UTF_8)).code()).isEqualTo("township_unknown");
        Http.Response unknown = http.get("/api/disclosure?actor=admin");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("parameter_unknown");
    }

    static JsonNode find(JsonNode rows, String code) {
        for (JsonNode row : rows) {
            if (row.get("code").asString().equals(code)) {
                return row;
            }
        }
        return null;
    }
}
