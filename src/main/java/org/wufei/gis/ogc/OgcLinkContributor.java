package org.wufei.gis.ogc;

import java.util.List;
import java.util.Map;
import org.wufei.gis.catalog.CollectionSource;

/**
 * Extra links another module adds to OGC documents (e.g. the tiles module's tiling schemes and tilesets), so the
 * documents here need no knowledge of it. Every bean of this type is asked.
 */
public interface OgcLinkContributor {

    /** Links for the landing page; {@code base} is the absolute URL of {@code /ogc}. */
    default List<Map<String, Object>> landing(String base) {
        return List.of();
    }

    /** Links for one collection's document. */
    default List<Map<String, Object>> collection(String base, CollectionSource source) {
        return List.of();
    }
}
