package org.wufei.gis.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.locationtech.jts.geom.Geometry;
import org.wufei.gis.catalog.FeatureRow;

/**
 * XLSX through POI's streaming SXSSF: at most {@link #WINDOW} rows are in memory, older ones go to a temporary
 * file that is zipped into the response at the end (and deleted). An XLSX sheet holds at most 1,048,575 data rows.
 */
final class XlsxFileWriter extends FeatureFileWriter {
    static final int WINDOW = 200;
    /** Excel's row limit less the header row. */
    static final int MAX_ROWS = 1_048_575;

    private final TabularRows rows;
    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private int next = 1;

    XlsxFileWriter(ExportLayer layer, OutputStream out, UnaryOperator<Geometry> toOutputCrs) {
        super(layer, out, toOutputCrs);
        this.rows = new TabularRows(layer);
        this.workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        this.sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(layer.name()));
        writeHeader(workbook, sheet, rows.header(this::header));
    }

    /** A bold, frozen header row. */
    static void writeHeader(SXSSFWorkbook workbook, SXSSFSheet sheet, List<String> header) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        Row row = sheet.createRow(0);
        for (int i = 0; i < header.size(); i++) {
            var cell = row.createCell(i);
            cell.setCellValue(header.get(i));
            cell.setCellStyle(style);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void add(FeatureRow f) throws IOException {
        if (next > MAX_ROWS) {
            throw new IOException("XLSX holds at most " + MAX_ROWS + " rows; export as CSV or GeoPackage");
        }
        Row row = sheet.createRow(next++);
        int col = 0;
        for (Object v : rows.values(f)) {
            cell(row, col++, v);
        }
        for (Object v : rows.geometry(f, toOutputCrs)) {
            cell(row, col++, v);
        }
    }

    /** A typed cell: numbers stay numbers (Excel can sum them), everything else text; null leaves it empty. */
    static void cell(Row row, int col, Object v) {
        if (v == null) {
            return;
        }
        var cell = row.createCell(col);
        if (v instanceof Long l) {
            cell.setCellValue(l);
        } else if (v instanceof Double d) {
            cell.setCellValue(d);
        } else if (v instanceof Integer i) {
            cell.setCellValue(i);
        } else if (v instanceof Boolean b) {
            cell.setCellValue(b);
        } else {
            String s = text(v);
            // Excel refuses cells over 32,767 characters (a long WKT); such a cell is cut, not the file.
            cell.setCellValue(s.length() > 32_767 ? s.substring(0, 32_767) : s);
        }
    }

    @Override
    void finish() throws IOException {
        try {
            workbook.write(out);
            out.flush();
        } finally {
            abort();
        }
    }

    @Override
    void abort() {
        try {
            workbook.dispose();
            workbook.close();
        } catch (IOException ignored) {
            // closing only releases the temporary file; there is nothing left to report
        }
    }
}
