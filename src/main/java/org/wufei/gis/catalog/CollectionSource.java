package org.wufei.gis.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One layer of the service as OGC API collections and tiles see it. Implementations are Spring beans; the
 * {@link Catalog} finds them by type, so a new layer is a new bean and nothing else.
 */
public interface CollectionSource {

    /** The collection id in URLs, e.g. {@code waste_heaps}. */
    String id();

    LocalizedText title();

    LocalizedText description();

    /** The GeoJSON geometry type of the features ({@code Polygon}, {@code Point}, ...), or {@code Geometry}. */
    String geometryType();

    /** The SRID geometries are stored in (EPSG:4326 in lon/lat order). */
    default int storageSrid() {
        return 4326;
    }

    /** The SQL the items, counts and extents are read from. */
    TableSpec table();

    /** How the layer is drawn (site kinds), or null when it has no symbol of its own. */
    default LayerSymbol symbol() {
        return null;
    }

    /** Properties a tile feature carries; by default the first few of {@link TableSpec#properties()}. */
    default List<String> tileProperties() {
        return table().properties().stream().limit(5).map(Property::name).toList();
    }

    /**
     * What an anonymous reader (public read on) sees of this collection: by default all of it; a source with
     * non-public properties returns a view without them, and one that is not public at all returns null.
     */
    default CollectionSource publicView() {
        return this;
    }

    /** Whether clients with the right role may create, replace, update and delete features (OGC Part 4). */
    default boolean writable() {
        return false;
    }

    /** Whether this is one of the register's site collections, which together make up the dataset tiles. */
    default boolean siteCollection() {
        return false;
    }

    /** The same table seen by the tile engine. */
    default TileSpec tiles() {
        TableSpec t = table();
        Map<String, String> columns = new LinkedHashMap<>();
        for (String name : tileProperties()) {
            columns.put(name, t.property(name).orElseThrow().sqlColumn());
        }
        return new TileSpec(t.fromSql(), t.geometryColumn(), t.idColumn(), columns, t.fixedWhere(),
                t.fixedParams());
    }
}
