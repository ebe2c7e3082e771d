package org.wufei.gis.common;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/** The two languages the service speaks: Chinese first, English on request. */
public final class Locales {
    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(ZH, EN);

    private Locales() {
    }

    /** English only when the request asks for it first; anything else gets Chinese. */
    public static Locale of(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        String header = lang != null ? lang : request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return ZH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return best == null ? ZH : best;
        } catch (IllegalArgumentException e) {
            return ZH;
        }
    }
}
