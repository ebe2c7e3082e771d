package org.wufei.gis.imports.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wufei.gis.imports.read.Fixtures.assertOpenRefused;
import static org.wufei.gis.imports.read.Fixtures.assertRefused;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeZipTest {

    @TempDir
    Path tmp;

    @Test
    void dotDotEntriesAreZipSlip() {
        assertOpenRefused("zip-slip-dotdot.zip", "zip_slip");
    }

    @Test
    void absoluteEntriesAreZipSlip() {
        assertOpenRefused("zip-slip-absolute.zip", "zip_slip");
    }

    @Test
    void symlinkEntriesAreRefused() {
        assertOpenRefused("zip-with-symlink.zip", "zip_symlink");
    }

    @Test
    void nestedArchivesAreRefused() {
        assertOpenRefused("zip-nested-archive.zip", "zip_nested_archive");
    }

    @Test
    void renamedNestedArchiveIsRecognisedByItsBytes() throws IOException {
        Path zip = tmp.resolve("renamed.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("sites.shp"));
            out.write(new byte[] {'P', 'K', 3, 4, 0, 0});
        }
        assertRefused("zip_nested_archive", () -> SafeZip.extract(zip, ImportLimits.defaults()));
    }

    @Test
    void highRatioEntryIsAZipBombBeforeAnythingIsWritten() throws IOException {
        Path zip = tmp.resolve("zip-bomb-ratio.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("sites.shp"));
            writeZeros(out, 64L * 1024 * 1024);
        }
        assertThat(Files.size(zip)).isLessThan(200_000);
        assertOpenRefusedAt(zip, "zip_bomb");
    }

    @Test
    void manyEntriesAreAZipBomb() throws IOException {
        Path zip = tmp.resolve("zip-bomb-many-entries.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 1_001; i++) {
                out.putNextEntry(new ZipEntry("part" + i + ".shp"));
                out.write(0);
            }
        }
        assertOpenRefusedAt(zip, "zip_bomb");
    }

    @Test
    void totalSizeIsEnforcedWhileStreamingToo() throws IOException {
        Path zip = tmp.resolve("two-megabytes.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("a.shp"));
            writeZeros(out, 2L * 1024 * 1024);
        }
        ImportLimits small = new ImportLimits(1 << 20, 1 << 20, Long.MAX_VALUE, 10, 10, 10);
        assertRefused("zip_bomb", () -> SafeZip.extract(zip, small));
    }

    @Test
    void extractionGoesToAFreshFolderThatCloseRemoves() throws IOException {
        Path zip = tmp.resolve("ok.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("sub/doc.kml"));
            out.write("<kml/>".getBytes());
        }
        Path dir;
        try (SafeZip.Extracted extracted = SafeZip.extract(zip, ImportLimits.defaults())) {
            dir = extracted.dir();
            assertThat(extracted.files()).singleElement().satisfies(f -> assertThat(f).startsWith(dir).hasContent("<kml/>"));
        }
        assertThat(dir).doesNotExist();
    }

    private static void assertOpenRefusedAt(Path zip, String code) {
        assertRefused(code, () -> FeatureReaders.open(zip, ReadOptions.defaults()).close());
    }

    private static void writeZeros(OutputStream out, long bytes) throws IOException {
        byte[] zeros = new byte[1 << 16];
        for (long n = 0; n < bytes; n += zeros.length) {
            out.write(zeros);
        }
    }
}
