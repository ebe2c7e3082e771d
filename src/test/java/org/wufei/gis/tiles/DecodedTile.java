package org.wufei.gis.tiles;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** An MVT decoded for assertions: per layer, feature id to its properties (plus {@code fid}, the MVT feature id). */
public record DecodedTile(Map<String, Map<Long, Map<String, Object>>> layers, Map<String, Map<Long, String>> types) {

    public static DecodedTile of(byte[] mvt) {
        JtsMvt tile;
        try {
            tile = MvtReader.loadMvt(new ByteArrayInputStream(mvt), new GeometryFactory(),
                    new TagKeyValueMapConverter(false, "fid"), MvtReader.RING_CLASSIFIER_V2_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<Long, Map<String, Object>>> layers = new TreeMap<>();
        Map<String, Map<Long, String>> types = new TreeMap<>();
        for (JtsLayer layer : tile.getLayers()) {
            Map<Long, Map<String, Object>> features = new TreeMap<>();
            Map<Long, String> kinds = new TreeMap<>();
            for (Geometry g : layer.getGeometries()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> props = new TreeMap<>((Map<String, Object>) g.getUserData());
                long id = ((Number) props.get("id")).longValue();
                props.replaceAll((k, v) -> v instanceof Number n && !(v instanceof Double || v instanceof Float)
                        ? (Object) n.longValue() : v);
                features.put(id, props);
                kinds.put(id, g.getGeometryType().replace("Multi", ""));
            }
            layers.put(layer.getName(), features);
            types.put(layer.getName(), kinds);
        }
        return new DecodedTile(layers, types);
    }

    public Map<Long, Map<String, Object>> layer(String name) {
        return layers.getOrDefault(name, Map.of());
    }
}
