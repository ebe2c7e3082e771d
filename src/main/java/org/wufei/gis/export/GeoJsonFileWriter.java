package org.wufei.gis.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.wufei.gis.catalog.FeatureRow;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** A GeoJSON FeatureCollection written feature by feature (axis order of the output CRS, as /items). */
final class GeoJsonFileWriter extends FeatureFileWriter {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonGenerator g;
    private final GeoJsonWriter geometry;

    GeoJsonFileWriter(ExportLayer layer, OutputStream out, UnaryOperator<Geometry> toOutputCrs, boolean degrees) {
        super(layer, out, toOutputCrs);
        this.g = JSON.createGenerator(out);
        this.geometry = new GeoJsonWriter(degrees ? 7 : 3);
        this.geometry.setEncodeCRS(false);
        g.writeStartObject();
        g.writeStringProperty("type", "FeatureCollection");
        g.writeStringProperty("name", layer.name());
        g.writeName("features");
        g.writeStartArray();
    }

    @Override
    public void add(FeatureRow f) throws IOException {
        g.writeStartObject();
        g.writeStringProperty("type", "Feature");
        g.writeNumberProperty("id", f.id());
        g.writeName("geometry");
        if (f.geometry() == null) {
            g.writeNull();
        } else {
            Geometry out = toOutputCrs.apply(f.geometry());
            if (layer.crs().northFirst()) {
                out = out == f.geometry() ? out.copy() : out;
                out.apply((CoordinateFilter) c -> {
                    double x = c.x;
                    c.x = c.y;
                    c.y = x;
                });
                out.geometryChanged();
            }
            g.writeRawValue(geometry.write(out));
        }
        g.writeName("properties");
        g.writeStartObject();
        for (ExportField field : layer.fields()) {
            Object v = f.properties().get(field.name());
            g.writeName(field.name());
            if (v == null) {
                g.writeNull();
            } else if (v instanceof Long l) {
                g.writeNumber(l);
            } else if (v instanceof Double d) {
                g.writeNumber(d);
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else {
                g.writeString(text(v));
            }
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    @Override
    void finish() {
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
    }
}
