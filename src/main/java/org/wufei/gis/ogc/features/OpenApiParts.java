package org.wufei.gis.ogc.features;

import org.wufei.gis.common.Texts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wufei.gis.ogc.OgcMediaTypes;

/** The reusable components of the OpenAPI document: parameters, schemas and error responses. */
final class OpenApiParts {

    private OpenApiParts() {
    }

    static Map<String, Object> parameters(List<String> collectionIds) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("collectionId", path("collectionId", "Collection id", Map.of("type", "string", "enum", collectionIds)));
        p.put("featureId", path("featureId", "Feature id (integer primary key)", Map.of("type", "string")));
        p.put("f", query("f", "Output format; JSON only", Map.of("type", "string",
                "enum", List.of("json", "geojson"))));
        List<String> itemFormats = new java.util.ArrayList<>(List.of("json", "geojson"));
        itemFormats.addAll(org.wufei.gis.export.ExportFormat.fValues());
        p.put("itemsF", query("f", "Output format: json/geojson a page of GeoJSON; gpkg, geojson-file, csv "
                + "(UTF-8 with BOM), csv-gbk, xlsx, kml a file download (without limit: every matching feature)",
                Map.of("type", "string", "enum", itemFormats)));
        p.put("headers", query("headers", "Exports: CSV/XLSX column headers as property names or (Chinese) labels",
                Map.of("type", "string", "enum", List.of("names", "labels"), "default", "names")));
        p.put("coordinates", query("coordinates", "Exports: CSV/XLSX geometry as WKT or "
                + Texts.zh("export.column.longitude") + "/" + Texts.zh("export.column.latitude") + " columns "
                + "(default lonlat for points, wkt otherwise)", Map.of("type", "string",
                        "enum", List.of("wkt", "lonlat"))));
        p.put("charset", query("charset", "Exports: CSV charset (utf-8 with BOM, or gbk)",
                Map.of("type", "string", "enum", List.of("utf-8", "gbk"), "default", "utf-8")));
        p.put("limit", query("limit", "Page size", Map.of("type", "integer", "minimum", 1,
                "maximum", ItemsQuery.MAX_LIMIT, "default", ItemsQuery.DEFAULT_LIMIT)));
        p.put("offset", query("offset", "Features to skip (next/prev links carry it)",
                Map.of("type", "integer", "minimum", 0, "default", 0)));
        Map<String, Object> bbox = query("bbox", "minx,miny,maxx,maxy in bbox-crs (axis order of that CRS); "
                + "west > east crosses the antimeridian", Map.of("type", "array", "minItems", 4, "maxItems", 6,
                        "items", Map.of("type", "number")));
        bbox.put("style", "form");
        bbox.put("explode", false);
        p.put("bbox", bbox);
        p.put("bbox-crs", query("bbox-crs", "CRS of bbox", crsSchema()));
        p.put("crs", query("crs", "Output CRS", crsSchema()));
        p.put("filter-crs", query("filter-crs", "CRS of filter geometries", crsSchema()));
        p.put("datetime", query("datetime", "Instant, date or interval (start/end, '..' open) on updated_at",
                Map.of("type", "string")));
        p.put("filter", query("filter", "CQL2 filter (see /queryables)", Map.of("type", "string")));
        p.put("filter-lang", query("filter-lang", "Filter encoding", Map.of("type", "string",
                "enum", List.of("cql2-text", "cql2-json", "cql-text"), "default", "cql2-text")));
        p.put("properties", query("properties", "Comma-separated property names to return",
                Map.of("type", "array", "items", Map.of("type", "string")), false));
        p.put("sortby", query("sortby", "Comma-separated keys, '-' for descending", Map.of("type", "array",
                "items", Map.of("type", "string")), false));
        p.put("skipGeometry", query("skipGeometry", "Leave geometries out", Map.of("type", "boolean",
                "default", false)));
        Map<String, Object> ifMatch = new LinkedHashMap<>();
        ifMatch.put("name", "If-Match");
        ifMatch.put("in", "header");
        ifMatch.put("required", true);
        ifMatch.put("description", "The ETag (version) last read");
        ifMatch.put("schema", Map.of("type", "string"));
        p.put("If-Match", ifMatch);
        return p;
    }

    private static Map<String, Object> crsSchema() {
        return Map.of("type", "string", "format", "uri", "enum", OpenApiDocument.crsUris());
    }

    private static Map<String, Object> path(String name, String description, Map<String, Object> schema) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", "path");
        p.put("required", true);
        p.put("description", description);
        p.put("schema", schema);
        return p;
    }

    private static Map<String, Object> query(String name, String description, Map<String, Object> schema) {
        return query(name, description, schema, false);
    }

    private static Map<String, Object> query(String name, String description, Map<String, Object> schema,
            Boolean explode) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", "query");
        p.put("required", false);
        p.put("description", description);
        p.put("schema", schema);
        if (explode != null) {
            p.put("style", "form");
            p.put("explode", explode);
        }
        return p;
    }

    static Map<String, Object> schemas() {
        Map<String, Object> s = new LinkedHashMap<>();
        Map<String, Object> link = object(List.of("href"), Map.of("href", str(), "rel", str(), "type", str(),
                "title", str()));
        s.put("link", link);
        Map<String, Object> links = Map.of("type", "array", "items", OpenApiDocument.ref("schemas", "link"));
        s.put("anyObject", Map.of("type", "object"));
        s.put("landingPage", object(List.of("links"), Map.of("title", str(), "description", str(),
                "links", links)));
        s.put("confClasses", object(List.of("conformsTo"), Map.of("conformsTo", Map.of("type", "array",
                "items", str()))));
        s.put("collection", object(List.of("id", "links"), Map.of("id", str(), "title", str(),
                "description", str(), "links", links, "extent", Map.of("type", "object"), "itemType", str(),
                "crs", Map.of("type", "array", "items", str()), "storageCrs", str())));
        s.put("collections", object(List.of("links", "collections"), Map.of("links", links,
                "collections", Map.of("type", "array", "items", OpenApiDocument.ref("schemas", "collection")))));
        Map<String, Object> geometry = Map.of("type", "object", "nullable", true,
                "required", List.of("type"), "properties", Map.of("type", str()));
        s.put("featureGeoJSON", object(List.of("type", "geometry", "properties"), Map.of(
                "type", Map.of("type", "string", "enum", List.of("Feature")), "geometry", geometry,
                "properties", Map.of("type", "object", "nullable", true),
                "id", Map.of("oneOf", List.of(str(), Map.of("type", "integer"))), "links", links)));
        s.put("featureCollectionGeoJSON", object(List.of("type", "features"), Map.of(
                "type", Map.of("type", "string", "enum", List.of("FeatureCollection")),
                "features", Map.of("type", "array", "items", OpenApiDocument.ref("schemas", "featureGeoJSON")),
                "links", links, "timeStamp", Map.of("type", "string", "format", "date-time"),
                "numberMatched", Map.of("type", "integer", "minimum", 0),
                "numberReturned", Map.of("type", "integer", "minimum", 0))));
        s.put("problem", object(List.of("status"), Map.of("type", str(), "title", str(), "status",
                Map.of("type", "integer"), "detail", str(), "instance", str(), "code", str())));
        return s;
    }

    static Map<String, Object> responses() {
        Map<String, Object> problem = Map.of(OgcMediaTypes.PROBLEM_JSON,
                Map.of("schema", OpenApiDocument.ref("schemas", "problem")));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("BadRequest", Map.of("description", "Bad request parameter", "content", problem));
        r.put("NotFound", Map.of("description", "Not found", "content", problem));
        r.put("ServerError", Map.of("description", "Server error", "content", problem));
        r.put("Problem", Map.of("description", "Refused (see code)", "content", problem));
        return r;
    }

    private static Map<String, Object> str() {
        return Map.of("type", "string");
    }

    private static Map<String, Object> object(List<String> required, Map<String, Object> properties) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "object");
        o.put("required", required);
        o.put("properties", properties);
        return o;
    }
}
