package org.wufei.gis.sites;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * H2GIS has no JSON field operator: {@code SITE_ATTR(attributes, 'name')} (created by migration V40) reads one
 * attribute of a site's JSON as text inside the database, the way {@code attributes->>'name'} does on PostGIS.
 */
public final class H2Json {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private H2Json() {
    }

    /** The member's value as text (numbers and booleans in JSON notation), or null when absent or null. */
    public static String attribute(String json, String name) {
        if (json == null) {
            return null;
        }
        JsonNode v = JSON.readTree(json).get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isValueNode() ? v.asString() : v.toString();
    }
}
