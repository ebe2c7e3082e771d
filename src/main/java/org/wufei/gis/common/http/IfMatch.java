package org.wufei.gis.common.http;

import org.springframework.http.HttpStatus;
import org.wufei.gis.common.ApiException;

/** Reads the site version a client saw from If-Match ("3", W/"3" or 3); a change without it is refused 428. */
public final class IfMatch {
    private IfMatch() {
    }

    public static long version(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "if_match_required", "If-Match");
        }
        String v = header.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED, "version_stale", "If-Match", header, "?");
        }
    }
}
