package org.wufei.gis.tiles;

/**
 * The zoom rule that keeps tiles small (docs/tiles.md): full geometry from {@link #FULL_DETAIL_ZOOM}; below it a
 * polygon smaller than {@link #POINT_BELOW_PIXELS} screen pixels becomes its point on surface (never dropped);
 * below {@link #AGGREGATE_BELOW_ZOOM} a site layer with more features in the tile than the configured threshold
 * is drawn as one point per grid cell and status, with a {@code count}.
 */
final class Generalisation {
    static final int EXTENT = 4096;
    static final int BUFFER = 64;
    static final int FULL_DETAIL_ZOOM = 14;
    static final int POINT_BELOW_PIXELS = 4;
    static final int AGGREGATE_BELOW_ZOOM = 10;
    /** Aggregation cells per tile side: 32 cells of 8 screen pixels. */
    static final int CELLS_PER_SIDE = 32;

    private Generalisation() {
    }

    static boolean pointsForSmallPolygons(int z) {
        return z < FULL_DETAIL_ZOOM;
    }

    static boolean mayAggregate(TileLayer layer, int z) {
        return layer.siteCollection() && z < AGGREGATE_BELOW_ZOOM;
    }

    /** The clip buffer as a share of the tile side. */
    static double bufferShare() {
        return (double) BUFFER / EXTENT;
    }
}
