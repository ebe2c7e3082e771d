package org.wufei.gis.common.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Entity tags made from content, and If-None-Match read with the weak comparison RFC 9110 asks for. */
public final class ETags {
    private ETags() {
    }

    /** A strong tag: the first 12 bytes of the body's SHA-256, hex, quoted. */
    public static String of(byte[] body) {
        return of(body, body.length, body.length);
    }

    /** The same, over the body without the bytes from {@code skipFrom} to {@code skipTo} (a part that is not data). */
    public static String of(byte[] body, int skipFrom, int skipTo) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(body, 0, skipFrom);
            sha.update(body, skipTo, body.length - skipTo);
            return "\"" + HexFormat.of().formatHex(sha.digest(), 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first of the given tags (nulls skipped) that If-None-Match names, weakly compared; null when none does. */
    public static String firstMatch(String ifNoneMatch, String... etags) {
        if (ifNoneMatch == null) {
            return null;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = opaque(candidate.strip());
            for (String etag : etags) {
                if (etag != null && (c.equals("*") || c.equals(opaque(etag)))) {
                    return etag;
                }
            }
        }
        return null;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
