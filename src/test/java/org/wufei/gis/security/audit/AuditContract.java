package org.wufei.gis.security.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Every write leaves an audit row (actor, time, client address, request id, what it did), ADMIN alone reads them,
 * and nothing the application can send to the database changes or deletes one.
 */
@IntegrationTest
abstract class AuditContract {
    private static final String HEAP = """
            {"kind":"waste_heap","name":"审计测试堆","township":"石拐街道","attributes":{"category":"coal_gangue"},
             "geometry":{"type":"Polygon","coordinates":[[[110.2670,40.6714],[110.2680,40.6714],[110.2680,40.6720],
             [110.2670,40.6720],[110.2670,40.6714]]]}}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aTransitionIsRecordedWithActorAddressRequestIdAndBeforeAndAfter() {
        Http.Response created = http.post("/api/sites", "admin", HEAP, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        Http.Response moved = http.post("/api/sites/" + id + "/transitions", "admin", "{\"to\":\"assigned\"}",
                created.header("ETag"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        String requestId = moved.header("X-Request-Id");
        assertThat(requestId).isNotBlank();

        JsonNode items = http.get("/api/audit?actor=admin&object=site:" + id, "admin").json().get("items");
        assertThat(items).hasSize(2);
        JsonNode transition = items.get(0);
        assertThat(transition.get("requestId").asString()).isEqualTo(requestId);
        assertThat(transition.get("method").asString()).isEqualTo("POST");
        assertThat(transition.get("path").asString()).isEqualTo("/api/sites/" + id + "/transitions");
        assertThat(transition.get("status").asInt()).isEqualTo(200);
        assertThat(transition.get("roles").asString()).isEqualTo("ADMIN");
        assertThat(transition.get("clientIp").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(transition.get("at").asString()).isNotBlank();
        assertThat(transition.get("object").asString()).isEqualTo("site:" + id);
        assertThat(transition.get("summary").asString()).contains("status suspected → assigned");
        assertThat(items.get(1).get("summary").asString()).startsWith("waste_heap created at [110.267");
    }

    @Test
    void aSignedInExportIsRecordedAndAnAnonymousOneIsNot() {
        String path = "/ogc/collections/straw_collection_points/items";
        Http.Response signedIn = http.get(path + "?f=csv&limit=3", "viewer");
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        JsonNode row = http.get("/api/audit?actor=viewer&path=" + path + "&size=1", "admin").json().get("items")
                .get(0);
        assertThat(row.get("requestId").asString()).isEqualTo(signedIn.header("X-Request-Id"));
        assertThat(row.get("method").asString()).isEqualTo("GET");
        assertThat(row.get("object").asString()).startsWith("export:");
        assertThat(row.get("summary").asString()).contains("as csv");

        Http.Response anonymous = http.get(path + "?f=csv&limit=3");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(http.get("/api/audit?actor=anonymous&path=" + path, "admin").json().get("items")).isEmpty();
    }

    @Test
    void aRefusedWriteIsRecordedWithItsStatusAndNothingElse() {
        Http.Response refused = http.post("/api/sites", "admin", "{\"kind\":\"waste_heap\"}", null);
        assertThat(refused.status()).isBetween(400, 499);
        JsonNode row = http.get("/api/audit?path=/api/sites&size=1", "admin").json().get("items").get(0);
        assertThat(row.get("requestId").asString()).isEqualTo(refused.header("X-Request-Id"));
        assertThat(row.get("status").asInt()).isEqualTo(refused.status());
        assertThat(row.get("object").isNull()).isTrue();
    }

    @Test
    void onlyAdminReadsTheAuditTrailAndFiltersAreChecked() {
        assertThat(http.get("/api/audit").status()).isEqualTo(401);
        for (String user : new String[] {"viewer", "inspector", "uploader", "planner"}) {
            assertThat(http.get("/api/audit", user).status()).as(user).isEqualTo(403);
        }
        assertThat(http.get("/api/audit?from=2026-01-01&to=2100-01-01T00:00:00Z&size=5", "admin").status())
                .isEqualTo(200);
        assertThat(http.get("/api/audit?who=admin", "admin").code()).isEqualTo("parameter_unknown");
        assertThat(http.get("/api/audit?from=yesterday", "admin").code()).isEqualTo("parameter_invalid");
        assertThat(http.get("/api/audit?size=100000", "admin").code()).isEqualTo("parameter_invalid");
        JsonNode none = http.get("/api/audit?to=2000-01-01", "admin").json();
        assertThat(none.get("total").asLong()).isZero();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnAuditRow() {
        http.post("/api/sites", "admin", "{}", null);
        Long newest = jdbc.queryForObject("SELECT max(id) FROM audit_event", Long.class);
        assertThat(newest).isNotNull();

        assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET actor = 'nobody' WHERE id = ?", newest))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE id = ?", newest))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event"));
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE TABLE audit_event"));
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE id = ?", String.class, newest))
                .isEqualTo("admin");
    }
}
