package org.wufei.gis.imports.read.geojson;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;
import org.wufei.gis.imports.read.ImportException;

/**
 * Turns a GeoJSON geometry tree into a JTS geometry, checking every coordinate is a finite number, because the
 * features (and their properties) are read with Jackson and JTS's own GeoJSON reader would drop properties.
 */
final class GeoJsonGeometries {

    private final GeometryFactory factory;

    GeoJsonGeometries(int srid) {
        this.factory = new GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), srid);
    }

    GeometryFactory factory() {
        return factory;
    }

    Geometry build(JsonNode g) {
        if (g == null || g.isNull()) {
            return null;
        }
        String type = g.path("type").asString("");
        if (type.equals("GeometryCollection")) {
            JsonNode members = g.path("geometries");
            Geometry[] parts = new Geometry[members.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = build(members.get(i));
            }
            return factory.createGeometryCollection(parts);
        }
        JsonNode c = g.get("coordinates");
        if (c == null || !c.isArray()) {
            throw invalid("geometry " + type + " has no coordinates array");
        }
        try {
            return switch (type) {
                case "Point" -> point(c);
                case "MultiPoint" -> factory.createMultiPoint(points(c));
                case "LineString" -> factory.createLineString(coords(c));
                case "MultiLineString" -> factory.createMultiLineString(lines(c));
                case "Polygon" -> polygon(c);
                case "MultiPolygon" -> {
                    Polygon[] polys = new Polygon[c.size()];
                    for (int i = 0; i < polys.length; i++) {
                        polys[i] = polygon(c.get(i));
                    }
                    yield factory.createMultiPolygon(polys);
                }
                default -> throw invalid("unknown geometry type '" + type + "'");
            };
        } catch (IllegalArgumentException e) {
            // JTS says why a ring or line is impossible (too few points, ring not closed).
            throw invalid(e.getMessage());
        }
    }

    private Point point(JsonNode c) {
        return c.isEmpty() ? factory.createPoint() : factory.createPoint(coord(c));
    }

    private Point[] points(JsonNode c) {
        Point[] pts = new Point[c.size()];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = point(c.get(i));
        }
        return pts;
    }

    private LineString[] lines(JsonNode c) {
        LineString[] lines = new LineString[c.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = factory.createLineString(coords(c.get(i)));
        }
        return lines;
    }

    private Polygon polygon(JsonNode rings) {
        if (rings.isEmpty()) {
            return factory.createPolygon();
        }
        LinearRing shell = factory.createLinearRing(coords(rings.get(0)));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = factory.createLinearRing(coords(rings.get(i)));
        }
        return factory.createPolygon(shell, holes);
    }

    private Coordinate[] coords(JsonNode c) {
        if (c == null || !c.isArray()) {
            throw invalid("expected an array of positions");
        }
        Coordinate[] out = new Coordinate[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = coord(c.get(i));
        }
        return out;
    }

    private Coordinate coord(JsonNode p) {
        if (p == null || !p.isArray() || p.size() < 2) {
            throw invalid("a position needs at least two numbers");
        }
        double x = number(p.get(0));
        double y = number(p.get(1));
        return p.size() > 2 ? new Coordinate(x, y, number(p.get(2))) : new Coordinate(x, y);
    }

    private static double number(JsonNode n) {
        if (n == null || !n.isNumber() || !Double.isFinite(n.doubleValue())) {
            String shown = n == null ? "missing" : n.toString();
            throw ImportException.keyed(ImportException.COORDINATE_NOT_NUMBER, "geometry.coordinates",
                    "import.coordinate_not_finite_value", shown);
        }
        return n.doubleValue();
    }

    private static ImportException invalid(String why) {
        return ImportException.keyed(ImportException.GEOMETRY_INVALID, "geometry", "import.geometry_invalid", why);
    }
}
