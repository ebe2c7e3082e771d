package org.wufei.gis.ogc.features;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.springframework.stereotype.Component;
import org.wufei.gis.catalog.FeatureRow;
import org.wufei.gis.crs.CrsRegistry;
import org.wufei.gis.crs.OgcCrsUri;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes features as GeoJSON by hand (no reflection over JTS), in the requested output CRS and its axis order:
 * storage lon/lat is transformed, then swapped for north-first systems such as EPSG:4326 and EPSG:4490.
 */
@Component
class GeoJsonFeatures {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CrsRegistry crs;

    GeoJsonFeatures(CrsRegistry crs) {
        this.crs = crs;
    }

    /** An items response: its bytes and where its {@code timeStamp} value lies in them (the part that is not data). */
    record Page(byte[] bytes, int timeStampFrom, int timeStampTo) {
        /** A weak ETag over everything but the time stamp: the same data answers the same tag. */
        String etag() {
            return OgcResponses.weakDigest(bytes, timeStampFrom, timeStampTo);
        }
    }

    /** The body of an items response. */
    Page collection(List<FeatureRow> rows, OgcCrsUri out, Long numberMatched, List<Map<String, Object>> links,
            Instant timeStamp) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096 + rows.size() * 512);
        int from;
        int to;
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringProperty("type", "FeatureCollection");
            g.writeName("features");
            g.writeStartArray();
            for (FeatureRow row : rows) {
                feature(g, row, out, null);
            }
            g.writeEndArray();
            if (numberMatched != null) {
                g.writeNumberProperty("numberMatched", numberMatched);
            }
            g.writeNumberProperty("numberReturned", rows.size());
            g.writeName("timeStamp");
            g.flush();
            from = bytes.size();
            g.writeString(timeStamp.toString());
            g.flush();
            to = bytes.size();
            g.writePOJOProperty("links", links);
            g.writeEndObject();
        }
        return new Page(bytes.toByteArray(), from, to);
    }

    /** The body of a single-feature response. */
    byte[] feature(FeatureRow row, OgcCrsUri out, List<Map<String, Object>> links) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            feature(g, row, out, links);
        }
        return bytes.toByteArray();
    }

    private void feature(JsonGenerator g, FeatureRow row, OgcCrsUri out, List<Map<String, Object>> links) {
        g.writeStartObject();
        g.writeStringProperty("type", "Feature");
        g.writeNumberProperty("id", row.id());
        g.writeName("geometry");
        if (row.geometryGeoJson() != null && out.srid() == 4326 && !out.northFirst()) {
            g.writeRawValue(row.geometryGeoJson());
        } else if (row.geometry() == null) {
            g.writeNull();
        } else {
            g.writeRawValue(geometry(row.geometry(), out));
        }
        g.writeName("properties");
        g.writeStartObject();
        for (Map.Entry<String, Object> e : row.properties().entrySet()) {
            Object v = e.getValue();
            g.writeName(e.getKey());
            if (v == null) {
                g.writeNull();
            } else if (v instanceof String s) {
                g.writeString(s);
            } else if (v instanceof Long l) {
                g.writeNumber(l);
            } else if (v instanceof Double d) {
                g.writeNumber(d);
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else {
                g.writeString(v.toString());
            }
        }
        g.writeEndObject();
        if (links != null) {
            g.writePOJOProperty("links", links);
        }
        g.writeEndObject();
    }

    private String geometry(Geometry storage, OgcCrsUri out) {
        Geometry g = out.srid() == 4326 ? storage.copy() : crs.transform(storage, 4326, out.srid());
        if (out.northFirst()) {
            g.apply((CoordinateFilter) CollectionFilters::swap);
            g.geometryChanged();
        }
        boolean degrees = crs.isGeographic(out.srid());
        GeoJsonWriter writer = new GeoJsonWriter(degrees ? 7 : 3);
        writer.setEncodeCRS(false);
        return writer.write(g);
    }
}
