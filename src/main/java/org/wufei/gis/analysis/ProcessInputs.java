package org.wufei.gis.analysis;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.http.HttpStatus;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.District;
import org.wufei.gis.sites.KindRegistry;
import org.wufei.gis.sites.SiteKind;
import tools.jackson.databind.JsonNode;

/**
 * The {@code inputs} of one execute request, read once into typed values: each getter refuses a bad value with a
 * 400 problem naming the input, so a process body works with checked values only.
 */
public final class ProcessInputs {
    private static final int MAX_COORDINATES = 10_000;

    private final JsonNode inputs;
    private final District district;
    private final AnalysisLimits limits;

    ProcessInputs(JsonNode inputs, District district, AnalysisLimits limits) {
        this.inputs = inputs;
        this.district = district;
        this.limits = limits;
    }

    /** The inputs as JSON text, as a job keeps them until a worker runs it. */
    String json() {
        return inputs.toString();
    }

    /** Refuses inputs the process does not declare (a typo must not silently fall back to a default). */
    void checkNames(ProcessDescription description) {
        for (Iterator<String> it = inputs.propertyNames().iterator(); it.hasNext();) {
            String name = it.next();
            if (!description.accepts(name)) {
                throw ApiException.badRequest("process_input_unknown", name, name);
            }
        }
        for (ProcessDescription.Input in : description.inputs()) {
            if (in.required() && value(in.name()).isEmpty()) {
                throw ApiException.badRequest("process_input_missing", in.name(), in.name());
            }
        }
    }

    public District district() {
        return district;
    }

    public AnalysisLimits limits() {
        return limits;
    }

    public boolean has(String name) {
        return value(name).isPresent();
    }

    /** A radius or buffer in metres: positive, at most the configured maximum. */
    public double metres(String name, double fallback) {
        Optional<JsonNode> v = value(name);
        if (v.isEmpty()) {
            return fallback;
        }
        if (!v.get().isNumber() || !Double.isFinite(v.get().asDouble()) || v.get().asDouble() <= 0) {
            throw ApiException.badRequest("distance_invalid", name, name);
        }
        double metres = v.get().asDouble();
        if (metres > limits.maxDistanceMetres()) {
            throw ApiException.badRequest("distance_too_large", name, name, limits.maxDistanceMetres());
        }
        return metres;
    }

    public int k(String name, int fallback) {
        Optional<JsonNode> v = value(name);
        if (v.isEmpty()) {
            return fallback;
        }
        if (!v.get().isIntegralNumber() || v.get().asLong() < 1) {
            throw ApiException.badRequest("parameter_invalid", name, name);
        }
        if (v.get().asLong() > limits.maxK()) {
            throw ApiException.badRequest("k_too_large", name, limits.maxK());
        }
        return v.get().asInt();
    }

    /** Kinds by id; every defined kind when absent. */
    public List<SiteKind> kinds(String name, KindRegistry registry) {
        List<SiteKind> out = new ArrayList<>();
        for (String id : strings(name)) {
            out.add(registry.byId(id).orElseThrow(() -> ApiException.badRequest("kind_unknown", name, id)));
        }
        return out.isEmpty() ? List.copyOf(registry.all()) : out;
    }

    /** Distinct strings of an array input (or a single string); empty when absent. */
    public Set<String> strings(String name) {
        Set<String> out = new LinkedHashSet<>();
        Optional<JsonNode> v = value(name);
        if (v.isEmpty()) {
            return out;
        }
        if (v.get().isString()) {
            out.add(v.get().asString());
            return out;
        }
        if (!v.get().isArray() || v.get().size() > 100) {
            throw ApiException.badRequest("parameter_invalid", name, name);
        }
        for (JsonNode n : v.get()) {
            if (!n.isString() || n.asString().isBlank()) {
                throw ApiException.badRequest("parameter_invalid", name, name);
            }
            out.add(n.asString());
        }
        return out;
    }

    public Optional<String> text(String name) {
        Optional<JsonNode> v = value(name);
        if (v.isPresent() && (!v.get().isString() || v.get().asString().length() > 4000)) {
            throw ApiException.badRequest("parameter_invalid", name, name);
        }
        return v.map(JsonNode::asString);
    }

    public boolean bool(String name, boolean fallback) {
        Optional<JsonNode> v = value(name);
        if (v.isPresent() && !v.get().isBoolean()) {
            throw ApiException.badRequest("parameter_invalid", name, name);
        }
        return v.map(JsonNode::asBoolean).orElse(fallback);
    }

    public Optional<LocalDate> date(String name) {
        try {
            return text(name).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("parameter_invalid", name, name);
        }
    }

    /**
     * A GeoJSON geometry in CRS84 (lon/lat): valid, at most 10,000 vertices, and inside the district (with its
     * margin), since every measure here is made in the district's projection.
     */
    public Optional<Geometry> geometry(String name) {
        Optional<JsonNode> v = value(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Geometry g;
        try {
            g = new GeoJsonReader().read(v.get().toString());
        } catch (ParseException | RuntimeException e) {
            throw ApiException.badRequest("geometry_invalid", name, name);
        }
        if (g.isEmpty() || g.getNumPoints() > MAX_COORDINATES || !g.isValid()) {
            throw ApiException.badRequest("geometry_invalid", name, name);
        }
        Envelope allowed = district.envelopeWithMargin();
        if (!allowed.contains(g.getEnvelopeInternal())) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "geometry_outside_district", name, name);
        }
        g.setSRID(4326);
        return Optional.of(g);
    }

    /** The input as the request gave it (a qualified value {@code {"value": …}} not unwrapped); absent or null: empty. */
    public Optional<JsonNode> given(String name) {
        JsonNode v = inputs.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    /** The input's value, a qualified value {@code {"value": …}} unwrapped. */
    public Optional<JsonNode> value(String name) {
        JsonNode v = inputs.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        // OGC API - Processes allows a qualified value: {"value": ..., "mediaType": ...}
        if (v.isObject() && v.has("value") && !v.has("type")) {
            return Optional.of(v.get("value"));
        }
        return Optional.of(v);
    }
}
