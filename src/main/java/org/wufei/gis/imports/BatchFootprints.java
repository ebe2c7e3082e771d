package org.wufei.gis.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The geometries a batch has kept so far, in a uniform grid of ~200 m cells, to find in-batch duplicates; cheaper
 * than a tree for many small, evenly spread features and it grows without rebuilding. Each cell keeps its boxes as
 * plain numbers, so most candidates are ruled out without touching a geometry.
 */
final class BatchFootprints {
    private static final double CELL = 0.002;

    private final Map<Long, Cell> cells = new HashMap<>();

    void add(Geometry g) {
        Envelope e = g.getEnvelopeInternal();
        forCells(e, key -> cells.computeIfAbsent(key, k -> new Cell()).add(e, g));
    }

    /** Every kept geometry whose box meets the envelope, each once. */
    List<Geometry> near(Envelope e) {
        List<Geometry> out = new ArrayList<>();
        forCells(e, key -> {
            Cell cell = cells.get(key);
            if (cell != null) {
                cell.collect(e, out);
            }
        });
        return out;
    }

    private static void forCells(Envelope e, LongConsumer action) {
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

    /** The geometries of one cell and their boxes (minX, maxX, minY, maxY each). */
    private static final class Cell {
        private Geometry[] geometries = new Geometry[4];
        private double[] boxes = new double[16];
        private int size;

        void add(Envelope e, Geometry g) {
            if (size == geometries.length) {
                geometries = Arrays.copyOf(geometries, size * 2);
                boxes = Arrays.copyOf(boxes, size * 8);
            }
            geometries[size] = g;
            int b = size * 4;
            boxes[b] = e.getMinX();
            boxes[b + 1] = e.getMaxX();
            boxes[b + 2] = e.getMinY();
            boxes[b + 3] = e.getMaxY();
            size++;
        }

        void collect(Envelope e, List<Geometry> out) {
            for (int i = 0; i < size; i++) {
                int b = i * 4;
                if (boxes[b] <= e.getMaxX() && boxes[b + 1] >= e.getMinX() && boxes[b + 2] <= e.getMaxY()
                        && boxes[b + 3] >= e.getMinY() && !containsSame(out, geometries[i])) {
                    out.add(geometries[i]);
                }
            }
        }

        /** By identity: a geometry spanning cells is listed in each; Geometry.equals would compare coordinates. */
        private static boolean containsSame(List<Geometry> list, Geometry g) {
            for (Geometry other : list) {
                if (other == g) {
                    return true;
                }
            }
            return false;
        }
    }
}
