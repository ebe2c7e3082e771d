package org.wufei.gis.security.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenScopeTest {
    private static ApiToken token(boolean upload, String... collections) {
        return new ApiToken(1, "dept", List.of(collections), upload, Instant.EPOCH, "admin", Instant.MAX, null, null);
    }

    @Test
    void aTokenReadsTheOgcMetadataAndItsCollectionsOnly() {
        ApiToken t = token(false, "waste_heaps");
        assertThat(TokenScope.allows("GET", "/ogc", t)).isTrue();
        assertThat(TokenScope.allows("GET", "/ogc/collections", t)).isTrue();
        assertThat(TokenScope.allows("GET", "/ogc/tileMatrixSets/WebMercatorQuad", t)).isTrue();
        assertThat(TokenScope.allows("GET", "/ogc/collections/waste_heaps/items/12", t)).isTrue();
        assertThat(TokenScope.allows("HEAD", "/ogc/collections/waste_heaps", t)).isTrue();
        assertThat(TokenScope.allows("GET", "/ogc/collections/waste_heaps_secret/items", t)).isFalse();
        assertThat(TokenScope.allows("GET", "/ogc/collections/detections/items", t)).isFalse();
        assertThat(TokenScope.allows("GET", "/ogc/tiles/WebMercatorQuad/1/1/1", t)).isFalse();
        assertThat(TokenScope.allows("GET", "/api/sites", t)).isFalse();
        assertThat(TokenScope.allows("POST", "/ogc/collections/waste_heaps/items", t)).isFalse();
        assertThat(TokenScope.allows("DELETE", "/ogc/collections/waste_heaps/items/1", t)).isFalse();
        assertThat(TokenScope.allows("POST", "/api/imports", t)).isFalse();
    }

    @Test
    void anUploadTokenMayUploadAndFollowItsBatchesButNotPromoteOrRollBack() {
        ApiToken t = token(true, "waste_heaps");
        assertThat(TokenScope.allows("POST", "/api/imports", t)).isTrue();
        assertThat(TokenScope.allows("GET", "/api/imports/7", t)).isTrue();
        assertThat(TokenScope.allows("POST", "/api/imports/7/promote", t)).isFalse();
        assertThat(TokenScope.allows("DELETE", "/api/imports/7", t)).isFalse();
    }

    @Test
    void everyCollectionIncludesTheMultiLayerTiles() {
        assertThat(TokenScope.allows("GET", "/ogc/tiles/WebMercatorQuad/1/1/1", token(false, "*"))).isTrue();
    }
}
