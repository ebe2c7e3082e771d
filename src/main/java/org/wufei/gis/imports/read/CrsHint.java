package org.wufei.gis.imports.read;

/**
 * What a file itself declares about its coordinate reference system; the crs package turns this into a real CRS.
 *
 * @param epsg       an EPSG code when the file names one directly (GPKG srs id, GeoJSON crs member, KML), else null
 * @param prjWkt     the raw WKT of a shapefile's .prj (or a GPKG SRS definition), unparsed, else null
 * @param declaredBy where the hint came from: "prj", "gpkg", "geojson-crs", "geotiff", "kml" or "none"
 */
public record CrsHint(Integer epsg, String prjWkt, String declaredBy) {

    public static final String PRJ = "prj";
    public static final String GPKG = "gpkg";
    public static final String GEOJSON_CRS = "geojson-crs";
    public static final String GEOTIFF = "geotiff";
    public static final String KML = "kml";
    public static final String NONE = "none";

    /** Nothing declared: the caller decides (RFC 7946 GeoJSON, CSV and XLSX are WGS 84 lon/lat by convention). */
    public static CrsHint none() {
        return new CrsHint(null, null, NONE);
    }

    /** KML is always WGS 84 lon/lat by its specification. */
    public static CrsHint kml() {
        return new CrsHint(4326, null, KML);
    }
}
