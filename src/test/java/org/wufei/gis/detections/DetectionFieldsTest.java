package org.wufei.gis.detections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wufei.gis.imports.ImportsProperties;

class DetectionFieldsTest {
    private final DetectionFields fields = new DetectionFields(ImportsProperties.DEFAULT_ALIASES);

    @Test
    void chineseAndEnglishAliasesFillOurFieldsAndTheRestIsKept() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("名称", "石拐镇堆放点");
        a.put("类型", "建筑垃圾");
        a.put("备注", "<b>注意</b>");
        a.put("置信度", "85%");
        a.put("影像日期", LocalDateTime.of(2024, 5, 1, 10, 0));
        a.put("面积", 1520.5);
        a.put("编号", 7L);
        var f = fields.map(a, null);
        assertThat(f.name()).isEqualTo("石拐镇堆放点");
        assertThat(f.category()).isEqualTo("建筑垃圾");
        assertThat(f.note()).isEqualTo("<b>注意</b>");
        assertThat(f.confidence()).isEqualTo(0.85);
        assertThat(f.acquired()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(f.attributesJson()).isEqualTo("{\"面积\":1520.5,\"编号\":7}");
    }

    @Test
    void aBatchDateFillsFeaturesWithoutOne() {
        var f = fields.map(Map.of("Name", "x"), LocalDate.of(2025, 1, 2));
        assertThat(f.name()).isEqualTo("x");
        assertThat(f.acquired()).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThat(f.attributesJson()).isNull();
    }

    @Test
    void confidenceIsAFractionWhateverWayItWasWritten() {
        assertThat(DetectionFields.confidence(0.7)).isEqualTo(0.7);
        assertThat(DetectionFields.confidence(70)).isEqualTo(0.7);
        assertThat(DetectionFields.confidence("70%")).isEqualTo(0.7);
        assertThat(DetectionFields.confidence("high")).isNull();
        assertThat(DetectionFields.confidence(250)).isNull();
    }

    @Test
    void keptAttributesAreTheSameJsonTheDataBinderWrites() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("名称", "引号\" 反斜杠\\ 换行\n 制表\t \u0001 ✓");
        a.put("int", 7);
        a.put("long", -9_007_199_254_740_993L);
        a.put("double", 1520.5);
        a.put("tiny", 1e-12);
        a.put("negativeZero", -0.0);
        a.put("bool", true);
        a.put("null", null);
        a.put("decimal", new java.math.BigDecimal("12.3400"));
        a.put("float", 2.5f);
        a.put("short", (short) 3);
        a.put("", "empty name");
        assertThat(DetectionFields.json(a))
                .isEqualTo(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(a));
    }
}
