package org.wufei.gis.imports.read.geopackage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureColumns;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.wufei.gis.imports.read.Attributes;
import org.wufei.gis.imports.read.CrsHint;
import org.wufei.gis.imports.read.FeatureIterator;
import org.wufei.gis.imports.read.FeatureSource;
import org.wufei.gis.imports.read.ImportException;
import org.wufei.gis.imports.read.ReadOptions;
import org.wufei.gis.imports.read.SourceFeature;
import org.wufei.gis.imports.read.geojson.GeoJsonFeatureSource;

/**
 * Reads every feature table of a GeoPackage (or the one asked for) with NGA's library, taking each table's SRS
 * from gpkg_spatial_ref_sys because NGA hands geometries out with SRID 0. Rows are read from NGA's result set column
 * by column, not as its row objects (see {@link #toFeature}).
 */
public final class GeoPackageFeatureSource implements FeatureSource {

    private final GeoPackage geoPackage;
    private final ReadOptions options;
    private final List<String> tables;
    private final WKBReader wkb = new WKBReader();
    private FeatureResultSet open;

    public GeoPackageFeatureSource(Path file, ReadOptions options) {
        this.options = options;
        try {
            // validate=false: NGA would otherwise insist on a .gpkg file name, and uploads are stored under any name.
            this.geoPackage = GeoPackageManager.open(GeoJsonFeatureSource.baseName(file), file.toFile(), false);
        } catch (RuntimeException e) {
            throw ImportException.unreadable("GeoPackage", e);
        }
        List<String> all = geoPackage.getFeatureTables();
        if (options.layer() != null) {
            if (!all.contains(options.layer())) {
                geoPackage.close();
                throw ImportException.keyed(ImportException.LAYER_NOT_FOUND, "layer", "import.geopackage_layer_missing",
                        options.layer(), String.valueOf(all));
            }
            this.tables = List.of(options.layer());
        } else {
            this.tables = all;
        }
    }

    @Override
    public CrsHint crsHint() {
        return tables.isEmpty() ? CrsHint.none() : crsHint(tables.get(0));
    }

    @Override
    public CrsHint crsHint(String layer) {
        SpatialReferenceSystem srs = geoPackage.getFeatureDao(layer).getSrs();
        if (srs == null) {
            return CrsHint.none();
        }
        Integer epsg = "EPSG".equalsIgnoreCase(srs.getOrganization()) && srs.getOrganizationCoordsysId() > 0
                ? (int) srs.getOrganizationCoordsysId() : null;
        String wkt = srs.getDefinition();
        return new CrsHint(epsg, wkt == null || wkt.isBlank() || wkt.equals("undefined") ? null : wkt, CrsHint.GPKG);
    }

    @Override
    public OptionalLong estimatedCount() {
        return OptionalLong.of(tables.stream().mapToLong(t -> geoPackage.getFeatureDao(t).count()).sum());
    }

    @Override
    public Iterator<SourceFeature> iterator() {
        Iterator<String> remaining = new ArrayList<>(tables).iterator();
        return new FeatureIterator(options.limits()) {
            private String table;
            private int srid;
            private long row;

            @Override
            protected SourceFeature readNext(long index) {
                while (open == null || !open.moveToNext()) {
                    closeResultSet();
                    if (!remaining.hasNext()) {
                        return null;
                    }
                    table = remaining.next();
                    FeatureDao dao = geoPackage.getFeatureDao(table);
                    Integer epsg = crsHint(table).epsg();
                    srid = epsg == null ? 0 : epsg;
                    row = 0;
                    open = dao.query();
                }
                row++;
                try {
                    return toFeature(open, row, table, srid);
                } catch (ImportException e) {
                    throw e.atFeature(row);
                }
            }
        };
    }

    /**
     * One row read straight from the result set: attributes through NGA's typed value reading (the same Java types
     * as its row objects), the geometry blob's WKB handed to JTS without NGA building its own geometry and writing
     * it back to WKB, which was most of the reading time.
     */
    private SourceFeature toFeature(FeatureResultSet rs, long index, String table, int srid) {
        Attributes attributes = new Attributes(options.limits());
        FeatureColumns columns = rs.getColumns();
        int geometryIndex = columns.getGeometryIndex();
        for (int i = 0; i < columns.columnCount(); i++) {
            FeatureColumn column = columns.getColumn(i);
            if (i != geometryIndex && !column.isPrimaryKey()) {
                attributes.put(column.getName(), rs.getValue(i, column.getDataType()));
            }
        }
        return new SourceFeature(index, geometry(rs.getBlob(geometryIndex), srid), attributes.toMap(), table);
    }

    private Geometry geometry(byte[] blob, int srid) {
        if (blob == null) {
            return null;
        }
        GeoPackageBlob header = GeoPackageBlob.read(blob);
        if (header == null) {
            return geometry(GeoPackageGeometryData.create(blob), srid);
        }
        if (header.empty()) {
            return null; // as NGA reads it: an empty blob has no geometry
        }
        try {
            Geometry g = wkb.read(Arrays.copyOfRange(blob, header.wkbOffset(), blob.length));
            g.setSRID(srid);
            return g;
        } catch (ParseException e) {
            GeoPackageGeometryData.create(blob); // what NGA refuses fails the read as it did when NGA parsed first
            throw unparsable(e);
        }
    }

    /** A blob NGA reads itself (not a standard one): its WKB, re-written by NGA, goes to JTS. */
    private Geometry geometry(GeoPackageGeometryData data, int srid) {
        if (data.isEmpty() && data.getGeometry() == null) {
            return null;
        }
        try {
            Geometry g = wkb.read(data.getWkb());
            g.setSRID(srid);
            return g;
        } catch (IOException | ParseException e) {
            throw unparsable(e);
        }
    }

    private static ImportException unparsable(Exception e) {
        return ImportException.keyed(ImportException.GEOMETRY_INVALID, "geometry", "import.geometry_unparsable",
                e.getMessage()).causedBy(e);
    }

    private void closeResultSet() {
        if (open != null) {
            open.close();
            open = null;
        }
    }

    @Override
    public void close() {
        closeResultSet();
        geoPackage.close();
    }
}
