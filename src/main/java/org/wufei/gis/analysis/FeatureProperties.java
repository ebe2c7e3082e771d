package org.wufei.gis.analysis;

import java.util.Map;
import tools.jackson.core.JsonGenerator;

/** A result row's properties as a JSON object: the one writer of a job's stored result and of process answers. */
public final class FeatureProperties {
    private FeatureProperties() {
    }

    /**
     * Scalars written directly (as a map serializer would write them, without looking up a serializer for each key
     * and value: a fifth of the writing of a 35,000-row worklist); anything else as Jackson writes it.
     */
    public static void write(JsonGenerator g, Map<String, Object> properties) {
        g.writeStartObject();
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            g.writeName(e.getKey());
            Object v = e.getValue();
            if (v == null) {
                g.writeNull();
            } else if (v instanceof String text) {
                g.writeString(text);
            } else if (v instanceof Double d) {
                g.writeNumber(d);
            } else if (v instanceof Long l) {
                g.writeNumber(l);
            } else if (v instanceof Integer i) {
                g.writeNumber(i);
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else {
                g.writePOJO(v);
            }
        }
        g.writeEndObject();
    }
}
