package org.wufei.gis.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Chinese and English labels for codes (kinds, statuses, attributes), from the i18n bundles. */
@Component
public class Labels {
    private final MessageSource messages;
    private final List<LabelSource> sources;

    public Labels(MessageSource messages) {
        this(messages, List.of());
    }

    @Autowired
    public Labels(MessageSource messages, List<LabelSource> sources) {
        this.messages = messages;
        this.sources = List.copyOf(sources);
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
        for (String key : keys) {
            for (LabelSource source : sources) {
                String v = source.label(key, locale);
                if (v != null) {
                    return v;
                }
            }
        }
        return code;
    }
}
