package org.wufei.gis.export;

import org.wufei.gis.common.Texts;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTWriter;
import org.wufei.gis.catalog.FeatureRow;

/**
 * The header and cells of a feature in CSV and XLSX: the attribute columns, then either WKT (output CRS) or
 * 经度/纬度 (CRS84, seven decimals ≈ 1 cm; a point on the surface for lines and areas).
 */
final class TabularRows {
    // Chinese headers in every export (the form bureaus file, and what the importer reads back)
    static final String LONGITUDE = Texts.zh("export.column.longitude");
    static final String LATITUDE = Texts.zh("export.column.latitude");
    static final String WKT = "WKT";

    private final ExportLayer layer;
    private final WKTWriter wkt = new WKTWriter();

    TabularRows(ExportLayer layer) {
        this.layer = layer;
    }

    List<String> header(java.util.function.Function<ExportField, String> name) {
        List<String> h = new ArrayList<>();
        layer.fields().forEach(f -> h.add(name.apply(f)));
        if (layer.coordinates() == ExportLayer.Coordinates.LONLAT) {
            h.add(LONGITUDE);
            h.add(LATITUDE);
        } else if (layer.coordinates() == ExportLayer.Coordinates.WKT) {
            h.add(WKT);
        }
        return h;
    }

    /** Attribute values in column order (typed: Long, Double, Boolean, String, Instant or null). */
    List<Object> values(FeatureRow f) {
        List<Object> out = new ArrayList<>(layer.fields().size() + 2);
        for (ExportField field : layer.fields()) {
            out.add(f.properties().get(field.name()));
        }
        return out;
    }

    /** The geometry cells: {lon, lat} as Doubles, or {wkt}; nulls when the feature has no geometry. */
    List<Object> geometry(FeatureRow f, java.util.function.UnaryOperator<Geometry> toOutputCrs) {
        Geometry g = f.geometry();
        if (layer.coordinates() == ExportLayer.Coordinates.NONE) {
            return List.of();
        }
        if (layer.coordinates() == ExportLayer.Coordinates.LONLAT) {
            if (g == null || g.isEmpty()) {
                return java.util.Arrays.asList(null, null);
            }
            Point p = g instanceof Point pt ? pt : g.getInteriorPoint();
            return List.of(round7(p.getX()), round7(p.getY()));
        }
        return java.util.Collections.singletonList(g == null ? null : wkt.write(toOutputCrs.apply(g)));
    }

    private static double round7(double v) {
        return Math.round(v * 1e7) / 1e7;
    }
}
