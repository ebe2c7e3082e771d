package org.wufei.gis.imports.read.geojson;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import org.wufei.gis.imports.read.Attributes;
import org.wufei.gis.imports.read.ImportException;
import org.wufei.gis.imports.read.ImportLimits;
import org.wufei.gis.imports.read.SourceFeature;

/**
 * Reads one GeoJSON Feature straight from the parser's tokens into JTS coordinates and attribute values, without
 * building a Jackson tree for it (the tree was most of the reading, its garbage a good part of the collections).
 *
 * <p>Only plain features are read this way: a geometry whose {@code type} comes first and whose positions are two or
 * three finite numbers, properties with scalar values and no repeated names. Anything else (a bad coordinate, an
 * empty or unclosed ring, a nested attribute, a GeometryCollection, members in another order) makes
 * {@link #read} skip to the end of the feature and answer null, and the caller reads that feature again as a tree,
 * so every error and every unusual feature comes out exactly as the tree reading gives it.
 */
final class GeoJsonFeatureTokens {

    /** Thrown inside to give up on a feature; no stack trace, it is expected. */
    private static final class NotPlain extends RuntimeException {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();

    private final GeometryFactory factory;
    private final ImportLimits limits;
    private final String layer;
    private final List<Coordinate> positions = new ArrayList<>();

    GeoJsonFeatureTokens(GeometryFactory factory, ImportLimits limits, String layer) {
        this.factory = factory;
        this.limits = limits;
        this.layer = layer;
    }

    /**
     * The feature whose START_OBJECT is the parser's current token, or null when it is not plain; either way the
     * parser is left on the feature's END_OBJECT.
     */
    SourceFeature read(JsonParser p, long index) {
        int depth = p.streamReadContext().getNestingDepth();
        try {
            return feature(p, index);
        } catch (NotPlain | ImportException | IllegalArgumentException e) {
            // ImportException: an attribute too long; IllegalArgumentException: JTS refusing a ring or a line.
            while (p.streamReadContext().getNestingDepth() >= depth) {
                if (p.nextToken() == null) {
                    break; // the caller's next read reports the truncated JSON
                }
            }
            return null;
        }
    }

    private SourceFeature feature(JsonParser p, long index) {
        Attributes attributes = new Attributes(limits);
        Geometry geometry = null;
        boolean seenGeometry = false;
        boolean seenProperties = false;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("geometry")) {
                seenGeometry = once(seenGeometry);
                geometry = value == JsonToken.VALUE_NULL ? null : geometry(p, value);
            } else if (name.equals("properties")) {
                seenProperties = once(seenProperties);
                if (value == JsonToken.START_OBJECT) {
                    properties(p, attributes);
                } else if (value != JsonToken.VALUE_NULL) {
                    throw NOT_PLAIN;
                }
            } else {
                p.skipChildren();
            }
        }
        return new SourceFeature(index, geometry, attributes.toMap(), layer);
    }

    private static boolean once(boolean seen) {
        if (seen) {
            throw NOT_PLAIN; // a repeated member: the tree keeps the last one
        }
        return true;
    }

    private static void properties(JsonParser p, Attributes attributes) {
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            Object value = switch (p.nextToken()) {
                case VALUE_STRING -> p.getString();
                case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? p.getBigIntegerValue() : (Object) p.getLongValue();
                case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                default -> throw NOT_PLAIN; // nested objects and arrays become JSON text in the tree reading
            };
            if (attributes.toMap().containsKey(name)) {
                throw NOT_PLAIN;
            }
            attributes.put(name, value);
        }
    }

    private Geometry geometry(JsonParser p, JsonToken start) {
        if (start != JsonToken.START_OBJECT || p.nextToken() != JsonToken.PROPERTY_NAME
                || !p.currentName().equals("type") || p.nextToken() != JsonToken.VALUE_STRING) {
            throw NOT_PLAIN;
        }
        String type = p.getString();
        if (p.nextToken() != JsonToken.PROPERTY_NAME || !p.currentName().equals("coordinates")
                || p.nextToken() != JsonToken.START_ARRAY) {
            throw NOT_PLAIN;
        }
        Geometry g = switch (type) {
            case "Point" -> factory.createPoint(position(p));
            case "MultiPoint" -> factory.createMultiPoint(points(p));
            case "LineString" -> factory.createLineString(positions(p));
            case "MultiLineString" -> factory.createMultiLineString(lines(p));
            case "Polygon" -> polygon(p);
            case "MultiPolygon" -> factory.createMultiPolygon(polygons(p));
            default -> throw NOT_PLAIN;
        };
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            if (name.equals("type") || name.equals("coordinates") || name.equals("geometries")) {
                throw NOT_PLAIN;
            }
            p.nextToken();
            p.skipChildren();
        }
        return g;
    }

    /** The elements of the array just opened, each read by {@code element} after its START_ARRAY; never empty. */
    private interface Element<T> {
        T read(JsonParser p);
    }

    private static <T> List<T> elements(JsonParser p, Element<T> element) {
        List<T> out = new ArrayList<>(2);
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
            out.add(element.read(p));
        }
        if (t != JsonToken.END_ARRAY || out.isEmpty()) {
            throw NOT_PLAIN;
        }
        return out;
    }

    private Point[] points(JsonParser p) {
        return elements(p, q -> factory.createPoint(position(q))).toArray(new Point[0]);
    }

    private LineString[] lines(JsonParser p) {
        return elements(p, q -> factory.createLineString(positions(q))).toArray(new LineString[0]);
    }

    private Polygon[] polygons(JsonParser p) {
        return elements(p, this::polygon).toArray(new Polygon[0]);
    }

    private Polygon polygon(JsonParser p) {
        List<LinearRing> rings = elements(p, q -> factory.createLinearRing(positions(q)));
        return factory.createPolygon(rings.get(0), rings.subList(1, rings.size()).toArray(new LinearRing[0]));
    }

    /** The positions of the array just opened. */
    private Coordinate[] positions(JsonParser p) {
        positions.clear();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
            positions.add(position(p));
        }
        if (t != JsonToken.END_ARRAY || positions.isEmpty()) {
            throw NOT_PLAIN;
        }
        return positions.toArray(new Coordinate[0]);
    }

    /** The position whose START_ARRAY was just read: two or three finite numbers. */
    private static Coordinate position(JsonParser p) {
        double x = number(p, p.nextToken());
        double y = number(p, p.nextToken());
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_ARRAY) {
            return new Coordinate(x, y);
        }
        double z = number(p, t);
        if (p.nextToken() != JsonToken.END_ARRAY) {
            throw NOT_PLAIN;
        }
        return new Coordinate(x, y, z);
    }

    private static double number(JsonParser p, JsonToken t) {
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw NOT_PLAIN;
        }
        double d = p.getDoubleValue();
        if (!Double.isFinite(d)) {
            throw NOT_PLAIN;
        }
        return d;
    }
}
