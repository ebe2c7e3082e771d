package org.wufei.gis.ogc.filter;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The allow-list of properties of one collection: the only way a request's property name reaches SQL. */
public interface Queryables {

    /** Looks a public property name up exactly (OGC property names are case-sensitive). */
    Optional<Queryable> find(String name);

    /** Every queryable, in the order the collection declares them. */
    Collection<Queryable> all();

    /** Resolves a name or fails with the given error code. */
    default Queryable require(String name, String errorCode) {
        return find(name).orElseThrow(() -> Cql2Exception.keyed(errorCode,
                "cql2.unknown_property", name));
    }

    static Queryables of(Queryable... queryables) {
        return of(List.of(queryables));
    }

    static Queryables of(Collection<Queryable> queryables) {
        Map<String, Queryable> byName = new LinkedHashMap<>();
        for (Queryable q : queryables) {
            if (byName.putIfAbsent(q.name(), q) != null) {
                throw new IllegalArgumentException("duplicate queryable " + q.name());
            }
        }
        Map<String, Queryable> frozen = java.util.Collections.unmodifiableMap(byName);
        return new Queryables() {
            @Override
            public Optional<Queryable> find(String name) {
                return Optional.ofNullable(frozen.get(name));
            }

            @Override
            public Collection<Queryable> all() {
                return frozen.values();
            }
        };
    }
}
