package org.wufei.gis.imports.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Recognises an upload's format from its content (magic bytes, zip entry names, XML root, first JSON token),
 * never from its name, because uploaders rename files and a name proves nothing.
 */
public final class FormatDetector {

    private static final int HEAD_BYTES = 8192;
    // Skips the XML declaration, comments, processing instructions and a DOCTYPE to reach the root element's name.
    private static final Pattern XML_ROOT = Pattern.compile(
            "\\A(?:\\s|<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE(?:[^\\[>]|\\[.*?\\])*>)*<([A-Za-z_][\\w.:-]*)", Pattern.DOTALL);

    private FormatDetector() {
    }

    public static ImportFormat detect(Path file) {
        return detect(file, ImportLimits.defaults());
    }

    static ImportFormat detect(Path file, ImportLimits limits) {
        byte[] head = readHead(file);
        if (head.length == 0) {
            throw ImportException.keyed(ImportException.FILE_EMPTY, null, "import.file_empty");
        }
        if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
            return detectZip(file, limits);
        }
        if (startsWith(head, "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII))) {
            if (head.length >= 72 && isGpkgApplicationId(head)) {
                return ImportFormat.GEOPACKAGE;
            }
            throw unrecognised("SQLite database that is not a GeoPackage");
        }
        if (startsWith(head, 'I', 'I', 42, 0) || startsWith(head, 'M', 'M', 0, 42)
                || startsWith(head, 'I', 'I', 43, 0) || startsWith(head, 'M', 'M', 0, 43)) {
            return ImportFormat.GEOTIFF;
        }
        if (!looksLikeText(head)) {
            throw unrecognised("binary content");
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.startsWith("\u00ef\u00bb\u00bf")) {
            text = text.substring(3);
        }
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return ImportFormat.GEOJSON;
        }
        if (trimmed.startsWith("<")) {
            Matcher m = XML_ROOT.matcher(trimmed);
            String root = m.find() ? m.group(1) : "";
            String local = root.substring(root.indexOf(':') + 1);
            if (local.equals("kml")) {
                return ImportFormat.KML;
            }
            throw unrecognised("XML root <" + root + ">");
        }
        if (trimmed.isEmpty()) {
            throw ImportException.keyed(ImportException.FILE_EMPTY, null, "import.file_blank");
        }
        return ImportFormat.CSV;
    }

    private static ImportFormat detectZip(Path file, ImportLimits limits) {
        try (ZipFile zf = ZipFile.builder().setPath(file).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zf.getEntries());
            boolean xlsx = false;
            boolean kml = false;
            boolean shp = false;
            for (ZipArchiveEntry e : entries) {
                String name = e.getName().toLowerCase(Locale.ROOT);
                xlsx |= name.equals("xl/workbook.xml");
                kml |= name.endsWith(".kml");
                shp |= name.endsWith(".shp");
            }
            if (xlsx) {
                return ImportFormat.XLSX;
            }
            if (shp) {
                return ImportFormat.SHAPEFILE_ZIP;
            }
            if (kml) {
                return ImportFormat.KMZ;
            }
            // Archives with anything else are still zips: let the archive checks speak first (bomb, slip, nesting).
            SafeZip.inspect(file, limits);
            throw unrecognised("zip without .shp, .kml or spreadsheet");
        } catch (IOException e) {
            throw unrecognised("damaged zip");
        }
    }

    private static boolean isGpkgApplicationId(byte[] head) {
        String id = new String(head, 68, 4, StandardCharsets.US_ASCII);
        return id.equals("GPKG") || id.equals("GP10") || id.equals("GP11");
    }

    /** Text has no NUL and few control characters; GBK and UTF-8 both pass, PNG and other binaries do not. */
    private static boolean looksLikeText(byte[] head) {
        int control = 0;
        for (byte b : head) {
            int c = b & 0xff;
            if (c == 0) {
                return false;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        return control * 100 < head.length;
    }

    private static byte[] readHead(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw ImportException.unreadable("head", e);
        }
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != (magic[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        int[] m = new int[magic.length];
        for (int i = 0; i < magic.length; i++) {
            m[i] = magic[i];
        }
        return startsWith(head, m);
    }

    private static ImportException unrecognised(String what) {
        return ImportException.keyed(ImportException.FORMAT_UNRECOGNISED, null, "import.format_unrecognised", what);
    }
}
