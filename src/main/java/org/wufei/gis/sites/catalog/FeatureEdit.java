package org.wufei.gis.sites.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.wufei.gis.common.DomainException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.wufei.gis.sites.AttributeDef;
import org.wufei.gis.sites.Evidence;
import org.wufei.gis.sites.SiteGeometry;
import org.wufei.gis.sites.SiteKind;

/**
 * A GeoJSON feature sent to Part 4, read into the site register's terms: register fields, kind attributes and,
 * when {@code status} is given, the transition details ({@code note}, {@code evidence}, {@code rectification_mode},
 * {@code deadline}). Read-only properties a client copied from a GET ({@code kind}, {@code area_m2},
 * {@code updated_at}) are ignored, so GET-then-PUT works. Geometries are CRS84.
 */
record FeatureEdit(String code, String name, String status, String township, Geometry geometry,
        Map<String, Object> attributes, String note, List<Evidence> evidence, String mode, LocalDate deadline,
        Set<String> given) {

    private static final Set<String> IGNORED = Set.of("kind", "area_m2", "updated_at");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static FeatureEdit read(JsonNode body, SiteKind kind, boolean geometryRequired) {
        if (body == null || !body.isObject() || !"Feature".equals(body.path("type").asString(""))) {
            throw DomainException.malformed("feature_invalid", null, "type must be Feature");
        }
        JsonNode g = body.get("geometry");
        Geometry geometry = g == null || g.isNull() ? null : SiteGeometry.parse(g.toString());
        if (geometry == null && geometryRequired) {
            throw DomainException.invalid("geometry_missing", "geometry");
        }
        JsonNode props = body.path("properties");
        if (!props.isMissingNode() && !props.isNull() && !props.isObject()) {
            throw DomainException.malformed("feature_invalid", "properties", "properties must be an object");
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        Set<String> given = new java.util.LinkedHashSet<>();
        String code = null;
        String name = null;
        String status = null;
        String township = null;
        String note = null;
        String mode = null;
        LocalDate deadline = null;
        List<Evidence> evidence = List.of();
        for (Map.Entry<String, JsonNode> e : props.isObject() ? props.properties() : Set.<Map.Entry<String, JsonNode>>of()) {
            String key = e.getKey();
            JsonNode v = e.getValue();
            given.add(key);
            switch (key) {
                case "code" -> code = text(v, key);
                case "name" -> name = text(v, key);
                case "status" -> status = text(v, key);
                case "township" -> township = text(v, key);
                case "note" -> note = text(v, key);
                case "rectification_mode" -> mode = text(v, key);
                case "deadline" -> deadline = date(v);
                case "evidence" -> evidence = evidence(v);
                default -> {
                    if (!IGNORED.contains(key)) {
                        attributes.put(key, attribute(kind, key, v));
                    }
                }
            }
        }
        if (geometry != null) {
            given.add("geometry");
        }
        return new FeatureEdit(code, name, status, township, geometry, attributes, note, evidence, mode, deadline,
                given);
    }

    /** For a replace: every kind attribute not sent becomes empty. */
    Map<String, Object> completeAttributes(SiteKind kind) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (AttributeDef def : kind.attributes()) {
            all.put(def.name(), attributes.get(def.name()));
        }
        all.putAll(attributes);
        return all;
    }

    private static String text(JsonNode v, String field) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw DomainException.invalid("attribute_invalid", field, field, "string");
        }
        return v.asString();
    }

    private static LocalDate date(JsonNode v) {
        String s = text(v, "deadline");
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw DomainException.invalid("attribute_invalid", "deadline", "deadline", "date");
        }
    }

    private static List<Evidence> evidence(JsonNode v) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw DomainException.invalid("evidence_malformed", "evidence", 0);
        }
        List<Evidence> out = new ArrayList<>();
        for (JsonNode e : v) {
            out.add(new Evidence(e.path("type").asString(null), e.path("ref").asString(null),
                    e.path("description").asString(null), e.path("notApplicableReason").asString(null)));
        }
        return out;
    }

    /** A JSON value as the register expects it; list attributes may come comma-joined, as /items writes them. */
    private static Object attribute(SiteKind kind, String name, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        boolean list = kind.attribute(name).map(d -> d.type() == AttributeDef.Type.STRING_LIST)
                .orElse(false);
        if (list && v.isString()) {
            return v.asString().isBlank() ? List.of() : Arrays.stream(v.asString().split(",")).map(String::strip)
                    .toList();
        }
        return JSON.convertValue(v, Object.class);
    }
}
