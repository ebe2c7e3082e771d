package org.wufei.gis.imports;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Envelope;

/**
 * The footprints a batch has kept so far, in a uniform grid of ~200 m cells, to find in-batch duplicates; cheaper
 * than a tree for many small, evenly spread features and it grows without rebuilding. Each cell keeps its boxes as
 * plain numbers, so most candidates are ruled out without touching a geometry.
 */
final class BatchFootprints {
    private static final double CELL = 0.002;

    private final Map<Long, Cell> cells = new HashMap<>();

    void add(Triage.Footprint f) {
        Envelope e = f.geometry().getEnvelopeInternal();
        long x0 = cell(e.getMinX());
        long y0 = cell(e.getMinY());
        for (long x = x0; x <= cell(e.getMaxX()); x++) {
            for (long y = y0; y <= cell(e.getMaxY()); y++) {
                cells.computeIfAbsent(key(x, y), k -> new Cell()).add(e, x0, y0, f);
            }
        }
    }

    /**
     * Whether a kept footprint whose box meets the envelope passes the test; each is tested once, cell by cell in
     * the order they were kept. A footprint spanning several cells is tested in the first of them the envelope
     * covers, which spares remembering which ones were already tested.
     */
    boolean anyNear(Envelope e, Predicate<Triage.Footprint> test) {
        long qx0 = cell(e.getMinX());
        long qy0 = cell(e.getMinY());
        for (long x = qx0; x <= cell(e.getMaxX()); x++) {
            for (long y = qy0; y <= cell(e.getMaxY()); y++) {
                Cell c = cells.get(key(x, y));
                if (c != null && c.anyNear(e, x, y, qx0, qy0, test)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long cell(double degrees) {
        return (long) Math.floor(degrees / CELL);
    }

    private static long key(long x, long y) {
        return x * 1_000_003L + y;
    }

    /** The footprints of one cell, their boxes (minX, maxX, minY, maxY) and first cells (x, y). */
    private static final class Cell {
        private Triage.Footprint[] footprints = new Triage.Footprint[4];
        private double[] boxes = new double[16];
        private long[] firstCells = new long[8];
        private int size;

        void add(Envelope e, long x0, long y0, Triage.Footprint f) {
            if (size == footprints.length) {
                footprints = Arrays.copyOf(footprints, size * 2);
                boxes = Arrays.copyOf(boxes, size * 8);
                firstCells = Arrays.copyOf(firstCells, size * 4);
            }
            footprints[size] = f;
            int b = size * 4;
            boxes[b] = e.getMinX();
            boxes[b + 1] = e.getMaxX();
            boxes[b + 2] = e.getMinY();
            boxes[b + 3] = e.getMaxY();
            firstCells[size * 2] = x0;
            firstCells[size * 2 + 1] = y0;
            size++;
        }

        boolean anyNear(Envelope e, long x, long y, long qx0, long qy0, Predicate<Triage.Footprint> test) {
            for (int i = 0; i < size; i++) {
                int b = i * 4;
                if (boxes[b] <= e.getMaxX() && boxes[b + 1] >= e.getMinX() && boxes[b + 2] <= e.getMaxY()
                        && boxes[b + 3] >= e.getMinY()
                        && Math.max(qx0, firstCells[i * 2]) == x && Math.max(qy0, firstCells[i * 2 + 1]) == y
                        && test.test(footprints[i])) {
                    return true;
                }
            }
            return false;
        }
    }
}
