package org.wufei.gis.crs;

/**
 * A coordinate reference system problem that a user can act on, with a stable code and bilingual messages.
 *
 * <p>The code is what the HTTP layers map to a problem type; the messages are shown to people, so each names the
 * input that was refused and what to send instead.
 */
public class CrsException extends RuntimeException {

    public static final String UNKNOWN = "crs_unknown";
    public static final String NOT_OFFERED = "crs_not_offered";
    public static final String PRJ_UNMATCHED = "crs_prj_unmatched";
    public static final String TRANSFORM_FAILED = "crs_transform_failed";

    private final String code;
    private final String messageZh;

    public CrsException(String code, String messageZh, String messageEn) {
        this(code, messageZh, messageEn, null);
    }

    public CrsException(String code, String messageZh, String messageEn, Throwable cause) {
        super(messageEn, cause);
        this.code = code;
        this.messageZh = messageZh;
    }

    public String code() {
        return code;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return getMessage();
    }

    static CrsException unknown(String input) {
        String shown = abbreviate(input);
        return new CrsException(UNKNOWN,
                "无法识别的坐标参考系：“" + shown + "”。请使用 EPSG 代码（如 EPSG:4490、EPSG:4546）、CRS84、GCJ-02 或 BD-09。",
                "Unknown coordinate reference system '" + shown
                        + "'. Use an EPSG code (e.g. EPSG:4490, EPSG:4546), CRS84, GCJ-02 or BD-09.");
    }

    static CrsException notOffered(String input, java.util.List<String> offered) {
        String shown = abbreviate(input);
        return new CrsException(NOT_OFFERED,
                "本服务不提供坐标参考系“" + shown + "”。可用：" + String.join("、", offered),
                "The coordinate reference system '" + shown + "' is not offered. Offered: "
                        + String.join(", ", offered));
    }

    static CrsException prjUnmatched() {
        return new CrsException(PRJ_UNMATCHED,
                "无法根据 .prj 文件确定坐标参考系。请在上传时用 crs 参数指明（如 EPSG:4546）。",
                "The .prj file does not match a supported coordinate reference system. "
                        + "Send the crs parameter with the upload (e.g. EPSG:4546).");
    }

    static CrsException transformFailed(String from, String to, Throwable cause) {
        return new CrsException(TRANSFORM_FAILED,
                "坐标从 " + from + " 转换到 " + to + " 失败，请检查坐标是否与所声明的坐标参考系一致。",
                "Coordinates could not be transformed from " + from + " to " + to
                        + "; check that they match the declared coordinate reference system.",
                cause);
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
