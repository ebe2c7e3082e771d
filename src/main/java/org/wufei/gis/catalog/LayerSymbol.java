package org.wufei.gis.catalog;

import java.util.Map;

/**
 * How a collection's features are drawn, for styles built elsewhere (the tiles module's Mapbox GL style): a colour and
 * a marker shape for the layer, and a colour per value of one property (a site's status).
 *
 * @param colour the layer's colour, #rrggbb
 * @param shape circle, square, triangle, diamond or hexagon (points)
 * @param polygons whether features may be polygons
 * @param points whether features may be points
 * @param byProperty the property the per-value colours apply to (e.g. "status")
 * @param colours per value of that property, #rrggbb, in a stable order
 */
public record LayerSymbol(String colour, String shape, boolean polygons, boolean points, String byProperty,
        Map<String, String> colours) {
}
