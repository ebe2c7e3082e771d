package org.wufei.gis.imports.read.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.wufei.gis.imports.read.CrsHint;
import org.wufei.gis.imports.read.FeatureIterator;
import org.wufei.gis.imports.read.FeatureSource;
import org.wufei.gis.imports.read.ImportException;
import org.wufei.gis.imports.read.ReadOptions;
import org.wufei.gis.imports.read.SourceFeature;

/**
 * Reads points or WKT geometries from one sheet of an .xlsx (the first, or the one named as layer), header in
 * the first non-empty row, with POI's zip-bomb checks tightened to our limits.
 */
public final class XlsxFeatureSource implements FeatureSource {

    private final ReadOptions options;
    private final XSSFWorkbook workbook;
    private final Sheet sheet;
    private final CoordinateColumns columns;
    private final int headerRow;

    public XlsxFeatureSource(Path file, ReadOptions options) {
        this.options = options;
        // POI's checks are process-wide settings; setting them to the same limits every time is harmless.
        ZipSecureFile.setMinInflateRatio(1.0 / options.limits().maxCompressionRatio());
        ZipSecureFile.setMaxEntrySize(options.limits().maxUncompressedBytes());
        try {
            this.workbook = new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ));
        } catch (IOException | InvalidFormatException | RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("Zip bomb") || m.contains("zip bomb")) {
                throw ImportException.keyed(ImportException.ZIP_BOMB, null, "import.zip_bomb_xlsx").causedBy(e);
            }
            throw ImportException.unreadable("XLSX", e);
        }
        try {
            this.sheet = chooseSheet();
            Row header = null;
            int r = sheet.getFirstRowNum();
            for (; r >= 0 && r <= sheet.getLastRowNum(); r++) {
                header = sheet.getRow(r);
                if (header != null && header.getPhysicalNumberOfCells() > 0) {
                    break;
                }
            }
            this.headerRow = r;
            List<String> names = new ArrayList<>();
            DataFormatter formatter = new DataFormatter();
            if (header != null) {
                for (int c = 0; c < header.getLastCellNum(); c++) {
                    Cell cell = header.getCell(c);
                    names.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
            }
            this.columns = CoordinateColumns.resolve(names, sheet.getSheetName(), options.limits());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private Sheet chooseSheet() {
        if (options.layer() == null) {
            return workbook.getSheetAt(0);
        }
        Sheet s = workbook.getSheet(options.layer());
        if (s == null) {
            throw ImportException.keyed(ImportException.LAYER_NOT_FOUND, "layer", "import.sheet_missing", options.layer());
        }
        return s;
    }

    @Override
    public CrsHint crsHint() {
        return CrsHint.none();
    }

    @Override
    public OptionalLong estimatedCount() {
        return OptionalLong.of(Math.max(0, sheet.getLastRowNum() - headerRow));
    }

    @Override
    public Iterator<SourceFeature> iterator() {
        return new FeatureIterator(options.limits()) {
            private int r = headerRow;

            @Override
            protected SourceFeature readNext(long index) {
                while (++r <= sheet.getLastRowNum()) {
                    Row row = sheet.getRow(r);
                    if (row != null && row.getPhysicalNumberOfCells() > 0) {
                        return columns.toFeature(index, values(row));
                    }
                }
                return null;
            }
        };
    }

    private static List<Object> values(Row row) {
        List<Object> values = new ArrayList<>();
        for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
            values.add(value(row.getCell(c)));
        }
        return values;
    }

    /** Cell values keep their spreadsheet type: numbers, dates, booleans, text. */
    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    yield cell.getLocalDateTimeCellValue();
                }
                double d = cell.getNumericCellValue();
                yield d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
            }
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue();
            default -> null;
        };
    }

    @Override
    public void close() {
        try {
            // Opened read-only: revert, never write back to the upload.
            workbook.getPackage().revert();
            workbook.close();
        } catch (IOException | RuntimeException ignored) {
            // Nothing to lose on a read-only package.
        }
    }
}
