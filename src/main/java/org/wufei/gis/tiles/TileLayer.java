package org.wufei.gis.tiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wufei.gis.catalog.LocalizedText;
import org.wufei.gis.catalog.TileSpec;

/**
 * One vector-tile layer: a catalog collection seen through its {@link TileSpec}. The select list is built once
 * here from allow-listed columns; {@code id} is always the first property.
 */
record TileLayer(String id, LocalizedText title, TileSpec spec, boolean siteCollection, boolean polygonal,
        String selectList, List<String> properties) {

    static TileLayer of(String id, LocalizedText title, TileSpec spec, boolean siteCollection, boolean polygonal) {
        List<String> names = new ArrayList<>();
        StringBuilder select = new StringBuilder(spec.idColumn()).append(" AS id");
        names.add("id");
        for (Map.Entry<String, String> p : spec.propertyColumns().entrySet()) {
            if (!p.getKey().equals("id")) {
                select.append(", ").append(p.getValue()).append(" AS ").append(p.getKey());
                names.add(p.getKey());
            }
        }
        return new TileLayer(id, title, spec, siteCollection, polygonal, select.toString(), List.copyOf(names));
    }

    String geom() {
        return spec.geometryColumn();
    }

    /** The column of {@code status} (site layers only, for the status filter and aggregation). */
    String statusColumn() {
        return spec.propertyColumns().get("status");
    }
}
