package org.wufei.gis.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test files written by GDAL's ogr2ogr (gdal-bin), as a bureau's desktop GIS would write them. */
final class Ogr {
    private Ogr() {
    }

    /** A zipped shapefile of the GeoJSON's features, attributes in GBK (with .cpg), in the given EPSG CRS. */
    static byte[] shapefileZip(Path dir, String name, String geoJson, int epsg) throws Exception {
        Path src = Files.writeString(dir.resolve(name + ".geojson"), geoJson, StandardCharsets.UTF_8);
        Path shpDir = Files.createDirectories(dir.resolve(name + "-shp"));
        run("ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=GBK", "-t_srs", "EPSG:" + epsg,
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

    /** A GeoPackage of the GeoJSON's features in EPSG:4326. */
    static byte[] geoPackage(Path dir, String name, String geoJson) throws Exception {
        Path src = Files.writeString(dir.resolve(name + "-g.geojson"), geoJson, StandardCharsets.UTF_8);
        Path gpkg = dir.resolve(name + ".gpkg");
        run("ogr2ogr", "-f", "GPKG", gpkg.toString(), src.toString(), "-nln", name);
        return Files.readAllBytes(gpkg);
    }

    static void run(String... command) throws IOException, InterruptedException {
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
