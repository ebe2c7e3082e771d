package org.wufei.gis.imports.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wufei.gis.imports.read.Fixtures.assertRefused;
import static org.wufei.gis.imports.read.Fixtures.path;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureReadersTest {

    @TempDir
    Path tmp;

    @Test
    void defaultsAreTheDocumentedOnes() {
        ImportLimits d = ImportLimits.defaults();
        assertThat(d.maxUploadBytes()).isEqualTo(100L * 1024 * 1024);
        assertThat(d.maxUncompressedBytes()).isEqualTo(1024L * 1024 * 1024);
        assertThat(d.maxCompressionRatio()).isEqualTo(100);
        assertThat(d.maxZipEntries()).isEqualTo(1_000);
        assertThat(d.maxFeatures()).isEqualTo(1_000_000);
        assertThat(new ReadOptions(null, null, null).limits()).isEqualTo(d);
    }

    @Test
    void uploadOverTheLimitIsTooLarge() {
        ImportLimits tiny = new ImportLimits(100, 1 << 20, 100, 10, 10, 100);
        assertRefused("upload_too_large", () -> FeatureReaders.open(path("geojson-legacy-crs-4490.geojson"),
                new ReadOptions(null, null, tiny)));
        try {
            FeatureReaders.open(path("geojson-legacy-crs-4490.geojson"), new ReadOptions(null, null, tiny));
        } catch (ImportException e) {
            assertThat(e.status()).isEqualTo(413);
        }
    }

    @Test
    void featuresBeyondTheCeilingStopTheRead() {
        ImportLimits one = new ImportLimits(1 << 20, 1 << 20, 100, 10, 1, 100);
        assertRefused("too_many_features", () -> Fixtures.readAll(path("csv-wkt-column.csv"),
                new ReadOptions(null, null, one)));
    }

    @Test
    void overlongStringIsAnErrorOfThatFeature() throws IOException {
        Path csv = Files.writeString(tmp.resolve("long.csv"), "lon,lat,note\n110.3,40.7," + "长".repeat(50) + "\n110.3,40.7,ok\n");
        ImportLimits short40 = new ImportLimits(1 << 20, 1 << 20, 100, 10, 10, 40);
        try (FeatureSource source = FeatureReaders.open(csv, new ReadOptions(null, null, short40))) {
            var it = source.iterator();
            assertRefused("attribute_too_long", it::next);
            assertThat(it.next().attributes()).containsEntry("note", "ok");
        }
    }

    @Test
    void zipWhoseHeadersUnderstateTheSizeIsCaughtWhileStreaming() throws IOException {
        Path zip = tmp.resolve("zip-bomb-lying-header.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("sites.shp"));
            out.write(new byte[512 * 1024]);
        }
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= bytes.length; i++) {
            int sig = buf.getInt(i);
            if (sig == 0x02014b50) {
                buf.putInt(i + 24, 100); // central directory: uncompressed size
            } else if (sig == 0x08074b50) {
                buf.putInt(i + 12, 100); // data descriptor: uncompressed size
            }
        }
        Files.write(zip, bytes);
        assertRefused("zip_bomb", () -> SafeZip.extract(zip, ImportLimits.defaults()));
    }
}
