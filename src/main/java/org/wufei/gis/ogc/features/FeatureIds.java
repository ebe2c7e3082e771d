package org.wufei.gis.ogc.features;

import org.wufei.gis.common.ApiException;

/** Feature ids are the primary keys of their tables: a positive integer, anything else is simply not found. */
final class FeatureIds {

    private FeatureIds() {
    }

    static long parse(String featureId) {
        try {
            long id = Long.parseLong(featureId);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through: not an id of ours
        }
        throw ApiException.notFound("feature", featureId);
    }
}
