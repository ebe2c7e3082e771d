package org.wufei.gis.analysis;

import java.util.List;
import java.util.Map;
import org.wufei.gis.catalog.LocalizedText;

/**
 * What a process is and takes: its id, titles, inputs with JSON schemas, and the schema of its one output
 * ({@code result}).
 *
 * @param quick whether it normally answers within a second (executed synchronously unless asked otherwise)
 */
public record ProcessDescription(String id, String version, LocalizedText title, LocalizedText description,
        List<Input> inputs, Map<String, Object> outputSchema, boolean quick) {

    public ProcessDescription {
        inputs = List.copyOf(inputs);
    }

    /** One input: its name, title, JSON schema and whether it must be given. */
    public record Input(String name, LocalizedText title, Map<String, Object> schema, boolean required) {
    }

    public boolean accepts(String inputName) {
        return inputs.stream().anyMatch(i -> i.name().equals(inputName));
    }
}
