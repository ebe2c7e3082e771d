package org.wufei.gis.imports.read.kml;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.PrecisionModel;
import org.wufei.gis.imports.read.ImportException;

/** Builds JTS geometries (SRID 4326, as KML is always WGS 84 lon/lat) from KML geometry elements. */
final class KmlGeometries {

    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private KmlGeometries() {
    }

    /** Reads one geometry element, the reader being on its start tag; leaves the reader on its end tag. */
    static Geometry read(XMLStreamReader xml, String element) throws XMLStreamException {
        List<Geometry> members = new ArrayList<>();
        Coordinate[] coordinates = null;
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        boolean inner = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals(element)) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            if (element.equals("MultiGeometry")
                    && List.of("Point", "LineString", "LinearRing", "Polygon", "MultiGeometry").contains(name)) {
                members.add(read(xml, name));
            } else if (name.equals("outerBoundaryIs") || name.equals("innerBoundaryIs")) {
                inner = name.equals("innerBoundaryIs");
            } else if (name.equals("coordinates")) {
                coordinates = parseCoordinates(xml.getElementText());
                if (element.equals("Polygon")) {
                    LinearRing ring = ring(coordinates);
                    if (inner) {
                        holes.add(ring);
                    } else {
                        shell = ring;
                    }
                }
            }
        }
        try {
            return switch (element) {
                case "Point" -> coordinates == null || coordinates.length == 0 ? WGS84.createPoint()
                        : WGS84.createPoint(coordinates[0]);
                case "LineString" -> WGS84.createLineString(coordinates == null ? new Coordinate[0] : coordinates);
                case "LinearRing" -> WGS84.createPolygon(ring(coordinates));
                case "Polygon" -> shell == null ? WGS84.createPolygon()
                        : WGS84.createPolygon(shell, holes.toArray(LinearRing[]::new));
                default -> WGS84.buildGeometry(members);
            };
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static LinearRing ring(Coordinate[] coordinates) {
        try {
            return WGS84.createLinearRing(coordinates == null ? new Coordinate[0] : coordinates);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** KML coordinates: "lon,lat[,alt]" tuples separated by white space. */
    static Coordinate[] parseCoordinates(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return new Coordinate[0];
        }
        String[] tuples = trimmed.split("\\s+");
        Coordinate[] out = new Coordinate[tuples.length];
        for (int i = 0; i < tuples.length; i++) {
            String[] parts = tuples[i].split(",");
            if (parts.length < 2) {
                throw invalid("coordinate tuple '" + tuples[i] + "' needs lon,lat");
            }
            double x = number(parts[0]);
            double y = number(parts[1]);
            out[i] = parts.length > 2 ? new Coordinate(x, y, number(parts[2])) : new Coordinate(x, y);
        }
        return out;
    }

    private static double number(String s) {
        try {
            double d = Double.parseDouble(s.trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ImportException.keyed(ImportException.COORDINATE_NOT_NUMBER, "coordinates",
                "import.coordinate_not_finite_value", s);
    }

    private static ImportException invalid(String why) {
        return ImportException.keyed(ImportException.GEOMETRY_INVALID, "geometry", "import.geometry_invalid", why);
    }

}
