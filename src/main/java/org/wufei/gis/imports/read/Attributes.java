package org.wufei.gis.imports.read;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a feature's attribute map while enforcing the string length ceiling, the same way for every format. */
public final class Attributes {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final ImportLimits limits;

    public Attributes(ImportLimits limits) {
        this.limits = limits;
    }

    public Attributes put(String name, Object value) {
        if (value instanceof CharSequence s && s.length() > limits.maxStringLength()) {
            throw ImportException.keyed(ImportException.ATTRIBUTE_TOO_LONG, name, "import.attribute_too_long", name,
                    limits.maxStringLength());
        }
        values.put(name, value);
        return this;
    }

    public Map<String, Object> toMap() {
        return values;
    }
}
