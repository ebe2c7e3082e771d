package org.wufei.gis.tiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wufei.gis.catalog.LocalizedText;
import org.wufei.gis.catalog.TileSpec;
import org.wufei.gis.tiles.encode.Generalisation;
import org.wufei.gis.tiles.encode.TileDetail;

/**
 * One vector-tile layer: a catalog collection seen through its {@link TileSpec}. The select lists are built once
 * here from allow-listed columns; {@code id} is always the first property.
 */
public record TileLayer(String id, LocalizedText title, TileSpec spec, boolean siteCollection, boolean polygonal,
        String selectList, List<String> properties, String overviewSelectList, List<String> overviewProperties) {

    static TileLayer of(String id, LocalizedText title, TileSpec spec, boolean siteCollection, boolean polygonal) {
        List<String> names = new ArrayList<>();
        List<String> overview = new ArrayList<>();
        StringBuilder select = new StringBuilder(spec.idColumn()).append(" AS id");
        StringBuilder overviewSelect = new StringBuilder(select);
        names.add("id");
        overview.add("id");
        for (Map.Entry<String, String> p : spec.propertyColumns().entrySet()) {
            if (!p.getKey().equals("id")) {
                String column = ", " + p.getValue() + " AS " + p.getKey();
                select.append(column);
                names.add(p.getKey());
                if (Generalisation.OVERVIEW_PROPERTIES.contains(p.getKey())) {
                    overviewSelect.append(column);
                    overview.add(p.getKey());
                }
            }
        }
        return new TileLayer(id, title, spec, siteCollection, polygonal, select.toString(), List.copyOf(names),
                overviewSelect.toString(), List.copyOf(overview));
    }

    /** The properties a feature carries at this detail: thinned and aggregated points only the overview ones. */
    public List<String> properties(TileDetail detail) {
        return detail == TileDetail.FEATURES ? properties : overviewProperties;
    }

    /** The select list of {@link #properties(TileDetail)}. */
    public String selectList(TileDetail detail) {
        return detail == TileDetail.FEATURES ? selectList : overviewSelectList;
    }

    public String geom() {
        return spec.geometryColumn();
    }

    /** The column of {@code status} (site layers only, for the status filter and aggregation). */
    public String statusColumn() {
        return spec.propertyColumns().get("status");
    }
}
