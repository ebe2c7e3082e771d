package org.wufei.gis.tiles;

/**
 * The zoom rule that keeps tiles small (docs/tiles.md): full geometry from {@link #FULL_DETAIL_ZOOM}; below it a
 * polygon smaller than {@link #POINT_BELOW_PIXELS} screen pixels becomes its point on surface (never dropped). A
 * site layer with more features in the tile than the configured threshold is drawn as one point per grid cell and
 * status, with a {@code count}: polygon layers below {@link #AGGREGATE_POLYGONS_BELOW_ZOOM}, point layers below
 * {@link #AGGREGATE_POINTS_BELOW_ZOOM} (so points are never merged from zoom 10 on).
 */
final class Generalisation {
    static final int EXTENT = 4096;
    static final int BUFFER = 64;
    static final int FULL_DETAIL_ZOOM = 14;
    static final int POINT_BELOW_PIXELS = 4;
    static final int AGGREGATE_POINTS_BELOW_ZOOM = 10;
    static final int AGGREGATE_POLYGONS_BELOW_ZOOM = 13;
    /** Aggregation cells per tile side: 32 cells of 8 screen pixels. */
    static final int CELLS_PER_SIDE = 32;

    private Generalisation() {
    }

    static boolean pointsForSmallPolygons(int z) {
        return z < FULL_DETAIL_ZOOM;
    }

    static boolean mayAggregate(TileLayer layer, int z) {
        return layer.siteCollection()
                && z < (layer.polygonal() ? AGGREGATE_POLYGONS_BELOW_ZOOM : AGGREGATE_POINTS_BELOW_ZOOM);
    }

    /** The clip buffer as a share of the tile side. */
    static double bufferShare() {
        return (double) BUFFER / EXTENT;
    }
}
