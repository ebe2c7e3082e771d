package org.wufei.gis.triage;

import java.util.Arrays;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Envelope;

/**
 * The footprints a batch has kept so far, in a uniform grid of ~200 m cells over the district, to find in-batch
 * duplicates; cheaper than a tree for many small, evenly spread features and it grows without rebuilding. The grid
 * is an array over the district's box (a map keyed by boxed cell numbers cost a tenth of the batch's thread); for a
 * district too large for a million such cells they grow. Each cell keeps its boxes and areas as plain numbers, so
 * most candidates are ruled out without touching a footprint (following a reference into the heap for each
 * candidate was a third of the batch's thread).
 */
public final class BatchFootprints {
    private static final double CELL = 0.002;
    private static final long MAX_CELLS = 1 << 20;

    private final double minX;
    private final double minY;
    private final double cell;
    private final int columns;
    private final int rows;
    private final Cell[] cells;

    /** @param extent the box the footprints lie in; any outside it are filed in its edge cells */
    public BatchFootprints(Envelope extent) {
        minX = extent.getMinX();
        minY = extent.getMinY();
        cell = Math.max(CELL, Math.sqrt(extent.getArea() / MAX_CELLS) * 1.01);
        columns = Math.max(1, (int) Math.ceil(extent.getWidth() / cell));
        rows = Math.max(1, (int) Math.ceil(extent.getHeight() / cell));
        cells = new Cell[columns * rows];
    }

    /** A first test of a kept footprint on its box and area alone; false rules it out. */
    @FunctionalInterface
    public interface BoxTest {
        boolean mayPass(double minX, double maxX, double minY, double maxY, double area);
    }

    public void add(Triage.Footprint f) {
        Envelope e = f.envelope();
        int x0 = column(e.getMinX());
        int y0 = row(e.getMinY());
        for (int x = x0; x <= column(e.getMaxX()); x++) {
            for (int y = y0; y <= row(e.getMaxY()); y++) {
                int i = x * rows + y;
                if (cells[i] == null) {
                    cells[i] = new Cell();
                }
                cells[i].add(e, x0, y0, f);
            }
        }
    }

    /**
     * Whether a kept footprint whose box meets the envelope passes the test; each is tested once, cell by cell in
     * the order they were kept. A footprint spanning several cells is tested in the first of them the envelope
     * covers, which spares remembering which ones were already tested.
     */
    public boolean anyNear(Envelope e, Predicate<Triage.Footprint> test) {
        return anyNear(e, (minX, maxX, minY, maxY, area) -> true, test);
    }

    /** As {@link #anyNear(Envelope, Predicate)}, with the footprints whose box and area fail {@code first} skipped. */
    public boolean anyNear(Envelope e, BoxTest first, Predicate<Triage.Footprint> test) {
        int qx0 = column(e.getMinX());
        int qy0 = row(e.getMinY());
        for (int x = qx0; x <= column(e.getMaxX()); x++) {
            for (int y = qy0; y <= row(e.getMaxY()); y++) {
                Cell c = cells[x * rows + y];
                if (c != null && c.anyNear(e, x, y, qx0, qy0, first, test)) {
                    return true;
                }
            }
        }
        return false;
    }

    private int column(double x) {
        return clamp(Math.floor((x - minX) / cell), columns);
    }

    private int row(double y) {
        return clamp(Math.floor((y - minY) / cell), rows);
    }

    private static int clamp(double index, int size) {
        return (int) Math.max(0, Math.min(size - 1, index));
    }

    /** The footprints of one cell, their boxes (minX, maxX, minY, maxY), areas and first cells (x, y). */
    private static final class Cell {
        private Triage.Footprint[] footprints = new Triage.Footprint[4];
        private double[] boxes = new double[16];
        private double[] areas = new double[4];
        private int[] firstCells = new int[8];
        private int size;

        public void add(Envelope e, int x0, int y0, Triage.Footprint f) {
            if (size == footprints.length) {
                footprints = Arrays.copyOf(footprints, size * 2);
                boxes = Arrays.copyOf(boxes, size * 8);
                areas = Arrays.copyOf(areas, size * 2);
                firstCells = Arrays.copyOf(firstCells, size * 4);
            }
            footprints[size] = f;
            int b = size * 4;
            boxes[b] = e.getMinX();
            boxes[b + 1] = e.getMaxX();
            boxes[b + 2] = e.getMinY();
            boxes[b + 3] = e.getMaxY();
            areas[size] = f.area();
            firstCells[size * 2] = x0;
            firstCells[size * 2 + 1] = y0;
            size++;
        }

        boolean anyNear(Envelope e, int x, int y, int qx0, int qy0, BoxTest first,
                Predicate<Triage.Footprint> test) {
            for (int i = 0; i < size; i++) {
                int b = i * 4;
                if (boxes[b] <= e.getMaxX() && boxes[b + 1] >= e.getMinX() && boxes[b + 2] <= e.getMaxY()
                        && boxes[b + 3] >= e.getMinY()
                        && Math.max(qx0, firstCells[i * 2]) == x && Math.max(qy0, firstCells[i * 2 + 1]) == y
                        && first.mayPass(boxes[b], boxes[b + 1], boxes[b + 2], boxes[b + 3], areas[i])
                        && test.test(footprints[i])) {
                    return true;
                }
            }
            return false;
        }
    }
}
