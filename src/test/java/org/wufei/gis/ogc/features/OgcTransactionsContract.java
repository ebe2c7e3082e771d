package org.wufei.gis.ogc.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;

/**
 * OGC API - Features Part 4 and conditional requests over real HTTP: the site register's lifecycle, roles and
 * optimistic locking hold through /ogc as they do through /api/sites; each subclass runs on one database.
 */
@IntegrationTest
abstract class OgcTransactionsContract extends OgcClient {

    @Test
    void anIllegalStatusChangeThroughPatchIsRefusedAndTheFeatureKeepsItsStatus() {
        long id = create("OGC-illegal-" + System.nanoTime(), 110.2674);
        Http.Response r = http.send("PATCH", ITEMS + "/" + id, "admin",
                "{\"type\":\"Feature\",\"properties\":{\"status\":\"closed\"}}", "\"0\"");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("transition_illegal");
        assertThat(status(id)).isEqualTo("suspected");
    }

    @Test
    void aLegalStatusChangeThroughPatchIsVisibleInTheNextItemsCount() {
        long id = create("OGC-legal-" + System.nanoTime(), 110.2674);
        String byCode = ITEMS + "?filter=" + enc("code = '" + code(id) + "' AND status = 'assigned'");
        assertThat(http.get(byCode).json().path("numberMatched").asLong()).isZero();
        Http.Response r = http.send("PATCH", ITEMS + "/" + id, "admin",
                "{\"type\":\"Feature\",\"properties\":{\"status\":\"assigned\",\"note\":\"交办乡镇\"}}", "\"0\"");
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertThat(r.header("ETag")).isEqualTo("\"1\"");
        assertThat(status(id)).isEqualTo("assigned");
        assertThat(http.get(byCode).json().path("numberMatched").asLong()).isEqualTo(1);
    }

    @Test
    void aChangeWithoutIfMatchIsRefused428() {
        long id = create("OGC-noifmatch-" + System.nanoTime(), 110.2674);
        Http.Response r = http.send("PATCH", ITEMS + "/" + id, "admin",
                "{\"type\":\"Feature\",\"properties\":{\"name\":\"x\"}}", null);
        assertThat(r.status()).isEqualTo(428);
        assertThat(r.code()).isEqualTo("if_match_required");
    }

    @Test
    void aChangeWithAStaleIfMatchIsRefused412AndChangesNothing() {
        long id = create("OGC-stale-" + System.nanoTime(), 110.2674);
        Http.Response r = http.send("PUT", ITEMS + "/" + id, "admin", feature("stale write", 110.2674), "\"7\"");
        assertThat(r.status()).isEqualTo(412);
        assertThat(r.code()).isEqualTo("version_stale");
        assertThat(http.get(ITEMS + "/" + id).json().path("properties").path("name").asString())
                .startsWith("OGC-stale-");
    }

    @Test
    void aDeleteNeedsIfMatchAndTheRightRoleThenTheFeatureIsGone() {
        long id = create("OGC-delete-" + System.nanoTime(), 110.2674);
        assertThat(http.send("DELETE", ITEMS + "/" + id, "admin", null, null).status()).isEqualTo(428);
        assertThat(http.send("DELETE", ITEMS + "/" + id, "viewer", null, "\"0\"").status()).isEqualTo(403);
        assertThat(http.send("DELETE", ITEMS + "/" + id, "admin", null, "\"0\"").status()).isEqualTo(204);
        assertThat(http.get(ITEMS + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void referenceLayersAreReadOnly() {
        Http.Response r = http.post("/ogc/collections/townships/items", "admin", feature("x", 110.2674), null);
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.code()).isEqualTo("collection_read_only");
    }

    @Test
    void anUnchangedFeatureIsAnsweredNotModified() {
        long id = create("OGC-etag-" + System.nanoTime(), 110.2674);
        Http.Response first = http.get(ITEMS + "/" + id);
        assertThat(first.header("ETag")).isEqualTo("\"0\"");
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.base() + ITEMS + "/" + id))
                .header("If-None-Match", first.header("ETag")).build();
        try {
            var resp = java.net.http.HttpClient.newHttpClient().send(req,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(resp.statusCode()).isEqualTo(304);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
