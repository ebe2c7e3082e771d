package org.wufei.gis.ogc.processes;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.wufei.gis.analysis.ProcessResult;
import org.wufei.gis.catalog.FeatureRow;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.export.ExportField;
import org.wufei.gis.export.ExportFormat;
import org.wufei.gis.export.ExportLayer;
import org.wufei.gis.export.FeatureProducer;
import org.wufei.gis.export.FeatureStreamWriter;

/**
 * A job's result as a file (GeoPackage, GeoJSON, CSV UTF-8/GBK, XLSX, KML) through the export module: one row per
 * result feature, its properties as columns in result order after {@code result_id}, geometry in CRS84.
 */
@Component
class ProcessResultDownloads {
    static final String RESULT_ID = "result_id";

    private final FeatureStreamWriter exports;

    ProcessResultDownloads(FeatureStreamWriter exports) {
        this.exports = exports;
    }

    /** The file format {@code f} asks for; empty for the JSON document ({@code f} absent, json or geojson). */
    static Optional<ExportFormat> format(String f) {
        if (f == null || f.isBlank() || f.equals("json") || f.equals("geojson")) {
            return Optional.empty();
        }
        return Optional.of(ExportFormat.byF(f).orElseThrow(() -> ApiException.badRequest("format_unsupported", "f",
                f, String.join(", ", ExportFormat.fValues()))));
    }

    /** Writes the result as a file straight to the response, on this thread. */
    void stream(ExportFormat format, String processId, ProcessResult result, Actor actor,
            HttpServletResponse response) throws IOException {
        String name = processId.replace('-', '_');
        ExportLayer layer = new ExportLayer(name, processId, geometryType(result), fields(result), null, null, null);
        List<FeatureRow> rows = new ArrayList<>();
        long fid = 0;
        for (ProcessResult.Feature f : result.features()) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put(RESULT_ID, f.id());
            f.properties().forEach((k, v) -> props.put(k, value(v)));
            rows.add(new FeatureRow(++fid, props, f.geometry(), null));
        }
        exports.stream(format, layer, name, actor, response, FeatureProducer.of(rows));
    }

    /** Columns from the first feature (every row of a result has the same properties in the same order). */
    private static List<ExportField> fields(ProcessResult result) {
        List<ExportField> fields = new ArrayList<>();
        fields.add(new ExportField(RESULT_ID, null, ExportField.Type.STRING));
        if (!result.features().isEmpty()) {
            result.features().get(0).properties().forEach((k, v) -> fields.add(new ExportField(k, null, type(result,
                    k))));
        }
        return fields;
    }

    /** A column's type from its first non-null value. */
    private static ExportField.Type type(ProcessResult result, String name) {
        for (ProcessResult.Feature f : result.features()) {
            Object v = f.properties().get(name);
            if (v != null) {
                return v instanceof Integer || v instanceof Long ? ExportField.Type.INTEGER
                        : v instanceof Number ? ExportField.Type.NUMBER
                        : v instanceof Boolean ? ExportField.Type.BOOLEAN : ExportField.Type.STRING;
            }
        }
        return ExportField.Type.STRING;
    }

    private static Object value(Object v) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean
                || v instanceof Instant) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return v.toString();
    }

    private static String geometryType(ProcessResult result) {
        String type = null;
        for (ProcessResult.Feature f : result.features()) {
            if (f.geometry() != null) {
                String t = f.geometry().getGeometryType();
                if (type != null && !type.equals(t)) {
                    return "Geometry";
                }
                type = t;
            }
        }
        return type == null ? "Geometry" : type;
    }
}
