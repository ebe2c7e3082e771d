package org.wufei.gis.ogc.filter;

import java.util.List;
import org.wufei.gis.ogc.filter.Queryable.Type;

/** The queryables of the test {@code site} table, shared by translation and execution tests. */
final class SiteQueryables {

    static final Queryables SITE = Queryables.of(
            new Queryable("id", "id", Type.INTEGER),
            new Queryable("name", "name", Type.STRING),
            new Queryable("site name", "name", Type.STRING),
            new Queryable("status", "status", Type.STRING, List.of("suspected", "confirmed", "remediated")),
            new Queryable("area_m2", "area_m2", Type.NUMBER),
            new Queryable("updated_at", "updated_at", Type.TIMESTAMP),
            new Queryable("geom", "geom", Type.GEOMETRY));

    private SiteQueryables() {
    }
}
