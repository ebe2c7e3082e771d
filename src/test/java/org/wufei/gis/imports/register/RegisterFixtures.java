package org.wufei.gis.imports.register;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A district's 清单 as a bureau keeps it: rows of heaps with code, name, category, area, responsible party, status and
 * deadline, written as a GBK shapefile in CGCS2000 (by GDAL's ogr2ogr) or as an XLSX sheet with a WKT column (POI).
 */
final class RegisterFixtures {
    static final List<String> HEADER = List.of("编号", "名称", "类别", "面积", "责任主体", "状态", "整改时限", "无主");

    /** One row of the register around (lon, lat); values as the bureau writes them. */
    record Heap(String code, String name, String category, double area, String party, String status,
            String deadline, String ownerless, double lon, double lat) {

        String wkt() {
            double d = 0.0006;
            return String.format(Locale.ROOT, "POLYGON ((%.7f %.7f, %.7f %.7f, %.7f %.7f, %.7f %.7f, %.7f %.7f))",
                    lon, lat, lon + d, lat, lon + d, lat + d, lon, lat + d, lon, lat);
        }

        Object[] cells() {
            return new Object[] {code, name, category, area, party, status, deadline, ownerless};
        }
    }

    private RegisterFixtures() {
    }

    static byte[] xlsx(List<String> header, List<Object[]> rows, List<String> wkts) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("清单");
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            h.createCell(header.size()).setCellValue("WKT");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                Object[] cells = rows.get(r);
                for (int i = 0; i < cells.length; i++) {
                    if (cells[i] instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (cells[i] != null) {
                        row.createCell(i).setCellValue(cells[i].toString());
                    }
                }
                row.createCell(cells.length).setCellValue(wkts.get(r));
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    static byte[] xlsx(List<Heap> heaps) throws IOException {
        return xlsx(HEADER, heaps.stream().map(Heap::cells).toList(), heaps.stream().map(Heap::wkt).toList());
    }

    /** The heaps as a zipped shapefile, attributes in GBK with a .cpg, coordinates in CGCS2000 (EPSG:4490). */
    static byte[] shapefileZip(Path dir, String name, List<Heap> heaps) throws Exception {
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < heaps.size(); i++) {
            Heap h = heaps.get(i);
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"type\":\"Feature\",\"properties\":{\"编号\":\"%s\",\"名称\":\"%s\",\"类别\":\"%s\",\"面积\":%.1f,"
                            + "\"责任主体\":\"%s\",\"状态\":\"%s\",\"整改时限\":\"%s\",\"无主\":\"%s\"},"
                            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.7f,%.7f],[%.7f,%.7f],"
                            + "[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f]]]}}",
                    h.code(), h.name(), h.category(), h.area(), h.party(), h.status(),
                    h.deadline() == null ? "" : h.deadline(), h.ownerless(), h.lon(), h.lat(), h.lon() + 0.0006,
                    h.lat(), h.lon() + 0.0006, h.lat() + 0.0006, h.lon(), h.lat() + 0.0006, h.lon(), h.lat()));
        }
        json.append("]}");
        Path src = Files.writeString(dir.resolve(name + ".geojson"), json, StandardCharsets.UTF_8);
        Path shpDir = Files.createDirectories(dir.resolve(name + "-shp"));
        run("ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=GBK", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:4490",
                shpDir.resolve(name + ".shp").toString(), src.toString());
        Path zip = dir.resolve(name + ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
                Stream<Path> parts = Files.list(shpDir)) {
            for (Path p : parts.sorted().toList()) {
                z.putNextEntry(new ZipEntry(p.getFileName().toString()));
                z.write(Files.readAllBytes(p));
                z.closeEntry();
            }
        }
        return Files.readAllBytes(zip);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " timed out");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }
}
