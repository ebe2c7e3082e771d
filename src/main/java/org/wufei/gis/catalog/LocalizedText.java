package org.wufei.gis.catalog;

import java.util.Locale;

/** A text shown to people, Chinese first and English second. */
public record LocalizedText(String zh, String en) {

    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }
}
