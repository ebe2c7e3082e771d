package org.wufei.gis.ogc.processes;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JsonGenerator;

/**
 * Writes a JTS geometry as a GeoJSON geometry straight onto a Jackson generator, coordinates rounded to 1e-7 degree
 * (about 1 cm). JTS's GeoJsonWriter builds maps and a string per geometry first, which was most of the time a
 * 600-feature result spent in the service beyond its SQL (bench/processes.sh).
 */
final class GeoJsonGeometry {
    private static final double SCALE = 1e7;

    private GeoJsonGeometry() {
    }

    static void write(JsonGenerator g, Geometry geometry) {
        g.writeStartObject();
        if (geometry instanceof GeometryCollection c && !(geometry instanceof MultiPoint)
                && !(geometry instanceof MultiLineString) && !(geometry instanceof MultiPolygon)) {
            g.writeStringProperty("type", "GeometryCollection");
            g.writeArrayPropertyStart("geometries");
            for (int i = 0; i < c.getNumGeometries(); i++) {
                write(g, c.getGeometryN(i));
            }
            g.writeEndArray();
        } else {
            g.writeStringProperty("type", geometry.getGeometryType());
            g.writeName("coordinates");
            coordinates(g, geometry);
        }
        g.writeEndObject();
    }

    private static void coordinates(JsonGenerator g, Geometry geometry) {
        if (geometry instanceof Point p) {
            position(g, p.getCoordinateSequence(), 0);
        } else if (geometry instanceof LineString l) {
            sequence(g, l.getCoordinateSequence());
        } else if (geometry instanceof Polygon p) {
            g.writeStartArray();
            sequence(g, p.getExteriorRing().getCoordinateSequence());
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                sequence(g, p.getInteriorRingN(i).getCoordinateSequence());
            }
            g.writeEndArray();
        } else {
            g.writeStartArray();
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                coordinates(g, geometry.getGeometryN(i));
            }
            g.writeEndArray();
        }
    }

    private static void sequence(JsonGenerator g, CoordinateSequence s) {
        g.writeStartArray();
        for (int i = 0; i < s.size(); i++) {
            position(g, s, i);
        }
        g.writeEndArray();
    }

    private static void position(JsonGenerator g, CoordinateSequence s, int i) {
        g.writeStartArray();
        g.writeNumber(Math.round(s.getX(i) * SCALE) / SCALE);
        g.writeNumber(Math.round(s.getY(i) * SCALE) / SCALE);
        g.writeEndArray();
    }
}
