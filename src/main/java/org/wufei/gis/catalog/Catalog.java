package org.wufei.gis.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.wufei.gis.common.ApiException;

/** Every collection the service serves, found as {@link CollectionSource} beans, in a stable order. */
@Component
public class Catalog {
    private final Map<String, CollectionSource> byId = new LinkedHashMap<>();

    public Catalog(List<CollectionSource> sources) {
        for (CollectionSource s : sources) {
            if (byId.putIfAbsent(s.id(), s) != null) {
                throw new IllegalStateException("Two collection sources with id " + s.id());
            }
        }
    }

    public List<CollectionSource> all() {
        return List.copyOf(byId.values());
    }

    public Optional<CollectionSource> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The collection, or 404 problem {@code collection_not_found}. */
    public CollectionSource require(String id) {
        return find(id).orElseThrow(() -> ApiException.notFound("collection", id));
    }
}
