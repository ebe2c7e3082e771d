package org.wufei.gis.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The geometries a batch has kept so far, in a uniform grid of ~200 m cells, to find in-batch duplicates; cheaper
 * than a tree for many small, evenly spread features and it grows without rebuilding.
 */
final class BatchFootprints {
    private static final double CELL = 0.002;

    private final Map<Long, List<Geometry>> cells = new HashMap<>();

    void add(Geometry g) {
        forCells(g.getEnvelopeInternal(), key -> cells.computeIfAbsent(key, k -> new ArrayList<>(2)).add(g));
    }

    /** Every kept geometry whose cells meet the envelope (may repeat one that spans cells). */
    List<Geometry> near(Envelope e) {
        List<Geometry> out = new ArrayList<>();
        forCells(e, key -> {
            List<Geometry> in = cells.get(key);
            if (in != null) {
                for (Geometry g : in) {
                    if (g.getEnvelopeInternal().intersects(e) && !out.contains(g)) {
                        out.add(g);
                    }
                }
            }
        });
        return out;
    }

    private static void forCells(Envelope e, java.util.function.LongConsumer action) {
        long x0 = (long) Math.floor(e.getMinX() / CELL);
        long x1 = (long) Math.floor(e.getMaxX() / CELL);
        long y0 = (long) Math.floor(e.getMinY() / CELL);
        long y1 = (long) Math.floor(e.getMaxY() / CELL);
        for (long x = x0; x <= x1; x++) {
            for (long y = y0; y <= y1; y++) {
                action.accept(x * 1_000_003L + y);
            }
        }
    }
}
