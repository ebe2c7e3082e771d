package org.wufei.gis.ogc.features;

import org.wufei.gis.common.Texts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.wufei.gis.catalog.Catalog;
import org.wufei.gis.catalog.CollectionSource;
import org.wufei.gis.crs.OgcCrsUri;
import org.wufei.gis.ogc.OgcMediaTypes;
import org.wufei.gis.ogc.OpenApiContributor;

/**
 * The OpenAPI 3.0 document of /ogc: self-contained (no references to other hosts), paths relative to the one
 * server URL, so that validators and the OGC test suite can discover every endpoint from it.
 */
@Component
class OpenApiDocument {
    private static final String REF = "$ref";
    private final Catalog catalog;
    private final List<OpenApiContributor> contributors;

    OpenApiDocument(Catalog catalog, List<OpenApiContributor> contributors) {
        this.catalog = catalog;
        this.contributors = contributors;
    }

    Map<String, Object> build(String serverUrl) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", Texts.bilingual("ogc.api.title"),
                "version", "1.0.0", "description", "OGC API - Features Parts 1-4 (GeoJSON, CRS, CQL2 filter, "
                        + "create/replace/update/delete). Errors are application/problem+json.",
                "license", Map.of("name", "CC-BY-4.0")));
        doc.put("servers", List.of(Map.of("url", serverUrl)));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", Map.of("get", op("getLandingPage", "Landing page", List.of(param("f")),
                ok(OgcMediaTypes.JSON, "landingPage"))));
        paths.put("/conformance", Map.of("get", op("getConformance", "Conformance classes", List.of(param("f")),
                ok(OgcMediaTypes.JSON, "confClasses"))));
        paths.put("/api", Map.of("get", op("getApi", "This API definition", List.of(param("f")),
                ok(OgcMediaTypes.OPENAPI_JSON, "anyObject"))));
        paths.put("/collections", Map.of("get", op("getCollections", "Collections", List.of(param("f")),
                ok(OgcMediaTypes.JSON, "collections"))));
        paths.put("/collections/{collectionId}", Map.of("get", op("describeCollection", "A collection",
                List.of(param("collectionId"), param("f")), ok(OgcMediaTypes.JSON, "collection"))));
        paths.put("/collections/{collectionId}/queryables", Map.of("get", op("getQueryables", "Queryables",
                List.of(param("collectionId")), ok(OgcMediaTypes.SCHEMA_JSON, "anyObject"))));
        paths.put("/collections/{collectionId}/schema", Map.of("get", op("getSchema", "Feature schema",
                List.of(param("collectionId")), ok(OgcMediaTypes.SCHEMA_JSON, "anyObject"))));
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("get", op("getFeatures", "Features of a collection", List.of(param("collectionId"),
                param("limit"), param("offset"), param("bbox"), param("bbox-crs"), param("datetime"),
                param("crs"), param("filter"), param("filter-lang"), param("filter-crs"), param("properties"),
                param("sortby"), param("skipGeometry"), param("itemsF"), param("headers"), param("coordinates"),
                param("charset")), itemsResponses()));
        items.put("post", write("createFeature", "Create a feature (site collections, roles per lifecycle)",
                List.of(param("collectionId")), true, "201"));
        paths.put("/collections/{collectionId}/items", items);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("get", op("getFeature", "One feature", List.of(param("collectionId"), param("featureId"),
                param("crs"), param("properties"), param("skipGeometry")),
                ok(OgcMediaTypes.GEO_JSON, "featureGeoJSON")));
        item.put("put", write("replaceFeature", "Replace a feature (If-Match required)",
                List.of(param("collectionId"), param("featureId"), param("If-Match")), true, "200"));
        item.put("patch", write("updateFeature", "Update a feature; a status change follows the lifecycle",
                List.of(param("collectionId"), param("featureId"), param("If-Match")), true, "200"));
        item.put("delete", write("deleteFeature", "Delete a feature (If-Match required)",
                List.of(param("collectionId"), param("featureId"), param("If-Match")), false, "204"));
        paths.put("/collections/{collectionId}/items/{featureId}", item);
        contributors.forEach(c -> paths.putAll(c.paths()));
        doc.put("paths", paths);
        doc.put("components", Map.of("parameters", OpenApiParts.parameters(collectionIds()),
                "schemas", OpenApiParts.schemas(), "responses", OpenApiParts.responses(),
                "securitySchemes", Map.of("basicAuth", Map.of("type", "http", "scheme", "basic"))));
        return doc;
    }

    private List<String> collectionIds() {
        return catalog.all().stream().map(CollectionSource::id).toList();
    }

    static Map<String, Object> ref(String kind, String name) {
        return Map.of(REF, "#/components/" + kind + "/" + name);
    }

    private static Map<String, Object> param(String name) {
        return ref("parameters", name);
    }

    private static Map<String, Object> ok(String mediaType, String schema) {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "OK",
                "content", Map.of(mediaType, Map.of("schema", ref("schemas", schema)))));
        responses.put("304", Map.of("description", "Not modified (If-None-Match)"));
        responses.put("400", ref("responses", "BadRequest"));
        responses.put("404", ref("responses", "NotFound"));
        responses.put("500", ref("responses", "ServerError"));
        return responses;
    }

    /** The GeoJSON page, and the same features as a file in every export format. */
    private static Map<String, Object> itemsResponses() {
        Map<String, Object> responses = ok(OgcMediaTypes.GEO_JSON, "featureCollectionGeoJSON");
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(OgcMediaTypes.GEO_JSON, Map.of("schema", ref("schemas", "featureCollectionGeoJSON")));
        for (org.wufei.gis.export.ExportFormat x : org.wufei.gis.export.ExportFormat.values()) {
            if (!content.containsKey(x.mediaType())) {
                content.put(x.mediaType(), Map.of("schema", Map.of("type", "string", "format", "binary")));
            }
        }
        responses.put("200", Map.of("description", "A page of features, or with an export f (or Accept) a file "
                + "(Content-Disposition: attachment)", "content", content));
        responses.put("406", ref("responses", "Problem"));
        return responses;
    }

    private static Map<String, Object> op(String id, String summary, List<Object> params,
            Map<String, Object> responses) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", id);
        op.put("summary", summary);
        op.put("parameters", params);
        op.put("responses", responses);
        return op;
    }

    private static Map<String, Object> write(String id, String summary, List<Object> params, boolean body,
            String success) {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put(success, Map.of("description", success.equals("201") ? "Created (Location, ETag)"
                : success.equals("204") ? "Deleted" : "Changed (ETag)"));
        for (String code : List.of("400", "401", "403", "404", "412", "422", "428")) {
            responses.put(code, ref("responses", "Problem"));
        }
        Map<String, Object> op = op(id, summary, params, responses);
        if (body) {
            op.put("requestBody", Map.of("required", true, "content", Map.of(OgcMediaTypes.GEO_JSON,
                    Map.of("schema", ref("schemas", "featureGeoJSON")), OgcMediaTypes.JSON,
                    Map.of("schema", ref("schemas", "featureGeoJSON")))));
        }
        op.put("security", List.of(Map.of("basicAuth", List.of())));
        return op;
    }

    static List<String> crsUris() {
        return OgcCrsUri.uris(OgcCrsUri.OFFERED);
    }
}
