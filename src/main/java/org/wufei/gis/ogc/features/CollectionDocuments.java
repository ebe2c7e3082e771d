package org.wufei.gis.ogc.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;
import org.wufei.gis.catalog.CollectionSource;
import org.wufei.gis.catalog.Extent;
import org.wufei.gis.catalog.FeatureStore;
import org.wufei.gis.catalog.LayerProvenance;
import org.wufei.gis.catalog.Property;
import org.wufei.gis.common.District;
import org.wufei.gis.crs.OgcCrsUri;
import org.wufei.gis.ogc.OgcLinkContributor;
import org.wufei.gis.ogc.OgcLinks;
import org.wufei.gis.ogc.OgcMediaTypes;
import org.wufei.gis.ogc.Rel;

/** The JSON documents describing collections: /collections, /collections/{id}, /queryables and /schema. */
@Component
class CollectionDocuments {
    static final String TRS = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";

    private final FeatureStore store;
    private final District district;
    private final List<OgcLinkContributor> contributors;
    private final List<LayerProvenance> provenance;

    CollectionDocuments(FeatureStore store, District district, List<OgcLinkContributor> contributors,
            List<LayerProvenance> provenance) {
        this.store = store;
        this.district = district;
        this.contributors = contributors;
        this.provenance = provenance;
    }

    Map<String, Object> collection(CollectionSource source, String base, Locale locale) {
        String self = base + "/collections/" + source.id();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", source.id());
        doc.put("title", source.title().in(locale));
        doc.put("description", source.description().in(locale));
        doc.put("itemType", "feature");
        doc.put("extent", extent(source));
        doc.put("crs", OgcCrsUri.uris(OgcCrsUri.OFFERED));
        // Stored as EPSG:4326 in lon/lat order, which is CRS84.
        doc.put("storageCrs", OgcCrsUri.CRS84_URI);
        // where the data came from (reference layers: source, date, licence, who loaded it, earlier versions)
        provenance.stream().map(p -> p.of(source.id())).flatMap(java.util.Optional::stream).findFirst()
                .ifPresent(p -> doc.put("provenance", p));
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(OgcLinks.link(self, Rel.SELF, OgcMediaTypes.JSON, source.title().in(locale)));
        links.add(OgcLinks.link(self + "/items", Rel.ITEMS, OgcMediaTypes.GEO_JSON, "GeoJSON"));
        links.add(OgcLinks.link(self + "/queryables", Rel.QUERYABLES, OgcMediaTypes.SCHEMA_JSON, "Queryables"));
        links.add(OgcLinks.link(self + "/schema", Rel.SCHEMA, OgcMediaTypes.SCHEMA_JSON, "Schema"));
        for (OgcLinkContributor c : contributors) {
            links.addAll(c.collection(base, source));
        }
        doc.put("links", links);
        return doc;
    }

    private Map<String, Object> extent(CollectionSource source) {
        Extent e = store.extent(source);
        Envelope box = e.bbox() == null ? new Envelope(district.bbox()[0], district.bbox()[2], district.bbox()[1],
                district.bbox()[3]) : e.bbox();
        Map<String, Object> spatial = new LinkedHashMap<>();
        // Widened by 1e-6 degree (~0.1 m) and rounded outwards: clients that send the extent back as a bbox,
        // printed with fewer decimals or transformed to another CRS, must still find the features on its edges.
        spatial.put("bbox", List.of(List.of(down(box.getMinX()), down(box.getMinY()), up(box.getMaxX()),
                up(box.getMaxY()))));
        spatial.put("crs", OgcCrsUri.CRS84_URI);
        Map<String, Object> extent = new LinkedHashMap<>();
        extent.put("spatial", spatial);
        if (source.table().temporalColumn() != null) {
            List<String> interval = new ArrayList<>();
            interval.add(e.start() == null ? null : e.start().toString());
            interval.add(e.end() == null ? null : e.end().toString());
            Map<String, Object> temporal = new LinkedHashMap<>();
            temporal.put("interval", List.of(interval));
            temporal.put("trs", TRS);
            extent.put("temporal", temporal);
        }
        return extent;
    }

    private static double down(double v) {
        return (Math.floor(v * 1e6) - 1) / 1e6;
    }

    private static double up(double v) {
        return (Math.ceil(v * 1e6) + 1) / 1e6;
    }

    /** The queryables (JSON Schema) of a collection: every property plus the geometry. */
    Map<String, Object> queryables(CollectionSource source, String base, Locale locale) {
        Map<String, Object> doc = schemaHeader(source, base + "/collections/" + source.id() + "/queryables", locale);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(CollectionFilters.GEOMETRY, geometrySchema(source));
        for (Property p : source.table().properties()) {
            props.put(p.name(), propertySchema(p, locale));
        }
        doc.put("properties", props);
        doc.put("additionalProperties", false);
        return doc;
    }

    /** The schema of the features' properties as returned by /items. */
    Map<String, Object> schema(CollectionSource source, String base, Locale locale) {
        Map<String, Object> doc = schemaHeader(source, base + "/collections/" + source.id() + "/schema", locale);
        Map<String, Object> props = new LinkedHashMap<>();
        Map<String, Object> geometry = geometrySchema(source);
        geometry.put("x-ogc-role", "primary-geometry");
        props.put(CollectionFilters.GEOMETRY, geometry);
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("type", "integer");
        id.put("x-ogc-role", "id");
        id.put("readOnly", true);
        props.put("id", id);
        for (Property p : source.table().properties()) {
            props.put(p.name(), propertySchema(p, locale));
        }
        doc.put("properties", props);
        doc.put("additionalProperties", true);
        return doc;
    }

    private static Map<String, Object> schemaHeader(CollectionSource source, String id, Locale locale) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("$schema", "https://json-schema.org/draft/2019-09/schema");
        doc.put("$id", id);
        doc.put("type", "object");
        doc.put("title", source.title().in(locale));
        return doc;
    }

    private static Map<String, Object> geometrySchema(CollectionSource source) {
        Map<String, Object> s = new LinkedHashMap<>();
        String type = source.geometryType();
        s.put("format", "geometry-" + (type.equals("Geometry") ? "any" : type.toLowerCase(Locale.ROOT)));
        return s;
    }

    private static Map<String, Object> propertySchema(Property p, Locale locale) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", p.title().in(locale));
        switch (p.type()) {
            case STRING -> s.put("type", "string");
            case INTEGER -> s.put("type", "integer");
            case NUMBER -> s.put("type", "number");
            case BOOLEAN -> s.put("type", "boolean");
            case TIMESTAMP -> {
                s.put("type", "string");
                s.put("format", "date-time");
            }
        }
        if (!p.enumValues().isEmpty()) {
            s.put("enum", p.enumValues());
        }
        return s;
    }
}
