package org.wufei.gis.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.wufei.gis.common.ApiException;

/** Every collection the service serves, found as {@link CollectionSource} beans, in a stable order. */
@Component
public class Catalog {
    private final Map<String, CollectionSource> byId = new LinkedHashMap<>();

    public Catalog(List<CollectionSource> sources) {
        this(List.of(), sources);
    }

    /** The groups' collections first (in group order), then the single sources. */
    @Autowired
    public Catalog(List<CollectionGroup> groups, List<CollectionSource> sources) {
        List<CollectionSource> all = new java.util.ArrayList<>();
        groups.forEach(g -> all.addAll(g.sources()));
        all.addAll(sources);
        for (CollectionSource s : all) {
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

    /** The collections a reader sees: anonymous readers get each collection's public view, and only public ones. */
    public List<CollectionSource> all(boolean anonymous) {
        if (!anonymous) {
            return all();
        }
        return byId.values().stream().map(CollectionSource::publicView).filter(Objects::nonNull).toList();
    }

    /** The collection as this reader may see it, if at all. */
    public Optional<CollectionSource> find(String id, boolean anonymous) {
        return anonymous ? find(id).map(CollectionSource::publicView) : find(id);
    }

    /**
     * The collection as this reader may see it; 404 {@code collection_not_found} when there is none, 401
     * {@code authentication_required} when only signed-in users may read it.
     */
    public CollectionSource require(String id, boolean anonymous) {
        CollectionSource source = require(id);
        if (!anonymous) {
            return source;
        }
        CollectionSource view = source.publicView();
        if (view == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "authentication_required", null);
        }
        return view;
    }
}
