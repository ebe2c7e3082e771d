package org.wufei.gis.common;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Chinese and English labels for codes (kinds, statuses, attributes), from the i18n bundles. */
@Component
public class Labels {
    private final MessageSource messages;

    public Labels(MessageSource messages) {
        this.messages = messages;
    }

    /** {"zh": …, "en": …} for the first key that has a label; the code itself when none has. */
    public Map<String, String> of(String code, String... keys) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("zh", find(Locales.ZH, code, keys));
        out.put("en", find(Locales.EN, code, keys));
        return out;
    }

    /** {"zh": …, "en": …} of one message with each language's arguments ({0}, {1}, …); the key when none. */
    public Map<String, String> format(String key, Object[] zhArgs, Object[] enArgs) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("zh", messages.getMessage(key, zhArgs, key, Locales.ZH));
        out.put("en", messages.getMessage(key, enArgs, key, Locales.EN));
        return out;
    }

    private String find(java.util.Locale locale, String code, String... keys) {
        for (String key : keys) {
            String v = messages.getMessage(key, null, null, locale);
            if (v != null) {
                return v;
            }
        }
        return code;
    }
}
