package org.wufei.gis.export;

import org.wufei.gis.common.Texts;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The file formats features are exported as: the value of {@code f}, the media type (also matched against
 * {@code Accept}), the file extension and, for text formats, the charset.
 */
public enum ExportFormat {
    GEOJSON("geojson-file", "application/geo+json", "geojson", null, null),
    GEOPACKAGE("gpkg", "application/geopackage+sqlite3", "gpkg", "GeoPackage", null),
    CSV("csv", "text/csv", "csv", null, "UTF-8"),
    CSV_GBK("csv-gbk", "text/csv", "csv", null, "GBK"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Excel (XLSX)", null),
    KML("kml", "application/vnd.google-earth.kml+xml", "kml", "KML", "UTF-8");

    private final String f;
    private final String mediaType;
    private final String extension;
    private final String title;
    private final String charset;

    ExportFormat(String f, String mediaType, String extension, String title, String charset) {
        this.f = f;
        this.mediaType = mediaType;
        this.extension = extension;
        this.title = title;
        this.charset = charset;
    }

    /** The value of the {@code f} parameter that asks for this format. */
    public String f() {
        return f;
    }

    /** The media type without parameters, as matched against {@code Accept}. */
    public String mediaType() {
        return mediaType;
    }

    /** The Content-Type sent, with its charset for text formats. */
    public String contentType() {
        return charset == null ? mediaType : mediaType + ";charset=" + charset;
    }

    public String extension() {
        return extension;
    }

    /** The title in both languages: the bundle's {@code export.format.<f>} unless the name needs no translating. */
    public String title() {
        return title != null ? title : Texts.bilingual("export.format." + f);
    }

    /** The text encoding of CSV and KML; null for binary formats and GeoJSON (always UTF-8). */
    public Charset charset() {
        return charset == null ? null : Charset.forName(charset);
    }

    /** Every {@code f} value an export answers to. */
    public static List<String> fValues() {
        return Arrays.stream(values()).map(ExportFormat::f).toList();
    }

    /** The format named by {@code f} (case-insensitive). */
    public static Optional<ExportFormat> byF(String f) {
        return Arrays.stream(values()).filter(x -> x.f.equalsIgnoreCase(f)).findFirst();
    }
}
