package org.wufei.gis.imports.read.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.wufei.gis.imports.read.CrsHint;
import org.wufei.gis.imports.read.FeatureIterator;
import org.wufei.gis.imports.read.FeatureSource;
import org.wufei.gis.imports.read.ImportException;
import org.wufei.gis.imports.read.ReadOptions;
import org.wufei.gis.imports.read.SourceFeature;
import org.wufei.gis.imports.read.TextEncodings;
import org.wufei.gis.imports.read.geojson.GeoJsonFeatureSource;

/**
 * Streams a CSV of points (lon/lat columns) or geometries (a WKT column), detecting encoding and delimiter,
 * because spreadsheets exported in China are often GBK and semicolon- or tab-separated.
 */
public final class CsvFeatureSource implements FeatureSource {

    private static final int SAMPLE_BYTES = 64 * 1024;

    private final ReadOptions options;
    private final CSVParser parser;
    private final CoordinateColumns columns;

    public CsvFeatureSource(Path file, ReadOptions options) {
        this.options = options;
        try {
            byte[] sample;
            try (InputStream in = Files.newInputStream(file)) {
                sample = in.readNBytes(SAMPLE_BYTES);
            }
            boolean bom = sample.length >= 3 && (sample[0] & 0xff) == 0xEF && (sample[1] & 0xff) == 0xBB
                    && (sample[2] & 0xff) == 0xBF;
            Charset charset = bom ? StandardCharsets.UTF_8
                    : options.encoding() != null ? options.encoding() : TextEncodings.detect(sample, sample.length);
            char delimiter = delimiter(new String(sample, charset));
            InputStream in = Files.newInputStream(file);
            if (bom) {
                in.skipNBytes(3);
            }
            Reader reader = new InputStreamReader(in, charset);
            this.parser = CSVFormat.DEFAULT.builder()
                    .setDelimiter(delimiter)
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .setAllowMissingColumnNames(true)
                    .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                    .get()
                    .parse(reader);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw ImportException.unreadable("CSV", e);
        }
        try {
            this.columns = CoordinateColumns.resolve(parser.getHeaderNames(), GeoJsonFeatureSource.baseName(file),
                    options.limits());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The candidate that occurs most often on the header line wins; comma when none does. */
    static char delimiter(String sample) {
        int end = sample.indexOf('\n');
        String headerLine = end < 0 ? sample : sample.substring(0, end);
        char best = ',';
        long bestCount = 0;
        for (char c : new char[] {',', ';', '\t'}) {
            long count = headerLine.chars().filter(ch -> ch == c).count();
            if (count > bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return best;
    }

    @Override
    public CrsHint crsHint() {
        return CrsHint.none();
    }

    @Override
    public OptionalLong estimatedCount() {
        return OptionalLong.empty();
    }

    @Override
    public Iterator<SourceFeature> iterator() {
        Iterator<CSVRecord> records = parser.iterator();
        return new FeatureIterator(options.limits()) {
            @Override
            protected SourceFeature readNext(long index) {
                try {
                    if (!records.hasNext()) {
                        return null;
                    }
                    List<Object> values = new ArrayList<>(records.next().toList());
                    return columns.toFeature(index, values);
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw ImportException.unreadable("CSV line " + parser.getCurrentLineNumber(), e);
                }
            }
        };
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // Read-only input: nothing to lose.
        }
    }
}
