package org.wufei.gis.catalog;

import org.wufei.gis.common.Texts;
import java.util.Locale;

/** A text shown to people, Chinese first and English second. */
public record LocalizedText(String zh, String en) {

    /** The i18n bundle message {@code key} in both languages (same arguments). */
    public static LocalizedText of(String key, Object... args) {
        return new LocalizedText(Texts.zh(key, args), Texts.en(key, args));
    }

    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }
}
