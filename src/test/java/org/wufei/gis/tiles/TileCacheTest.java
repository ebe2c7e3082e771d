package org.wufei.gis.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class TileCacheTest {
    private static final Envelope SEAT = new Envelope(110.2674, 110.2675, 40.6717, 40.6718);

    private final TileCache cache = new TileCache(new TilesProperties(1 << 20, 1000, 5000));

    private static TileRequest.TileKey key(String tileset, int z, double lon, double lat) {
        long[] r = TileMatrixSet.WEB_MERCATOR_QUAD.tileRange(z, new Envelope(lon, lon, lat, lat));
        return new TileRequest.TileKey(tileset, "WebMercatorQuad", z, r[0], r[2], "");
    }

    private void put(TileRequest.TileKey key) {
        cache.put(key, new TileCache.Tile(new byte[] {1, 2, 3}, "\"e\""), cache.generation());
    }

    @Test
    void aChangeEvictsTheTilesOverItAtEveryZoomAndNothingElse() {
        for (int z = 0; z <= 18; z++) {
            put(key("waste_heaps", z, 110.2674, 40.6717));
        }
        TileRequest.TileKey elsewhere = key("waste_heaps", 14, 110.50, 40.85);
        TileRequest.TileKey otherLayer = key("green_mines", 14, 110.2674, 40.6717);
        put(elsewhere);
        put(otherLayer);

        int evicted = cache.evict("waste_heaps"::equals, SEAT, null);

        assertThat(evicted).isEqualTo(19);
        assertThat(cache.get(elsewhere)).isNotNull();
        assertThat(cache.get(otherLayer)).isNotNull();
    }

    @Test
    void aTileBuiltWhileAChangeCommittedIsNotCached() {
        TileRequest.TileKey k = key("waste_heaps", 14, 110.2674, 40.6717);
        long before = cache.generation();
        cache.evict("waste_heaps"::equals, SEAT, null);
        cache.put(k, new TileCache.Tile(new byte[] {1}, "\"old\""), before);
        assertThat(cache.get(k)).isNull();
    }

    @Test
    void theCacheStaysWithinItsEntryBound() {
        for (int i = 0; i < 1500; i++) {
            put(new TileRequest.TileKey("waste_heaps", "WebMercatorQuad", 18, i, 0, ""));
        }
        assertThat(cache.size()).isEqualTo(1000);
        assertThat(cache.bytes()).isEqualTo(3000);
    }
}
