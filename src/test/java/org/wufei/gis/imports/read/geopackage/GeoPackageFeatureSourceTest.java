package org.wufei.gis.imports.read.geopackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wufei.gis.imports.read.Fixtures.assertRefused;
import static org.wufei.gis.imports.read.Fixtures.path;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.wufei.gis.imports.read.Fixtures;
import org.wufei.gis.imports.read.FeatureReaders;
import org.wufei.gis.imports.read.FeatureSource;
import org.wufei.gis.imports.read.ReadOptions;
import org.wufei.gis.imports.read.SourceFeature;

class GeoPackageFeatureSourceTest {

    @TempDir
    Path tmp;

    @Test
    void everyFeatureTableIsReadWithItsOwnSrs() {
        try (FeatureSource source = FeatureReaders.open(path("geopackage-two-layers.gpkg"), ReadOptions.defaults())) {
            assertThat(source.estimatedCount()).hasValue(5);
            assertThat(source.crsHint("waste_heaps").epsg()).isEqualTo(4490);
            assertThat(source.crsHint("waste_heaps").declaredBy()).isEqualTo("gpkg");
            assertThat(source.crsHint("recycling_sites").epsg()).isEqualTo(4326);
            List<SourceFeature> features = source.stream().toList();
            assertThat(features).extracting(SourceFeature::layer)
                    .containsExactly("waste_heaps", "waste_heaps", "waste_heaps", "recycling_sites", "recycling_sites");
            SourceFeature heap = features.get(0);
            assertThat(heap.geometry()).isInstanceOf(Polygon.class);
            assertThat(heap.geometry().getSRID()).isEqualTo(4490);
            assertThat(heap.attributes()).containsEntry("名称", "石拐镇建筑垃圾堆放点").containsEntry("面积", 1520.5)
                    .doesNotContainKey("fid").doesNotContainKey("geom");
            SourceFeature site = features.get(3);
            assertThat(site.index()).isEqualTo(1);
            assertThat(site.geometry()).isInstanceOf(Point.class);
            assertThat(site.geometry().getSRID()).isEqualTo(4326);
            assertThat(site.attributes()).containsEntry("名称", "石拐垃圾转运站");
        }
    }

    @Test
    void oneLayerCanBeChosen() {
        List<SourceFeature> features = Fixtures.readAll(path("geopackage-two-layers.gpkg"),
                new ReadOptions(null, "recycling_sites", null));
        assertThat(features).hasSize(2).allMatch(f -> f.layer().equals("recycling_sites"));
    }

    @Test
    void unknownLayerIsABadRequest() {
        assertRefused("layer_not_found", () -> FeatureReaders.open(path("geopackage-two-layers.gpkg"),
                new ReadOptions(null, "rivers", null)));
    }

    @Test
    void blobHeadersInEitherByteOrderWithAnyEnvelopeGiveTheSameFeatures() throws Exception {
        Path copy = copyOfFixture();
        List<SourceFeature> original = Fixtures.readAll(copy);
        rewriteBlob(copy, 1, ByteOrder.BIG_ENDIAN, 0, 0);
        rewriteBlob(copy, 2, ByteOrder.BIG_ENDIAN, 2, 0);
        rewriteBlob(copy, 3, ByteOrder.LITTLE_ENDIAN, 4, 0);

        List<SourceFeature> rewritten = Fixtures.readAll(copy);

        assertThat(rewritten).hasSameSizeAs(original);
        for (int i = 0; i < original.size(); i++) {
            Geometry before = original.get(i).geometry();
            Geometry after = rewritten.get(i).geometry();
            assertThat(after.equalsExact(before)).as("feature %d", i).isTrue();
            assertThat(after.getSRID()).isEqualTo(before.getSRID());
            assertThat(rewritten.get(i).attributes()).isEqualTo(original.get(i).attributes());
        }
    }

    @Test
    void blobsFlaggedEmptyAndMissingGeometriesAreReadAsNoGeometry() throws Exception {
        Path copy = copyOfFixture();
        rewriteBlob(copy, 1, ByteOrder.LITTLE_ENDIAN, 0, 0x10);
        setBlob(copy, 2, null);

        List<SourceFeature> features = Fixtures.readAll(copy, new ReadOptions(null, "waste_heaps", null));

        assertThat(features).extracting(SourceFeature::geometry).startsWith(null, null).last().isNotNull();
    }

    @Test
    void aBlobThatIsNotAGeoPackageGeometryIsStillJudgedByNga() throws Exception {
        Path copy = copyOfFixture();
        setBlob(copy, 1, "not a geometry".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        try (FeatureSource source = FeatureReaders.open(copy, ReadOptions.defaults())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> source.iterator().next())
                    .hasMessageContaining("magic number");
        }
    }

    private Path copyOfFixture() throws Exception {
        return Files.copy(path("geopackage-two-layers.gpkg"), tmp.resolve("copy.gpkg"));
    }

    /** Gives a waste_heaps row's geometry a new header of the given byte order, envelope kind and extra flags. */
    private static void rewriteBlob(Path gpkg, int fid, ByteOrder order, int envelopeKind, int extraFlags)
            throws SQLException {
        byte[] old;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
                var rs = c.createStatement().executeQuery("SELECT geom FROM waste_heaps WHERE fid = " + fid)) {
            rs.next();
            old = rs.getBytes(1);
        }
        byte[] wkb = Arrays.copyOfRange(old, GeoPackageBlob.read(old).wkbOffset(), old.length);
        setBlob(gpkg, fid, GeoPackageBlobTest.blob(order, envelopeKind, extraFlags, 4490, wkb));
    }

    private static void setBlob(Path gpkg, int fid, byte[] blob) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
                PreparedStatement ps = c.prepareStatement("UPDATE waste_heaps SET geom = ? WHERE fid = ?")) {
            ps.setBytes(1, blob);
            ps.setInt(2, fid);
            ps.executeUpdate();
        }
    }
}
