package org.wufei.gis.imports.read.geojson;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.wufei.gis.imports.read.CrsHint;
import org.wufei.gis.imports.read.ImportException;

/**
 * The root object's {@code type} and legacy {@code crs} members of a GeoJSON file, read without parsing the
 * features: the members before the {@code features} array are parsed, the array itself is jumped over byte-wise
 * ({@link JsonArrayEnd}), and the members after it (where a {@code crs} may follow) are parsed as an object of their
 * own. {@code type} is null when the root has none.
 */
record GeoJsonRoot(String type, CrsHint crsHint) {

    private static final Pattern EPSG_IN_NAME = Pattern.compile("EPSG:(?:[\\d.]*:)?(\\d+)$");

    static GeoJsonRoot read(Path file, JsonMapper mapper) throws IOException {
        String[] type = {null};
        JsonNode[] crs = {null};
        prescan(file, mapper, type, crs);
        return new GeoJsonRoot(type[0], crsHintOf(crs[0]));
    }

    /** The root's type and crs members, read without parsing the features in between. */
    private static void prescan(Path file, JsonMapper mapper, String[] type, JsonNode[] crs) throws IOException {
        long featuresAt;
        try (JsonParser p = mapper.createParser(file)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw ImportException.keyed(ImportException.FORMAT_UNRECOGNISED, null, "import.geojson_not_object");
            }
            featuresAt = members(p, mapper, type, crs);
            if (featuresAt < 0 || type[0] != null && crs[0] != null) {
                return;
            }
            if (p.currentTokenLocation().getByteOffset() < 0) { // not UTF-8: no byte offsets, so skip by parsing
                p.skipChildren();
                members(p, mapper, type, crs);
                return;
            }
        }
        long end = JsonArrayEnd.find(file, featuresAt);
        if (end < 0) {
            throw ImportException.keyed(ImportException.JSON_MALFORMED, null, "import.json_features_unended");
        }
        try (InputStream rest = afterFeatures(file, end)) {
            if (rest != null) {
                try (JsonParser p = mapper.createParser(rest)) {
                    p.nextToken();
                    members(p, mapper, type, crs);
                }
            }
        }
    }

    /**
     * Reads members of the object the parser is in until {@code features} (returning the byte offset of its array)
     * or the object's end (returning -1).
     */
    private static long members(JsonParser p, JsonMapper mapper, String[] type, JsonNode[] crs) {
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("type") && value == JsonToken.VALUE_STRING) {
                type[0] = p.getString();
            } else if (name.equals("crs") && value == JsonToken.START_OBJECT) {
                crs[0] = mapper.readTree(p);
            } else if (name.equals("features") && value == JsonToken.START_ARRAY) {
                return Math.max(0, p.currentTokenLocation().getByteOffset());
            } else {
                p.skipChildren();
            }
        }
        return -1;
    }

    /** The root object's members after the features array, as an object of their own; null if there are none. */
    private static InputStream afterFeatures(Path file, long offset) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        in.skipNBytes(offset);
        int b = in.read();
        while (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
            b = in.read();
        }
        if (b != ',') {
            in.close();
            return null;
        }
        return new SequenceInputStream(new ByteArrayInputStream(new byte[] {'{'}), in);
    }

    private static CrsHint crsHintOf(JsonNode crs) {
        if (crs == null) {
            return CrsHint.none();
        }
        String name = crs.path("properties").path("name").asString("");
        if (name.endsWith("CRS84")) {
            return new CrsHint(4326, null, CrsHint.GEOJSON_CRS);
        }
        Matcher m = EPSG_IN_NAME.matcher(name);
        return m.find() ? new CrsHint(Integer.valueOf(m.group(1)), null, CrsHint.GEOJSON_CRS) : CrsHint.none();
    }
}
