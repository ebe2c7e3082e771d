package org.wufei.gis.sites;

import java.util.List;
import java.util.Map;

/**
 * One typed attribute of a kind, read from its definition file: its name (also its API and OGC property name and
 * its key in the site's attributes JSON), type, allowed codes with their labels, bounds, unit and labels.
 *
 * @param labels {"zh": …, "en": …}
 * @param codeLabels per allowed code, {"zh": …, "en": …}
 */
public record AttributeDef(String name, Type type, List<String> allowed, boolean required, Double min, Double max,
        int maxLength, String unit, Map<String, String> labels, Map<String, Map<String, String>> codeLabels) {

    /** The value types an attribute can have; STRING_LIST values are stored as codes joined by commas. */
    public enum Type { STRING, NUMBER, INTEGER, BOOLEAN, STRING_LIST }

    public AttributeDef {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        codeLabels = codeLabels == null ? Map.of() : Map.copyOf(codeLabels);
    }

    public boolean isEnumerated() {
        return !allowed.isEmpty();
    }
}
