package org.wufei.gis.imports.read.table;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.wufei.gis.imports.read.Attributes;
import org.wufei.gis.imports.read.ImportException;
import org.wufei.gis.imports.read.ImportLimits;
import org.wufei.gis.imports.read.SourceFeature;

/**
 * Finds the coordinate columns of a table (CSV or spreadsheet) by their usual Chinese and English names and turns
 * a row into a feature, so both tabular formats behave the same.
 */
final class CoordinateColumns {

    static final Set<String> LON = Set.of("经度", "东经", "lon", "lng", "long", "longitude", "x");
    static final Set<String> LAT = Set.of("纬度", "北纬", "lat", "latitude", "y");
    static final Set<String> WKT = Set.of("wkt", "geometry", "geom");

    private static final GeometryFactory NO_SRID = new GeometryFactory(new PrecisionModel(), 0);

    private final List<String> header;
    private final int lon;
    private final int lat;
    private final int wkt;
    private final String layer;
    private final ImportLimits limits;

    private CoordinateColumns(List<String> header, int lon, int lat, int wkt, String layer, ImportLimits limits) {
        this.header = header;
        this.lon = lon;
        this.lat = lat;
        this.wkt = wkt;
        this.layer = layer;
        this.limits = limits;
    }

    /** A lon/lat pair wins over a WKT column; neither is {@code csv_no_coordinates}. */
    static CoordinateColumns resolve(List<String> header, String layer, ImportLimits limits) {
        int lon = indexOf(header, LON);
        int lat = indexOf(header, LAT);
        if (lon >= 0 && lat >= 0) {
            return new CoordinateColumns(header, lon, lat, -1, layer, limits);
        }
        int wkt = indexOf(header, WKT);
        if (wkt >= 0) {
            return new CoordinateColumns(header, -1, -1, wkt, layer, limits);
        }
        throw ImportException.keyed(ImportException.CSV_NO_COORDINATES, "header", "import.csv_no_coordinates",
                String.valueOf(header));
    }

    static String normalise(String name) {
        return name == null ? "" : name.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
    }

    private static int indexOf(List<String> header, Set<String> aliases) {
        for (int i = 0; i < header.size(); i++) {
            if (aliases.contains(normalise(header.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    /** One row as a feature; values are strings (CSV) or typed cell values (XLSX). */
    SourceFeature toFeature(long index, List<Object> values) {
        Attributes attributes = new Attributes(limits);
        for (int i = 0; i < header.size(); i++) {
            if (i != lon && i != lat && i != wkt) {
                attributes.put(header.get(i).trim(), i < values.size() ? values.get(i) : null);
            }
        }
        return new SourceFeature(index, geometry(values), attributes.toMap(), layer);
    }

    private Geometry geometry(List<Object> values) {
        if (wkt >= 0) {
            Object text = get(values, wkt);
            if (text == null || text.toString().isBlank()) {
                return null;
            }
            try {
                return new WKTReader(NO_SRID).read(text.toString());
            } catch (ParseException e) {
                throw ImportException.keyed(ImportException.GEOMETRY_INVALID, header.get(wkt), "import.wkt_unparsable",
                        e.getMessage());
            }
        }
        Object x = get(values, lon);
        Object y = get(values, lat);
        if (isBlank(x) && isBlank(y)) {
            return null;
        }
        return NO_SRID.createPoint(new Coordinate(number(x, header.get(lon)), number(y, header.get(lat))));
    }

    private static Object get(List<Object> values, int i) {
        return i < values.size() ? values.get(i) : null;
    }

    private static boolean isBlank(Object v) {
        return v == null || v.toString().isBlank();
    }

    private static double number(Object v, String column) {
        double d = Double.NaN;
        if (v instanceof Number n) {
            d = n.doubleValue();
        } else if (v != null) {
            try {
                d = Double.parseDouble(v.toString().trim());
            } catch (NumberFormatException e) {
                // reported below with the column name
            }
        }
        if (!Double.isFinite(d)) {
            throw ImportException.keyed(ImportException.COORDINATE_NOT_NUMBER, column, "import.column_not_finite", column,
                    String.valueOf(v));
        }
        return d;
    }
}
