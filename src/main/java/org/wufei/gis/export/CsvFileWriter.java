package org.wufei.gis.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.locationtech.jts.geom.Geometry;
import org.wufei.gis.catalog.FeatureRow;

/**
 * CSV for Excel: UTF-8 with a byte-order mark (Excel needs it to read UTF-8), or GBK for older Excel; CRLF line
 * ends. Characters GBK cannot encode become '?'. Text that would start a formula is defused (see {@link #defused}).
 */
final class CsvFileWriter extends FeatureFileWriter {
    private final TabularRows rows;
    private final Writer writer;
    private final CSVPrinter csv;

    CsvFileWriter(ExportLayer layer, OutputStream out, UnaryOperator<Geometry> toOutputCrs, Charset charset)
            throws IOException {
        super(layer, out, toOutputCrs);
        this.rows = new TabularRows(layer);
        this.writer = new BufferedWriter(new OutputStreamWriter(out, charset), 64 * 1024);
        if (charset.equals(StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
        }
        this.csv = new CSVPrinter(writer, CSVFormat.EXCEL);
        csv.printRecord(rows.header(this::header));
    }

    @Override
    public void add(FeatureRow f) throws IOException {
        List<Object> cells = new ArrayList<>();
        for (Object v : rows.values(f)) {
            cells.add(v instanceof String s ? defused(s) : text(v));
        }
        for (Object v : rows.geometry(f, toOutputCrs)) {
            cells.add(text(v));
        }
        csv.printRecord(cells);
    }

    /**
     * Text Excel would run as a formula (=, +, -, @, tab or CR first: OWASP's CSV injection) gets a leading
     * apostrophe, which Excel shows as plain text; numbers are written as numbers and are never touched.
     */
    static String defused(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }

    @Override
    void finish() throws IOException {
        csv.flush();
        writer.flush();
    }
}
