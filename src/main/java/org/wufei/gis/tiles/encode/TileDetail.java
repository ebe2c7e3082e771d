package org.wufei.gis.tiles.encode;



/**
 * How one layer's features go into one tile ({@link Generalisation} decides which): every feature, the points of
 * one status sharing a 2-pixel cell as one, or one point per 16-pixel cell and status.
 */
public enum TileDetail {
    /** Every feature (below zoom 14 a small polygon as its point on surface). */
    FEATURES(0, null),
    /**
     * Point layers at zoom 10–13: the points of one status in one cell of 2 screen pixels become the point of the
     * lowest id, with its properties and {@code merged}, how many sites it stands for. Under a symbol of 9 pixels
     * nothing visible is lost; the tile shrinks where points crowd.
     */
    PIXELS(128, "merged"),
    /** Crowded tiles at low zoom: one point per cell of 16 screen pixels and status, with {@code count}. */
    CELLS(Generalisation.CELLS_PER_SIDE, "count");

    private final int cellsPerSide;
    private final String countProperty;

    TileDetail(int cellsPerSide, String countProperty) {
        this.cellsPerSide = cellsPerSide;
        this.countProperty = countProperty;
    }

    int cellsPerSide() {
        return cellsPerSide;
    }

    /** The property saying how many features one written feature stands for, or null for every feature. */
    String countProperty() {
        return countProperty;
    }
}
