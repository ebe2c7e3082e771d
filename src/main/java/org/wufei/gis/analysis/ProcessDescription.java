package org.wufei.gis.analysis;

import java.util.List;
import java.util.Map;
import org.wufei.gis.catalog.LocalizedText;

/**
 * What a process is and takes: its id, titles, inputs with JSON schemas, and its outputs: the one {@code result}
 * (a FeatureCollection, {@code outputSchema}) of a planning process, or named {@code outputs} of their own types
 * (the {@code echo} test process).
 *
 * @param quick whether it normally answers within a second (executed synchronously unless asked otherwise)
 */
public record ProcessDescription(String id, String version, LocalizedText title, LocalizedText description,
        List<Input> inputs, Map<String, Object> outputSchema, boolean quick, List<Output> outputs) {

    /** The id of the one output of a process that declares no named outputs. */
    public static final String RESULT = "result";

    public ProcessDescription {
        inputs = List.copyOf(inputs);
        outputs = outputs == null || outputs.isEmpty()
                ? List.of(new Output(RESULT, LocalizedText.of("process.output.result"), outputSchema))
                : List.copyOf(outputs);
    }

    /** A process with the one output {@code result} of the given schema. */
    public ProcessDescription(String id, String version, LocalizedText title, LocalizedText description,
            List<Input> inputs, Map<String, Object> outputSchema, boolean quick) {
        this(id, version, title, description, inputs, outputSchema, quick, List.of());
    }

    /** One input: its name, title, JSON schema and whether it must be given. */
    public record Input(String name, LocalizedText title, Map<String, Object> schema, boolean required) {
    }

    /** One output: its id, title and JSON schema. */
    public record Output(String name, LocalizedText title, Map<String, Object> schema) {
    }

    public boolean accepts(String inputName) {
        return inputs.stream().anyMatch(i -> i.name().equals(inputName));
    }

    public boolean gives(String outputName) {
        return outputs.stream().anyMatch(o -> o.name().equals(outputName));
    }
}
