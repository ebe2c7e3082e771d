package org.wufei.gis.imports.read;

import org.wufei.gis.common.Texts;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A refused or unreadable upload, with a stable machine code, bilingual messages and the HTTP status it maps to.
 */
public class ImportException extends RuntimeException {

    public static final String FORMAT_UNRECOGNISED = "format_unrecognised";
    public static final String FILE_EMPTY = "file_empty";
    public static final String FILE_UNREADABLE = "file_unreadable";
    public static final String UPLOAD_TOO_LARGE = "upload_too_large";
    public static final String TOO_MANY_FEATURES = "too_many_features";
    public static final String ATTRIBUTE_TOO_LONG = "attribute_too_long";
    public static final String ZIP_BOMB = "zip_bomb";
    public static final String ZIP_SLIP = "zip_slip";
    public static final String ZIP_SYMLINK = "zip_symlink";
    public static final String ZIP_NESTED_ARCHIVE = "zip_nested_archive";
    public static final String ZIP_NO_CONTENT = "zip_no_content";
    public static final String SHAPEFILE_INCOMPLETE = "shapefile_incomplete";
    public static final String XML_ENTITY_REFUSED = "xml_entity_refused";
    public static final String XML_MALFORMED = "xml_malformed";
    public static final String JSON_MALFORMED = "json_malformed";
    public static final String GEOMETRY_INVALID = "geometry_invalid";
    public static final String COORDINATE_NOT_NUMBER = "coordinate_not_number";
    public static final String CSV_NO_COORDINATES = "csv_no_coordinates";
    public static final String LAYER_NOT_FOUND = "layer_not_found";

    // 413 for sizes the client must shrink, 415 for formats we do not take, 422 for content we understood but refuse.
    private static final Map<String, Integer> STATUS = Map.ofEntries(
            Map.entry(FORMAT_UNRECOGNISED, 415),
            Map.entry(UPLOAD_TOO_LARGE, 413),
            Map.entry(TOO_MANY_FEATURES, 413),
            Map.entry(ZIP_BOMB, 413),
            Map.entry(FILE_EMPTY, 400),
            Map.entry(LAYER_NOT_FOUND, 400));

    private final String code;
    private final String field;
    private final String messageZh;
    private final String messageEn;
    private final Long featureIndex;

    public ImportException(String code, String field, String messageZh, String messageEn) {
        this(code, field, messageZh, messageEn, null, null);
    }

    public ImportException(String code, String field, String messageZh, String messageEn, Long featureIndex,
                           Throwable cause) {
        super(code + ": " + messageEn, cause);
        this.code = code;
        this.field = field;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
        this.featureIndex = featureIndex;
    }

    public static ImportException of(String code, String messageZh, String messageEn) {
        return new ImportException(code, null, messageZh, messageEn);
    }

    /** A file that could not be read at all; keeps the cause for the log, never shows it to the user. */
    public static ImportException unreadable(String what, Throwable cause) {
        return new ImportException(FILE_UNREADABLE, null, Texts.zh("import.file_unreadable", what),
                Texts.en("import.file_unreadable", what), null, cause);
    }

    /** The same error tied to one feature, so the caller can report it and continue. */
    public ImportException atFeature(long index) {
        return new ImportException(code, field, Texts.zh("import.at_feature", index, messageZh),
                Texts.en("import.at_feature", index, messageEn), index, getCause());
    }

    /** A refusal whose texts are the i18n bundle message {@code key}, the same arguments in both languages. */
    public static ImportException keyed(String code, String field, String key, Object... args) {
        return new ImportException(code, field, Texts.zh(key, args), Texts.en(key, args));
    }

    /** The same refusal with the exception that caused it (for the log, never shown). */
    public ImportException causedBy(Throwable cause) {
        return new ImportException(code, field, messageZh, messageEn, featureIndex, cause);
    }

    public String code() {
        return code;
    }

    /** The offending field or attribute path, or null when the whole file is at fault. */
    public String field() {
        return field;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }

    /** 400, 413, 415 or 422. */
    public int status() {
        return STATUS.getOrDefault(code, 422);
    }

    /** The 1-based feature the error belongs to, when it concerns a single feature. */
    public OptionalLong featureIndex() {
        return featureIndex == null ? OptionalLong.empty() : OptionalLong.of(featureIndex);
    }
}
