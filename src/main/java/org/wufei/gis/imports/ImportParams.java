package org.wufei.gis.imports;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import org.wufei.gis.common.ApiException;

/** Parses the form fields of {@code POST /api/imports} once; unknown fields and bad values are 400s. */
final class ImportParams {
    static final Set<String> SOURCES = Set.of("satellite", "drone", "inspection", "manual");
    private static final Set<String> KNOWN = Set.of("source", "crs", "acquired", "encoding", "layer", "strict", "lang");

    private ImportParams() {
    }

    static ImportRequest parse(Map<String, String> form, String fileName) {
        for (String name : form.keySet()) {
            if (!KNOWN.contains(name)) {
                throw ApiException.badRequest("parameter_unknown", name, name);
            }
        }
        String source = blankToNull(form.get("source"));
        if (source == null) {
            throw ApiException.badRequest("parameter_missing", "source", "source");
        }
        if (!SOURCES.contains(source)) {
            throw ApiException.badRequest("import_source_invalid", "source", source);
        }
        return new ImportRequest(fileNameOf(fileName), source, blankToNull(form.get("crs")),
                acquired(form.get("acquired")), encoding(form.get("encoding")), blankToNull(form.get("layer")),
                strict(form.get("strict")));
    }

    static String fileNameOf(String name) {
        if (name == null || name.isBlank()) {
            return "upload";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return base.length() > 255 ? base.substring(0, 255) : base;
    }

    private static LocalDate acquired(String v) {
        if (blankToNull(v) == null) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("parameter_invalid", "acquired", "acquired");
        }
    }

    private static String encoding(String v) {
        if (blankToNull(v) == null) {
            return null;
        }
        try {
            return Charset.forName(v.strip()).name();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("import_encoding_unknown", "encoding", v.strip());
        }
    }

    private static boolean strict(String v) {
        if (blankToNull(v) == null || v.strip().equals("false")) {
            return false;
        }
        if (v.strip().equals("true")) {
            return true;
        }
        throw ApiException.badRequest("parameter_invalid", "strict", "strict");
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
