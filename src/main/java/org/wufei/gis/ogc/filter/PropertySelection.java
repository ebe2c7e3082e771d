package org.wufei.gis.ogc.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code properties=a,b} parameter resolved against the allow-list: which properties a response carries.
 *
 * @param properties the selected properties in request order
 * @param all true when the client did not restrict the properties at all
 */
public record PropertySelection(List<Queryable> properties, boolean all) {

    public PropertySelection {
        properties = List.copyOf(properties);
    }

    /** Null means every property; an empty value means none (only id and geometry). */
    public static PropertySelection parse(String properties, Queryables queryables) {
        if (properties == null) {
            return new PropertySelection(new ArrayList<>(queryables.all()), true);
        }
        List<Queryable> selected = new ArrayList<>();
        if (properties.isBlank()) {
            return new PropertySelection(selected, false);
        }
        for (String part : properties.split(",", -1)) {
            String name = part.strip();
            Queryable q = queryables.require(name, Cql2Exception.PARAM_UNKNOWN_PROPERTY);
            if (!selected.contains(q)) {
                selected.add(q);
            }
        }
        return new PropertySelection(selected, false);
    }

    public List<String> names() {
        return properties.stream().map(Queryable::name).toList();
    }

    public List<String> columns() {
        return properties.stream().map(Queryable::sqlColumn).toList();
    }

    public boolean includes(String name) {
        return properties.stream().anyMatch(q -> q.name().equals(name));
    }
}
