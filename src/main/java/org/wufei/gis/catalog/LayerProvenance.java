package org.wufei.gis.catalog;

import java.util.Map;
import java.util.Optional;

/**
 * Where a layer's current data came from (source, date, licence, who loaded it, earlier versions), told by the module
 * that loads the layer; the collection documents show it as their {@code provenance} member.
 */
public interface LayerProvenance {

    /** The provenance of a collection as JSON-ready values in display order, or empty when this bean does not know it. */
    Optional<Map<String, Object>> of(String collectionId);
}
