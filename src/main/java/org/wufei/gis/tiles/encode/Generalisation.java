package org.wufei.gis.tiles.encode;

import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.wufei.gis.tiles.TileLayer;

/**
 * The zoom rule that keeps tiles small (docs/tiles.md): full geometry from {@link #FULL_DETAIL_ZOOM}; below it a
 * polygon smaller than {@link #POINT_BELOW_PIXELS} screen pixels becomes its point on surface (never dropped). A
 * site layer with more features in the tile than the configured threshold is drawn as one point per grid cell and
 * status, with a {@code count}: polygon layers below {@link #AGGREGATE_POLYGONS_BELOW_ZOOM}, point layers below
 * {@link #AGGREGATE_POINTS_BELOW_ZOOM}. From there to {@link #FULL_DETAIL_ZOOM} a point layer's points of one status
 * that share a 2-pixel cell are written as one ({@link TileDetail#PIXELS}): the page draws a 9-pixel symbol there
 * and would show nothing more of the others. Thinned and aggregated points carry only
 * {@link #OVERVIEW_PROPERTIES}: what a map draws; a site's record (code, name, …) comes with every feature from
 * {@link #FULL_DETAIL_ZOOM} and from /items.
 */
public final class Generalisation {
    static final int EXTENT = 4096;
    static final int BUFFER = 64;
    static final int FULL_DETAIL_ZOOM = 14;
    static final int POINT_BELOW_PIXELS = 4;
    static final int AGGREGATE_POINTS_BELOW_ZOOM = 10;
    static final int AGGREGATE_POLYGONS_BELOW_ZOOM = 13;
    /** Aggregation cells per tile side: 16 cells of 16 screen pixels. */
    static final int CELLS_PER_SIDE = 16;
    /**
     * The properties of thinned and aggregated points: {@code code} and {@code name}, unique per site, were ~70 % of
     * a point tile's bytes at zoom 11 and no map draws them there.
     */
    public static final Set<String> OVERVIEW_PROPERTIES = Set.of("id", "kind", "status");

    private Generalisation() {
    }

    static boolean pointsForSmallPolygons(int z) {
        return z < FULL_DETAIL_ZOOM;
    }

    public static boolean mayAggregate(TileLayer layer, int z) {
        return layer.siteCollection()
                && z < (layer.polygonal() ? AGGREGATE_POLYGONS_BELOW_ZOOM : AGGREGATE_POINTS_BELOW_ZOOM);
    }

    /** The detail of the layer in a tile at zoom z; {@code crowded} (a count) is asked only where it matters. */
    public static TileDetail detail(TileLayer layer, int z, BooleanSupplier crowded) {
        if (mayAggregate(layer, z)) {
            return crowded.getAsBoolean() ? TileDetail.CELLS : TileDetail.FEATURES;
        }
        return thinsPoints(layer, z) ? TileDetail.PIXELS : TileDetail.FEATURES;
    }

    /** Point site layers from {@link #AGGREGATE_POINTS_BELOW_ZOOM} to below {@link #FULL_DETAIL_ZOOM}. */
    static boolean thinsPoints(TileLayer layer, int z) {
        return layer.siteCollection() && !layer.polygonal() && z >= AGGREGATE_POINTS_BELOW_ZOOM
                && z < FULL_DETAIL_ZOOM;
    }

    /** The details a layer can have at zoom z (for tests comparing encoders). */
    public static List<TileDetail> possibleDetails(TileLayer layer, int z) {
        if (mayAggregate(layer, z)) {
            return List.of(TileDetail.FEATURES, TileDetail.CELLS);
        }
        return List.of(thinsPoints(layer, z) ? TileDetail.PIXELS : TileDetail.FEATURES);
    }

    /** The clip buffer as a share of the tile side. */
    public static double bufferShare() {
        return (double) BUFFER / EXTENT;
    }
}
