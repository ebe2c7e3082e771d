package org.wufei.gis.export;

import java.util.Objects;

/**
 * One attribute column of an export: the property name features carry, the label shown when headers are asked
 * as labels (Chinese), and its value type.
 */
public record ExportField(String name, String label, Type type) {

    /** Value types; values are String, Long, Double, Boolean or Instant (written as ISO-8601 text). */
    public enum Type { STRING, INTEGER, NUMBER, BOOLEAN, TIMESTAMP }

    public ExportField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        label = label == null || label.isBlank() ? name : label;
    }
}
