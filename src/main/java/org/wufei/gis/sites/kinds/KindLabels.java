package org.wufei.gis.sites.kinds;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.wufei.gis.common.LabelSource;
import org.wufei.gis.sites.AttributeDef;
import org.wufei.gis.sites.KindRegistry;
import org.wufei.gis.sites.SiteKind;

/** The labels of the kind definitions (kind, status, attribute, code, evidence), behind the i18n bundles. */
@Component
class KindLabels implements LabelSource {
    private final KindRegistry kinds;

    KindLabels(KindRegistry kinds) {
        this.kinds = kinds;
    }

    @Override
    public String label(String key, Locale locale) {
        String lang = "en".equals(locale.getLanguage()) ? "en" : "zh";
        String[] p = key.split("\\.");
        for (SiteKind k : kinds.all()) {
            Map<String, String> l = switch (p[0]) {
                case "kind" -> p.length == 2 && p[1].equals(k.id()) ? k.labels() : null;
                case "status" -> p.length == 3 && p[1].equals(k.id()) ? k.statusLabels().get(p[2]) : null;
                case "evidence" -> p.length == 2 ? k.evidence().get(p[1]) : null;
                case "attr" -> p.length == 2 ? k.attribute(p[1]).map(AttributeDef::labels).orElse(null) : null;
                case "enum" -> p.length == 3
                        ? k.attribute(p[1]).map(a -> a.codeLabels().get(p[2])).orElse(null) : null;
                default -> null;
            };
            if (l != null && l.get(lang) != null) {
                return l.get(lang);
            }
        }
        return null;
    }
}
