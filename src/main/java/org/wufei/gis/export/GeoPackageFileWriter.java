package org.wufei.gis.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureTable;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.wufei.gis.catalog.FeatureRow;

/**
 * A GeoPackage built in a temporary file (SQLite needs random access) and copied to the response at the end: NGA
 * creates the table, its SRS and contents; rows go in through one prepared statement in batches inside one
 * transaction; the R-tree index is built once after the last row; the temporary file is always deleted.
 */
final class GeoPackageFileWriter extends FeatureFileWriter {
    private static final int BATCH = 1000;

    private final Path file;
    private final GeoPackage gpkg;
    private final Connection jdbc;
    private final PreparedStatement insert;
    private final long srsId;
    private final Envelope extent = new Envelope();
    private final WKBWriter wkb = new WKBWriter();
    private int pending;

    GeoPackageFileWriter(ExportLayer layer, OutputStream out, UnaryOperator<Geometry> toOutputCrs, Path tempDir)
            throws IOException {
        super(layer, out, toOutputCrs);
        this.file = Files.createTempFile(tempDir, "export-", ".gpkg");
        Files.delete(file);
        GeoPackageManager.create(file.toFile());
        this.gpkg = GeoPackageManager.open(file.toFile());
        try {
            SpatialReferenceSystem srs = srs(gpkg, layer.crs().srid());
            this.srsId = srs.getSrsId();
            GeometryColumns gc = new GeometryColumns();
            gc.setTableName(layer.name());
            gc.setColumnName("geom");
            gc.setGeometryType(geometryType(layer.geometryType()));
            gc.setSrs(srs);
            gc.setZ((byte) 0);
            gc.setM((byte) 0);
            List<FeatureColumn> columns = new ArrayList<>();
            for (ExportField f : layer.fields()) {
                columns.add(FeatureColumn.createColumn(f.name(), dataType(f.type())));
            }
            gpkg.createFeatureTable(new FeatureTableMetadata(gc, "fid", columns, new BoundingBox()));
            this.jdbc = gpkg.getConnection().getConnection();
            jdbc.setAutoCommit(false);
            this.insert = jdbc.prepareStatement(insertSql(layer));
        } catch (SQLException | RuntimeException e) {
            abort();
            throw new IOException("Cannot create the GeoPackage: " + e.getMessage(), e);
        }
    }

    private static SpatialReferenceSystem srs(GeoPackage gpkg, int srid) throws SQLException {
        return gpkg.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", srid);
    }

    private static GeometryType geometryType(String geoJsonType) {
        try {
            return GeometryType.valueOf(geoJsonType.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return GeometryType.GEOMETRY;
        }
    }

    private static GeoPackageDataType dataType(ExportField.Type t) {
        return switch (t) {
            case INTEGER -> GeoPackageDataType.INTEGER;
            case NUMBER -> GeoPackageDataType.DOUBLE;
            case BOOLEAN -> GeoPackageDataType.BOOLEAN;
            case TIMESTAMP -> GeoPackageDataType.DATETIME;
            case STRING -> GeoPackageDataType.TEXT;
        };
    }

    private static String insertSql(ExportLayer layer) {
        StringBuilder cols = new StringBuilder("\"fid\", \"geom\"");
        StringBuilder marks = new StringBuilder("?, ?");
        for (ExportField f : layer.fields()) {
            cols.append(", \"").append(f.name().replace("\"", "\"\"")).append('"');
            marks.append(", ?");
        }
        return "INSERT INTO \"" + layer.name().replace("\"", "\"\"") + "\" (" + cols + ") VALUES (" + marks + ")";
    }

    @Override
    public void add(FeatureRow f) throws IOException {
        try {
            insert.setLong(1, f.id());
            if (f.geometry() == null) {
                insert.setNull(2, Types.BLOB);
            } else {
                Geometry g = toOutputCrs.apply(f.geometry());
                extent.expandToInclude(g.getEnvelopeInternal());
                insert.setBytes(2, GeoPackageGeometryData.createFromWkbAndBuildEnvelope(srsId, wkb.write(g))
                        .toBytes());
            }
            int i = 3;
            for (ExportField field : layer.fields()) {
                insert.setObject(i++, value(f.properties().get(field.name())));
            }
            insert.addBatch();
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        } catch (SQLException e) {
            throw new IOException("Cannot write feature " + f.id() + " to the GeoPackage: " + e.getMessage(), e);
        }
    }

    private static Object value(Object v) {
        if (v instanceof java.time.Instant i) {
            return i.toString();
        }
        return v;
    }

    @Override
    void finish() throws IOException {
        try {
            if (pending > 0) {
                insert.executeBatch();
            }
            insert.close();
            updateExtent();
            jdbc.commit();
            jdbc.setAutoCommit(true);
            FeatureTable table = gpkg.getFeatureDao(layer.name()).getTable();
            new RTreeIndexExtension(gpkg).create(table);
            gpkg.close();
            Files.copy(file, out);
            out.flush();
        } catch (SQLException e) {
            throw new IOException("Cannot complete the GeoPackage: " + e.getMessage(), e);
        } finally {
            abort();
        }
    }

    private void updateExtent() throws SQLException {
        if (extent.isNull()) {
            return;
        }
        try (PreparedStatement ps = jdbc.prepareStatement(
                "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?")) {
            ps.setDouble(1, extent.getMinX());
            ps.setDouble(2, extent.getMinY());
            ps.setDouble(3, extent.getMaxX());
            ps.setDouble(4, extent.getMaxY());
            ps.setString(5, layer.name());
            ps.executeUpdate();
        }
    }

    @Override
    void abort() {
        try {
            gpkg.close();
        } catch (RuntimeException ignored) {
            // already closed
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp file is removed with the temp directory
        }
    }
}
