package org.wufei.gis.triage;

import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.relateng.RelatePredicate;
import org.wufei.gis.crs.MetricCrs;

/**
 * Compares a detection with the known sites around it: {@code known} when it is the same place (polygon IoU at or
 * above the threshold, or a point within the distance), {@code changed} when it overlaps a site but its area differs
 * by more than the threshold, overlaps without matching, or the site was closed (a red flag), {@code new} otherwise.
 */
public final class Triage {
    /** Plain lon/lat geometries (EPSG:4326), as detections store them. */
    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    public enum Result {
        NEW, KNOWN, CHANGED;

        private final String code = name().toLowerCase(Locale.ROOT);

        public String code() {
            return code;
        }
    }

    /**
     * A detection or a site as triage compares them: the geometry (EPSG:4326) with its box, its area in square
     * degrees and its {@link ConvexClip#convexTurn(Geometry)}, worked out once instead of for every pair it is
     * compared in; a hole-free polygon's closed shell also as one array of numbers (x, y, x, y, …), which is what
     * clipping reads.
     */
    public static final class Footprint {
        private final Geometry geometry; // null once compacted: then made again from the shell when asked for
        private final double[] shell;
        private final double minX;
        private final double maxX;
        private final double minY;
        private final double maxY;
        private final double area;
        private final int convexTurn;

        private Footprint(Geometry geometry, double[] shell, double minX, double maxX, double minY, double maxY,
                double area, int convexTurn) {
            this.geometry = geometry;
            this.shell = shell;
            this.minX = minX;
            this.maxX = maxX;
            this.minY = minY;
            this.maxY = maxY;
            this.area = area;
            this.convexTurn = convexTurn;
        }

        public static Footprint of(Geometry g) {
            Envelope e = g.getEnvelopeInternal();
            return new Footprint(g, ConvexClip.shell(g), e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY(), g.getArea(),
                    ConvexClip.convexTurn(g));
        }

        /**
         * The same footprint in two objects, for those a batch keeps until it ends: a hole-free polygon keeps its
         * box, area and shell array but lets its geometry go. Every young collection copies what the batch has kept
         * since the last one, and it pays per object (a JTS polygon is seven or more).
         */
        public Footprint compact() {
            return geometry == null || shell == null ? this
                    : new Footprint(null, shell, minX, maxX, minY, maxY, area, convexTurn);
        }

        Geometry geometry() {
            if (geometry != null) {
                return geometry;
            }
            GeometryFactory f = WGS84;
            return f.createPolygon(f.createLinearRing(new PackedCoordinateSequence.Double(shell, 2, 0)), NO_HOLES);
        }

        /** A polygon or multipolygon (only these have an area to compare). */
        boolean polygonal() {
            return shell != null || geometry instanceof Polygonal;
        }

        /** The closed shell of a hole-free polygon (x, y, x, y, …), or null; not to be changed. */
        double[] shell() {
            return shell;
        }

        double area() {
            return area;
        }

        int convexTurn() {
            return convexTurn;
        }

        double minX() {
            return minX;
        }

        double maxX() {
            return maxX;
        }

        double minY() {
            return minY;
        }

        double maxY() {
            return maxY;
        }

        public Envelope envelope() {
            return new Envelope(minX, maxX, minY, maxY);
        }

        private static final LinearRing[] NO_HOLES = {};
    }

    /** A site the detection may be; geometry in EPSG:4326. */
    public record KnownSite(long id, String status, double areaM2, Footprint footprint) {
        KnownSite(long id, String status, double areaM2, Geometry geometry) {
            this(id, status, areaM2, Footprint.of(geometry));
        }

        Geometry geometry() {
            return footprint.geometry();
        }
    }

    /** What triage says about one detection. */
    public record Verdict(Result result, Long matchedSiteId, boolean redFlag) {
        static final Verdict NEW = new Verdict(Result.NEW, null, false);
    }

    private final TriageRules rules;
    private final MetricCrs metric;

    public Triage(TriageRules rules, MetricCrs metric) {
        this.rules = rules;
        this.metric = metric;
    }

    /** Degrees to search around a detection so points within the distance are candidates (generous in longitude). */
    public double searchMarginDegrees() {
        return rules.pointMetres() / 111_320.0 * 1.5;
    }

    /** The best candidate decides; on a tie the lower site id wins, whatever order the index gave them in. */
    public Verdict judge(Footprint detection, double areaM2, List<KnownSite> candidates) {
        KnownSite best = null;
        double bestScore = -1;
        double bestIou = 0;
        for (KnownSite site : candidates) {
            double iou = -1;
            double score;
            if (detection.polygonal() && site.footprint().polygonal()) {
                iou = iou(detection, site.footprint());
                if (iou <= 0) {
                    continue;
                }
                score = 1 + iou;
            } else {
                double d = metres(detection.geometry(), site.geometry());
                if (d > rules.pointMetres()) {
                    continue;
                }
                score = 1 - d / (rules.pointMetres() + 1);
            }
            if (score > bestScore || score == bestScore && site.id() < best.id()) {
                best = site;
                bestScore = score;
                bestIou = iou;
            }
        }
        if (best == null) {
            return Verdict.NEW;
        }
        if (rules.redFlagStatuses().contains(best.status())) {
            return new Verdict(Result.CHANGED, best.id(), true);
        }
        if (bestIou < 0) {
            return new Verdict(Result.KNOWN, best.id(), false);
        }
        double change = Math.abs(areaM2 - best.areaM2()) / Math.max(best.areaM2(), 1e-9);
        boolean same = change <= rules.areaChange() && bestIou >= rules.knownIou();
        return new Verdict(same ? Result.KNOWN : Result.CHANGED, best.id(), false);
    }

    /**
     * The detection still open in the queue (of an earlier batch) that this one is the same place as, by the rules
     * that make a detection a known site: two polygons by IoU at or above the threshold, anything with a point or a
     * line by distance within the point distance. The closest match wins, the lower id on a tie; null for none.
     */
    public Long sameAsOpen(Footprint detection, List<KnownSite> open) {
        KnownSite best = null;
        double bestScore = -1;
        for (KnownSite earlier : open) {
            double score;
            if (detection.polygonal() && earlier.footprint().polygonal()) {
                if (iouUpperBound(detection, earlier.footprint()) < rules.knownIou()) {
                    continue;
                }
                double iou = iou(detection, earlier.footprint());
                if (iou < rules.knownIou()) {
                    continue;
                }
                score = 1 + iou;
            } else {
                double d = metres(detection.geometry(), earlier.geometry());
                if (d > rules.pointMetres()) {
                    continue;
                }
                score = 1 - d / (rules.pointMetres() + 1);
            }
            if (score > bestScore || score == bestScore && earlier.id() < best.id()) {
                best = earlier;
                bestScore = score;
            }
        }
        return best == null ? null : best.id();
    }

    /** Whether two detections of one batch are the same place, to merge them: like polygons or near points. */
    public boolean sameFeature(Footprint a, Footprint b) {
        if (a.polygonal() && b.polygonal()) {
            return iouUpperBound(a, b) >= rules.knownIou() && iou(a, b) >= rules.knownIou();
        }
        if (a.polygonal() || b.polygonal()) {
            return false;
        }
        return metres(a.geometry(), b.geometry()) <= rules.pointMetres();
    }

    /**
     * Whether {@link #sameFeature} may hold for a kept footprint known only by its box and area: false exactly when
     * both are polygons (only polygons have an area) and the IoU bound rules the pair out.
     */
    public boolean maySameFeature(Footprint a, double minX, double maxX, double minY, double maxY, double areaB) {
        if (areaB <= 0 || !a.polygonal()) {
            return true;
        }
        return iouUpperBound(a, minX, maxX, minY, maxY, areaB) >= rules.knownIou();
    }

    /** IoU cannot exceed the overlap of the boxes over the larger area: a cheap test before any overlay. */
    static double iouUpperBound(Footprint a, Footprint b) {
        return iouUpperBound(a, b.minX(), b.maxX(), b.minY(), b.maxY(), b.area());
    }

    private static double iouUpperBound(Footprint a, double minX, double maxX, double minY, double maxY,
            double areaB) {
        double larger = Math.max(a.area(), areaB);
        double width = Math.min(a.maxX(), maxX) - Math.max(a.minX(), minX);
        double height = Math.min(a.maxY(), maxY) - Math.max(a.minY(), minY);
        return larger <= 0 || width < 0 || height < 0 ? 0 : width * height / larger;
    }

    /**
     * Intersection over union; computed in degrees, which is exact for a ratio over so small an area. When one of
     * the two is convex the shared area comes from clipping ({@link ConvexClip}); otherwise RelateNG answers "do
     * they meet at all" (several times faster than {@code Geometry.intersects}) before an overlay.
     */
    private static double iou(Footprint fa, Footprint fb) {
        if (fb.minX() > fa.maxX() || fb.maxX() < fa.minX() || fb.minY() > fa.maxY() || fb.maxY() < fa.minY()) {
            return 0;
        }
        double inter = fa.shell() == null || fb.shell() == null ? Double.NaN
                : ConvexClip.intersectionArea(fa.shell(), fa.convexTurn(), fb.shell(), fb.convexTurn());
        if (Double.isNaN(inter)) {
            Geometry a = fa.geometry(), b = fb.geometry();
            if (!RelateNG.relate(a, b, RelatePredicate.intersects())) {
                return 0;
            }
            try {
                inter = OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION).getArea();
            } catch (TopologyException e) {
                return 0; // no robust overlay: count no shared area rather than fail the batch
            }
        }
        double union = fa.area() + fb.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    private double metres(Geometry a, Geometry b) {
        return metric.toMetric(a).distance(metric.toMetric(b));
    }
}
