package org.wufei.gis.analysis.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wufei.gis.analysis.AnalysisLimits;
import org.wufei.gis.analysis.ProcessResult;
import org.wufei.gis.analysis.Processes;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.District;
import tools.jackson.databind.json.JsonMapper;

/** The echo process: every input comes back as the output of the same id and type; bad values are 400s. */
class EchoTest {
    private static final District DISTRICT = new District("d", "0", "D", "区", "District", "市", "City",
            new double[] {110.0, 40.5, 110.6, 40.9}, new double[] {110.3, 40.7}, 4546, 2000, 1L, List.of(), List.of());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Processes processes = new Processes(List.of(new Echo()), DISTRICT,
            new AnalysisLimits(null, null, null, null, null, 1, null, null));

    private ProcessResult run(String inputs) {
        return processes.execute("echo", processes.inputs("echo", JSON.readTree(inputs)));
    }

    @Test
    void everyInputComesBackAsTheOutputOfItsIdAndType() {
        ProcessResult r = run("""
                {"stringInput": "teststring", "doubleInput": 2.5, "booleanInput": true,
                 "boundingBoxInput": {"bbox": [110.1, 40.6, 110.2, 40.7]},
                 "objectInput": {"value": "teststring", "n": [1, 2]}, "arrayInput": [1, 2, 3],
                 "binaryInput": {"value": "SUkqAA==", "format": {"mediaType": "image/tiff", "encoding": "base64"}}}""");
        assertThat(r.hasNamedOutputs()).isTrue();
        assertThat(r.features()).isEmpty();
        assertThat(r.outputs()).containsOnlyKeys("stringInput", "doubleInput", "booleanInput", "boundingBoxInput",
                "objectInput", "arrayInput", "binaryInput");
        assertThat(r.outputs().get("stringInput")).isEqualTo("teststring");
        assertThat(r.outputs().get("doubleInput")).isEqualTo(2.5);
        assertThat(r.outputs().get("booleanInput")).isEqualTo(true);
        assertThat(r.outputs().get("boundingBoxInput")).isEqualTo(Map.of("bbox", List.of(110.1, 40.6, 110.2, 40.7),
                "crs", EchoValues.CRS84));
        assertThat(r.outputs().get("objectInput")).isEqualTo(Map.of("value", "teststring", "n", List.of(1, 2)));
        assertThat(r.outputs().get("arrayInput")).isEqualTo(List.of(1L, 2L, 3L));
        assertThat(r.outputs().get("binaryInput")).isEqualTo(Map.of("value", "SUkqAA==", "mediaType", "image/tiff",
                "encoding", "base64"));
    }

    @Test
    void qualifiedValuesAreUnwrappedAndAReferenceStaysAReferenceNeverFetched() {
        ProcessResult r = run("""
                {"stringInput": {"value": "你好"}, "doubleInput": {"value": 7},
                 "binaryInput": {"href": "https://example.invalid/a.tif", "type": "image/tiff"}}""");
        assertThat(r.outputs().get("stringInput")).isEqualTo("你好");
        assertThat(r.outputs().get("doubleInput")).isEqualTo(7L);
        assertThat(r.outputs().get("binaryInput")).isEqualTo(Map.of("href", "https://example.invalid/a.tif",
                "type", "image/tiff"));
    }

    @Test
    void theStringInputIsRequiredAndOnlyDeclaredInputsAreTaken() {
        assertThatThrownBy(() -> run("{\"doubleInput\": 1}")).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo("process_input_missing");
        assertThatThrownBy(() -> run("{\"stringInput\": \"a\", \"wait\": 5}")).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo("process_input_unknown");
    }

    @Test
    void valuesOfTheWrongTypeOrTooLargeAreRefused() {
        for (String bad : List.of("{\"stringInput\": 5}", "{\"stringInput\": \"" + "x".repeat(4001) + "\"}",
                "{\"stringInput\": \"a\", \"doubleInput\": \"1\"}",
                "{\"stringInput\": \"a\", \"booleanInput\": \"yes\"}",
                "{\"stringInput\": \"a\", \"boundingBoxInput\": {\"bbox\": [1, 2, 3]}}",
                "{\"stringInput\": \"a\", \"objectInput\": [1]}",
                "{\"stringInput\": \"a\", \"arrayInput\": [1.5]}",
                "{\"stringInput\": \"a\", \"arrayInput\": []}",
                "{\"stringInput\": \"a\", \"binaryInput\": \"not base64!\"}",
                "{\"stringInput\": \"a\", \"binaryInput\": {\"href\": \"file:///etc/passwd\"}}",
                "{\"stringInput\": \"a\", \"binaryInput\": {\"value\": \"SUkqAA==\", \"encoding\": \"hex\"}}",
                "{\"stringInput\": \"a\", \"binaryInput\": {\"value\": \"SUkqAA==\", \"mediaType\": \"text/html\"}}")) {
            assertThatThrownBy(() -> run(bad)).as(bad).isInstanceOf(ApiException.class)
                    .extracting(e -> ((ApiException) e).code()).isEqualTo("parameter_invalid");
        }
    }

    @Test
    void itDescribesOneOutputPerInputOfTheSameSchema() {
        var d = new Echo().description();
        // every input but the last, pause, which delays the answer and gives no output
        assertThat(d.inputs().get(d.inputs().size() - 1).name()).isEqualTo("pause");
        assertThat(d.outputs()).hasSize(d.inputs().size() - 1);
        for (int i = 0; i < d.outputs().size(); i++) {
            assertThat(d.outputs().get(i).name()).isEqualTo(d.inputs().get(i).name());
            assertThat(d.outputs().get(i).schema()).isEqualTo(d.inputs().get(i).schema());
        }
        assertThat(d.inputs().get(0).name()).isEqualTo("stringInput");
        assertThat(d.inputs().get(0).required()).isTrue();
    }
}
