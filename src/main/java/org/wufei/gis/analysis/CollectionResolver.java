package org.wufei.gis.analysis;

/**
 * Turns a collection id and an optional CQL2 text filter into {@link OtherFeatures}; implemented by the OGC layer,
 * which owns collections and the CQL2 translator, so this module needs neither.
 */
public interface CollectionResolver {

    /**
     * @param filter CQL2 text, or null for every feature
     * @throws org.wufei.gis.common.ApiException 400 for an unknown collection or a bad filter
     */
    OtherFeatures resolve(String collectionId, String filter);
}
