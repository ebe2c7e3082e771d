package org.wufei.gis.common;

import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.wufei.gis.crs.CrsException;

/**
 * The i18n bundles ({@code i18n/messages*.properties}) for code that runs outside a request and outside Spring:
 * file readers, CRS and CQL2 parsers that build their bilingual refusals before any locale is known. Same bundles,
 * same settings (UTF-8, no system-locale fallback, MessageFormat only with arguments) as the application's
 * {@link org.springframework.context.MessageSource}; inside beans use {@link Labels} or {@link Problems}.
 */
public final class Texts {
    private static final ResourceBundleMessageSource BUNDLES = new ResourceBundleMessageSource();

    static {
        BUNDLES.setBasename("i18n/messages");
        BUNDLES.setDefaultEncoding("UTF-8");
        BUNDLES.setFallbackToSystemLocale(false);
    }

    private Texts() {
    }

    /** The Chinese text of {@code key} with its arguments; the key itself when the bundle lacks it. */
    public static String zh(String key, Object... args) {
        return text(Locales.ZH, key, args);
    }

    /** The English text of {@code key} with its arguments; the key itself when the bundle lacks it. */
    public static String en(String key, Object... args) {
        return text(Locales.EN, key, args);
    }

    /** "Chinese / English" of {@code key}, the form of titles that carry both languages at once. */
    public static String bilingual(String key, Object... args) {
        return zh(key, args) + " / " + en(key, args);
    }

    /** The Chinese text of a CRS refusal (crs knows its keys, not the bundles). */
    public static String zh(CrsException e) {
        return zh(e.key(), e.argsZh());
    }

    /** The English text of a CRS refusal. */
    public static String en(CrsException e) {
        return en(e.key(), e.argsEn());
    }

    public static String text(Locale locale, String key, Object... args) {
        return BUNDLES.getMessage(key, plain(args), key, locale);
    }

    // Numbers as the caller wrote them (MessageFormat would print 987654321 as 987,654,321), as Problems does.
    private static Object[] plain(Object[] args) {
        if (args == null || args.length == 0) {
            return null;
        }
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Number n) {
                out[i] = n instanceof Double || n instanceof Float ? String.valueOf(n.doubleValue()) : n.toString();
            }
        }
        return out;
    }
}
