package org.wufei.gis.export;

import org.springframework.util.MultiValueMap;
import org.wufei.gis.catalog.CollectionSource;
import org.wufei.gis.catalog.ItemsRequest;
import org.wufei.gis.crs.OgcCrsUri;

/**
 * Reads an items query string (filter, bbox, datetime, property=value, sortby, properties, crs) exactly as
 * {@code /ogc/collections/{id}/items} does, for exports served elsewhere (the waste-heap register). Implemented by
 * the OGC module, so exports need not know how OGC parameters are parsed; a bad value is its 400 problem.
 */
public interface CollectionQueries {

    /**
     * A checked query.
     *
     * @param paged whether {@code limit} was given (otherwise every match is meant)
     */
    record Parsed(CollectionSource source, ItemsRequest request, boolean paged, OgcCrsUri crs) {
    }

    Parsed parse(String collectionId, MultiValueMap<String, String> params);
}
