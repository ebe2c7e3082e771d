package org.wufei.gis.export;

import java.util.List;
import java.util.Objects;
import org.wufei.gis.crs.OgcCrsUri;

/**
 * What an export writes besides the features themselves.
 *
 * @param name the layer name (GeoPackage table, KML folder, XLSX sheet) and the file name's stem
 * @param title a human title (KML document name); may be Chinese
 * @param geometryType GeoJSON geometry type of the features ({@code Point}, {@code Polygon}, ...) or
 *     {@code Geometry}
 * @param fields the attribute columns, in order; features' properties not listed are not written
 * @param crs the output CRS of GeoJSON, GeoPackage and WKT columns (features are given in CRS84); KML and
 *     longitude/latitude columns are always CRS84
 * @param headers how CSV and XLSX header cells name the columns
 * @param coordinates how CSV and XLSX write the geometry
 */
public record ExportLayer(String name, String title, String geometryType, List<ExportField> fields, OgcCrsUri crs,
        Headers headers, Coordinates coordinates) {

    /** Column headers of tabular formats: the property names, or their (Chinese) labels. */
    public enum Headers { NAMES, LABELS }

    /**
     * Geometry in tabular formats: a WKT column, 经度/纬度 columns (a point on the surface for areas), or none
     * (the fields carry whatever position they need, as the waste-heap register does).
     */
    public enum Coordinates { WKT, LONLAT, NONE }

    public ExportLayer {
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
        crs = crs == null ? OgcCrsUri.CRS84 : crs;
        headers = headers == null ? Headers.NAMES : headers;
        coordinates = coordinates == null ? defaultCoordinates(geometryType) : coordinates;
        title = title == null ? name : title;
        geometryType = geometryType == null ? "Geometry" : geometryType;
    }

    /** Points as 经度/纬度 columns (what Excel users map), everything else as WKT. */
    public static Coordinates defaultCoordinates(String geometryType) {
        return "Point".equals(geometryType) ? Coordinates.LONLAT : Coordinates.WKT;
    }
}
