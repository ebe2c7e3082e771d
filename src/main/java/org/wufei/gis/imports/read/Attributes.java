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
            throw new ImportException(ImportException.ATTRIBUTE_TOO_LONG, name,
                    "属性 " + name + " 超过 " + limits.maxStringLength() + " 个字符。",
                    "Attribute " + name + " is longer than " + limits.maxStringLength() + " characters.");
        }
        values.put(name, value);
        return this;
    }

    public Map<String, Object> toMap() {
        return values;
    }
}
