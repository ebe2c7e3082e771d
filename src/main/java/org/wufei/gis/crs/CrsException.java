package org.wufei.gis.crs;

/**
 * A coordinate reference system problem that a user can act on, with a stable code and a message key.
 *
 * <p>The code is what the HTTP layers map to a problem type. The texts are shown to people, so each names the input
 * that was refused and what to send instead; they live in the i18n bundles under {@link #key()} (crs depends on no
 * module, so callers render them, e.g. with {@code common.Texts}: {@code Texts.zh(e.key(), e.argsZh())}). The
 * arguments differ per language only in how a list is joined.
 */
public class CrsException extends RuntimeException {

    public static final String UNKNOWN = "crs_unknown";
    public static final String NOT_OFFERED = "crs_not_offered";
    public static final String PRJ_UNMATCHED = "crs_prj_unmatched";
    public static final String TRANSFORM_FAILED = "crs_transform_failed";

    private final String code;
    private final String key;
    private final transient Object[] argsZh;
    private final transient Object[] argsEn;

    public CrsException(String code, String key, Object[] argsZh, Object[] argsEn, Throwable cause) {
        super(code + " " + key + " " + java.util.Arrays.toString(argsEn), cause);
        this.code = code;
        this.key = key;
        this.argsZh = argsZh.clone();
        this.argsEn = argsEn.clone();
    }

    private CrsException(String code, String key, Throwable cause, Object... args) {
        this(code, key, args, args, cause);
    }

    public String code() {
        return code;
    }

    /** The i18n bundle key of the text the user sees. */
    public String key() {
        return key;
    }

    public Object[] argsZh() {
        return argsZh.clone();
    }

    public Object[] argsEn() {
        return argsEn.clone();
    }

    static CrsException unknown(String input) {
        return new CrsException(UNKNOWN, "crs.unknown", null, abbreviate(input));
    }

    static CrsException undefined(int epsg, Throwable cause) {
        return new CrsException(UNKNOWN, "crs.undefined", cause, String.valueOf(epsg));
    }

    static CrsException notOffered(String input, java.util.List<String> offered) {
        String shown = abbreviate(input);
        return new CrsException(NOT_OFFERED, "crs.not_offered", new Object[] {shown, String.join("、", offered)},
                new Object[] {shown, String.join(", ", offered)}, null);
    }

    static CrsException prjUnmatched() {
        return new CrsException(PRJ_UNMATCHED, "crs.prj_unmatched", null);
    }

    static CrsException transformFailed(String from, String to, Throwable cause) {
        return new CrsException(TRANSFORM_FAILED, "crs.transform_failed", cause, from, to);
    }

    // User input ends up in messages and logs: keep it short.
    private static String abbreviate(String input) {
        if (input == null) {
            return "";
        }
        String s = input.strip();
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
