package org.wufei.gis.crs;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the spellings of a coordinate reference system that users and OGC clients send. */
final class SourceCrsParser {

    private static final Pattern EPSG_FORMS = Pattern.compile(
            "(?:epsg:{1,2}|urn:ogc:def:crs:epsg:[0-9.]*:|https?://www\\.opengis\\.net/def/crs/epsg/[0-9.]+/)?([0-9]{4,6})");
    private static final Pattern CRS84_FORMS = Pattern.compile(
            "(?:urn:ogc:def:crs:ogc:1\\.3:|https?://www\\.opengis\\.net/def/crs/ogc/1\\.3/|ogc:)?crs:?84");

    private SourceCrsParser() {
    }

    static SourceCrs parse(String text) {
        if (text == null || text.isBlank() || text.length() > 200) {
            throw CrsException.unknown(text);
        }
        String s = text.strip().toLowerCase(Locale.ROOT);
        String compact = s.replace("-", "").replace("_", "");
        if (compact.equals("gcj02")) {
            return SourceCrs.GCJ02;
        }
        if (compact.equals("bd09") || compact.equals("bd09ll")) {
            return SourceCrs.BD09;
        }
        if (CRS84_FORMS.matcher(s).matches()) {
            return SourceCrs.CRS84;
        }
        Matcher m = EPSG_FORMS.matcher(s);
        if (m.matches()) {
            int code = Integer.parseInt(m.group(1));
            if (EpsgCatalogue.isSupported(code)) {
                return new SourceCrs.Epsg(code);
            }
        }
        throw CrsException.unknown(text);
    }
}
