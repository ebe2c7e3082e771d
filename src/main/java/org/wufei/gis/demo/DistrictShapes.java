package org.wufei.gis.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.wufei.gis.common.District;

/**
 * Synthetic shapes of a district from its public facts only: an irregular outline filling the bounding
 * box, township cells around each township's anchor that tile the outline, meandering seasonal gullies.
 */
final class DistrictShapes {
    /** Coordinates are rounded to 1e-6 degree (~0.1 m) so the written files are stable. */
    static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(1e6), 4326);

    final Polygon outline;
    final List<Geometry> townships;
    final List<LineString> rivers;

    DistrictShapes(District d) {
        SplittableRandom rnd = new SplittableRandom(d.seed());
        this.outline = outline(d.envelope(), rnd);
        this.townships = townships(d, outline);
        this.rivers = d.rivers().stream().map(r -> river(r, outline, rnd)).toList();
    }

    private static Polygon outline(Envelope e, SplittableRandom rnd) {
        int n = 72;
        double cx = e.centre().x;
        double cy = e.centre().y;
        Coordinate[] ring = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double c = Math.cos(a);
            double s = Math.sin(a);
            // A superellipse (exponent 4) fills the box's corners more than an ellipse does.
            double r = Math.pow(Math.pow(Math.abs(c), 4) + Math.pow(Math.abs(s), 4), -0.25);
            double noise = 0.90 + 0.10 * rnd.nextDouble();
            double x = cx + Math.signum(c) * Math.min(Math.abs(c * r * noise), 1) * e.getWidth() / 2;
            double y = cy + Math.signum(s) * Math.min(Math.abs(s * r * noise), 1) * e.getHeight() / 2;
            ring[i] = round(new Coordinate(x, y));
        }
        ring[n] = ring[0];
        return GF.createPolygon(ring);
    }

    private static List<Geometry> townships(District d, Polygon outline) {
        List<Coordinate> sites = d.townships().stream().map(t -> new Coordinate(t.anchor()[0], t.anchor()[1]))
                .toList();
        VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
        vb.setSites(sites);
        Envelope clip = new Envelope(outline.getEnvelopeInternal());
        clip.expandBy(0.1);
        vb.setClipEnvelope(clip);
        Geometry cells = vb.getDiagram(GF);
        List<Geometry> out = new ArrayList<>();
        for (Coordinate anchor : sites) {
            Geometry cell = null;
            for (int i = 0; i < cells.getNumGeometries(); i++) {
                if (cells.getGeometryN(i).contains(GF.createPoint(anchor))) {
                    cell = cells.getGeometryN(i);
                }
            }
            if (cell == null) {
                throw new IllegalStateException("Township anchor outside the district: " + anchor);
            }
            Geometry clipped = GF.createGeometry(cell.intersection(outline));
            out.add(clipped);
        }
        return out;
    }

    private static LineString river(District.River r, Polygon outline, SplittableRandom rnd) {
        int n = 40;
        double dx = r.to()[0] - r.from()[0];
        double dy = r.to()[1] - r.from()[1];
        double len = Math.hypot(dx, dy);
        double phase = rnd.nextDouble() * Math.PI;
        Coordinate[] pts = new Coordinate[n + 1];
        for (int i = 0; i <= n; i++) {
            double t = (double) i / n;
            double wiggle = 0.012 * Math.sin(phase + t * 9) + 0.004 * (rnd.nextDouble() - 0.5);
            double taper = Math.sin(Math.PI * t);
            pts[i] = round(new Coordinate(r.from()[0] + dx * t - dy / len * wiggle * taper,
                    r.from()[1] + dy * t + dx / len * wiggle * taper));
        }
        Geometry inside = GF.createLineString(pts).intersection(outline);
        if (inside instanceof LineString ls) {
            return ls;
        }
        // Keep the longest part if the outline cuts the gully in pieces.
        LineString best = null;
        for (int i = 0; i < inside.getNumGeometries(); i++) {
            LineString part = (LineString) inside.getGeometryN(i);
            if (best == null || part.getLength() > best.getLength()) {
                best = part;
            }
        }
        return best;
    }

    static Coordinate round(Coordinate c) {
        return new Coordinate(Math.round(c.x * 1e6) / 1e6, Math.round(c.y * 1e6) / 1e6);
    }
}
