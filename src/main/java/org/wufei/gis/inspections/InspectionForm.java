package org.wufei.gis.inspections;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.wufei.gis.common.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON part of an inspection upload, parsed and checked once: the client-made id (a UUID, the key that
 * makes resending harmless), note, checklist answers, where the inspector stood, and the status asked for.
 */
record InspectionForm(String id, String note, Map<String, Boolean> checklist, Double lat, Double lon,
        Double accuracyM, Instant observedAt, String nextStatus, Long siteVersion) {
    static final int NOTE_MAX = 4000;
    private static final int CHECKLIST_MAX = 30;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{12}");
    private static final Pattern ITEM = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    static InspectionForm parse(String json) {
        if (json == null || json.isBlank()) {
            throw ApiException.badRequest("parameter_missing", "inspection", "inspection");
        }
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (JacksonException e) {
            throw ApiException.badRequest("json_malformed", "inspection");
        }
        if (n == null || !n.isObject()) {
            throw ApiException.badRequest("json_malformed", "inspection");
        }
        String id = text(n, "id");
        if (id == null || !UUID.matcher(id).matches()) {
            throw ApiException.unprocessable("inspection_id_invalid", "id", id == null ? "" : id);
        }
        String note = text(n, "note");
        if (note != null && note.length() > NOTE_MAX) {
            throw ApiException.unprocessable("note_too_long", "note", NOTE_MAX);
        }
        JsonNode pos = n.path("position");
        Double lat = number(pos, "lat", -90, 90);
        Double lon = number(pos, "lon", -180, 180);
        if ((lat == null) != (lon == null)) {
            throw ApiException.unprocessable("position_invalid", "position");
        }
        Double accuracy = number(pos, "accuracy", 0, 1e7);
        Instant observedAt = null;
        if (text(n, "observedAt") != null) {
            try {
                observedAt = Instant.parse(text(n, "observedAt"));
            } catch (DateTimeParseException e) {
                throw ApiException.unprocessable("parameter_invalid", "observedAt", "observedAt");
            }
        }
        Long version = n.path("siteVersion").isIntegralNumber() ? n.path("siteVersion").asLong() : null;
        return new InspectionForm(id.toLowerCase(), note == null || note.isBlank() ? null : note.strip(),
                checklist(n.path("checklist")), lat, lon, accuracy, observedAt, text(n, "nextStatus"), version);
    }

    private static Map<String, Boolean> checklist(JsonNode node) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isObject() || node.size() > CHECKLIST_MAX) {
            throw ApiException.unprocessable("checklist_invalid", "checklist");
        }
        for (var e : node.properties()) {
            if (!ITEM.matcher(e.getKey()).matches() || !e.getValue().isBoolean()) {
                throw ApiException.unprocessable("checklist_invalid", "checklist");
            }
            out.put(e.getKey(), e.getValue().asBoolean());
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isString() ? v.asString() : null;
    }

    private static Double number(JsonNode n, String field, double min, double max) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < min || v.asDouble() > max) {
            throw ApiException.unprocessable("position_invalid", "position");
        }
        return v.asDouble();
    }
}
