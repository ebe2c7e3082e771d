package org.wufei.gis.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.junit.jupiter.api.Test;
import org.wufei.gis.catalog.FeatureRow;
import org.wufei.gis.crs.CrsRegistry;

/** Formats without a server: rows leave as they come, nothing is left behind, process results fit in. */
class FeatureStreamWriterTest {
    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);
    private static final ExportLayer LAYER = new ExportLayer("result", "结果", "Point", List.of(
            new ExportField("name", "名称", ExportField.Type.STRING),
            new ExportField("distance_m", "距离（米）", ExportField.Type.NUMBER)), null, ExportLayer.Headers.LABELS,
            null);

    private final FeatureStreamWriter writer = new FeatureStreamWriter(new CrsRegistry());

    static FeatureRow feature(long i) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "村庄" + i);
        p.put("distance_m", i * 1.5);
        return new FeatureRow(i, p, GEOMETRY.createPoint(new Coordinate(110.2 + i * 1e-6, 40.7)), null);
    }

    /** Counts bytes only: a million features never sit in a buffer of the test either. */
    static final class CountingStream extends OutputStream {
        final AtomicLong bytes = new AtomicLong();

        @Override
        public void write(int b) {
            bytes.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.addAndGet(len);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"CSV", "CSV_GBK", "GEOJSON", "KML"})
    void textFormatsWriteRowsWhileTheyAreStillBeingRead(ExportFormat format) throws IOException {
        CountingStream out = new CountingStream();
        AtomicLong seenMidway = new AtomicLong();
        int n = 50_000;
        writer.write(format, LAYER, out, sink -> {
            for (long i = 1; i <= n; i++) {
                sink.add(feature(i));
                if (i == n / 2) {
                    seenMidway.set(out.bytes.get());
                }
            }
        });
        // half the rows read: most of their bytes are already out (only the writer's 64 KiB buffer is held back)
        assertThat(seenMidway.get()).isGreaterThan(out.bytes.get() / 2 - 128 * 1024);
    }

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"GEOPACKAGE", "XLSX"})
    void fileFormatsLeaveNoTemporaryFileBehindEvenWhenTheProducerFails(ExportFormat format) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = exportFiles(tmp);
        assertThatThrownBy(() -> writer.write(format, LAYER, new ByteArrayOutputStream(), sink -> {
            sink.add(feature(1));
            throw new IOException("database went away");
        })).hasMessageContaining("database went away");
        ByteArrayOutputStream ok = new ByteArrayOutputStream();
        writer.write(format, LAYER, ok, FeatureProducer.of(List.of(feature(1), feature(2))));
        assertThat(ok.size()).isPositive();
        assertThat(exportFiles(tmp)).isEqualTo(before);
    }

    private static long exportFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("export-")
                    || f.getFileName().toString().startsWith("poi-sxssf")).count();
        }
    }

    @Test
    void aProcessResultIsExportedFromAList() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(ExportFormat.CSV, LAYER, out, FeatureProducer.of(List.of(feature(1), feature(2))));
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF名称,距离（米）,经度,纬度\r\n村庄1,1.5,110.200001,40.7\r\n");
    }

    @Test
    void csvCellsThatExcelWouldRunAsFormulasAreQuoted() throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "=HYPERLINK(\"http://evil\")");
        p.put("distance_m", null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(ExportFormat.CSV, LAYER, out, FeatureProducer.of(List.of(new FeatureRow(1, p, null, null))));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    }
}
