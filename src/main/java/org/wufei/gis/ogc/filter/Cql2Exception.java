package org.wufei.gis.ogc.filter;

import org.wufei.gis.common.Texts;

/**
 * A rejected filter, sortby or properties parameter, carrying a stable code and a message in Chinese and English.
 *
 * <p>The OGC layer maps every instance to a 400 problem+json; the code is what clients and tests match on.
 */
public final class Cql2Exception extends RuntimeException {

    public static final String SYNTAX = "filter_syntax";
    public static final String UNKNOWN_PROPERTY = "filter_unknown_property";
    public static final String TYPE_MISMATCH = "filter_type_mismatch";
    public static final String UNSUPPORTED = "filter_unsupported";
    public static final String CRS_UNSUPPORTED = "filter_crs_unsupported";
    /** Used by sortby and properties, which are not filters. */
    public static final String PARAM_UNKNOWN_PROPERTY = "unknown_property";

    private final String code;
    private final String messageZh;
    private final String messageEn;
    private final int position;

    public Cql2Exception(String code, String messageZh, String messageEn, int position) {
        super(code + ": " + messageEn);
        this.code = code;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
        this.position = position;
    }

    public Cql2Exception(String code, String messageZh, String messageEn) {
        this(code, messageZh, messageEn, -1);
    }

    static Cql2Exception syntax(int position, String zh, String en) {
        // Positions are 0-based internally; people count characters from 1.
        String where = position >= 0 ? " (" + (position + 1) + ")" : "";
        return new Cql2Exception(SYNTAX, Texts.zh("cql2.syntax", where, zh), Texts.en("cql2.syntax", where, en),
                position);
    }

    /** A syntax error whose detail is the i18n bundle message {@code key} (same arguments in both languages). */
    static Cql2Exception syntaxOf(int position, String key, Object... args) {
        return syntax(position, Texts.zh(key, args), Texts.en(key, args));
    }

    /** A refusal whose texts are the i18n bundle message {@code key}, the same arguments in both languages. */
    static Cql2Exception keyed(String code, String key, Object... args) {
        return new Cql2Exception(code, Texts.zh(key, args), Texts.en(key, args));
    }

    static Cql2Exception unknownProperty(String name) {
        return keyed(UNKNOWN_PROPERTY, "cql2.unknown_property", name);
    }

    static Cql2Exception typeMismatch(String property, String zh, String en) {
        return new Cql2Exception(TYPE_MISMATCH, Texts.zh("cql2.type_mismatch", property, zh),
                Texts.en("cql2.type_mismatch", property, en));
    }

    static Cql2Exception typeMismatchOf(String property, String key, Object... args) {
        return typeMismatch(property, Texts.zh(key, args), Texts.en(key, args));
    }

    static Cql2Exception unsupported(String zh, String en) {
        return new Cql2Exception(UNSUPPORTED, Texts.zh("cql2.unsupported", zh), Texts.en("cql2.unsupported", en));
    }

    /** An unsupported construct whose detail is the i18n bundle message {@code key}. */
    static Cql2Exception unsupportedOf(String key, Object... args) {
        return unsupported(Texts.zh(key, args), Texts.en(key, args));
    }

    public String code() {
        return code;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }

    /** 0-based character offset of a syntax error in cql2-text, or -1 when there is none. */
    public int position() {
        return position;
    }
}
