package org.wufei.gis.catalog;

import org.wufei.gis.common.Actor;
import tools.jackson.databind.JsonNode;

/**
 * The write side of a collection (OGC API - Features Part 4), as {@link CollectionSource} is the read side: the
 * module that owns a collection's data implements it (the site register for the site collections), so the OGC
 * edge never sees that module's entities. A {@code feature} is the GeoJSON Feature the client sent (CRS84);
 * refusals are the owner's domain exceptions.
 */
public interface FeatureWriter {

    /** Whether this writer owns the collection's data. */
    boolean writes(String collectionId);

    Written create(String collectionId, JsonNode feature, Actor actor);

    /** PUT ({@code replace}: attributes the client left out become empty) and PATCH. */
    Written change(String collectionId, long id, long version, JsonNode feature, boolean replace, Actor actor);

    void delete(String collectionId, long id, long version, Actor actor);

    /** The stored feature's id and the version its ETag carries. */
    record Written(long id, long version) {
    }
}
