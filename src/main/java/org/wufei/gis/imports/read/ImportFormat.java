package org.wufei.gis.imports.read;

/** The upload formats the import pipeline can read, as recognised from a file's content by {@link FormatDetector}. */
public enum ImportFormat {
    GEOJSON,
    SHAPEFILE_ZIP,
    GEOPACKAGE,
    KML,
    KMZ,
    CSV,
    XLSX,
    GEOTIFF
}
