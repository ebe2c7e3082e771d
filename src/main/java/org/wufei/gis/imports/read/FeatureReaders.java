package org.wufei.gis.imports.read;

import java.nio.file.Path;
import org.wufei.gis.imports.read.geojson.GeoJsonFeatureSource;
import org.wufei.gis.imports.read.geopackage.GeoPackageFeatureSource;
import org.wufei.gis.imports.read.kml.KmlFeatureSource;
import org.wufei.gis.imports.read.table.CsvFeatureSource;
import org.wufei.gis.imports.read.table.XlsxFeatureSource;

/** The entry point of the readers: detects an upload's format from its content and opens the matching reader. */
public final class FeatureReaders {

    private FeatureReaders() {
    }

    public static FeatureSource open(Path file, ReadOptions options) {
        ReadOptions opts = options == null ? ReadOptions.defaults() : options;
        SafeZip.checkUploadSize(file, opts.limits());
        ImportFormat format = FormatDetector.detect(file, opts.limits());
        return switch (format) {
            case GEOJSON -> new GeoJsonFeatureSource(file, opts);
            case SHAPEFILE_ZIP -> new ShapefileFeatureSource(file, opts);
            case GEOPACKAGE -> new GeoPackageFeatureSource(file, opts);
            case KML -> KmlFeatureSource.kml(file, opts);
            case KMZ -> KmlFeatureSource.kmz(file, opts);
            case CSV -> new CsvFeatureSource(file, opts);
            case XLSX -> new XlsxFeatureSource(file, opts);
            case GEOTIFF -> new GeoTiffFeatureSource(file, opts);
        };
    }
}
