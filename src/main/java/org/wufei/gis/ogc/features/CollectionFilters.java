package org.wufei.gis.ogc.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;
import org.wufei.gis.catalog.CollectionSource;
import org.wufei.gis.catalog.Property;
import org.wufei.gis.common.DatabaseKind;
import org.wufei.gis.common.District;
import org.wufei.gis.crs.CrsRegistry;
import org.wufei.gis.crs.OgcCrsUri;
import org.wufei.gis.ogc.filter.GeometryNormaliser;
import org.wufei.gis.ogc.filter.H2gisDialect;
import org.wufei.gis.ogc.filter.PostgisDialect;
import org.wufei.gis.ogc.filter.Queryable;
import org.wufei.gis.ogc.filter.Queryables;
import org.wufei.gis.ogc.filter.SpatialDialect;

/**
 * The filter side of each collection: its allow-list of queryables (built once), the database's spatial dialect
 * and the normaliser that brings filter geometries from any offered CRS to storage coordinates.
 */
@Component
class CollectionFilters {
    /** The public name of the geometry queryable in filters and /queryables. */
    static final String GEOMETRY = "geometry";

    private final SpatialDialect dialect;
    private final CrsRegistry crs;
    // keyed by the source itself: a collection's public view has fewer queryables than the full one
    private final Map<CollectionSource, Queryables> queryables = new ConcurrentHashMap<>();

    CollectionFilters(DatabaseKind kind, District district, CrsRegistry crs) {
        this.dialect = kind == DatabaseKind.POSTGIS ? new PostgisDialect(district.metricEpsg())
                : new H2gisDialect(district.metricEpsg());
        this.crs = crs;
    }

    SpatialDialect dialect() {
        return dialect;
    }

    Queryables queryables(CollectionSource source) {
        return queryables.computeIfAbsent(source, k -> {
            List<Queryable> list = new ArrayList<>();
            for (Property p : source.table().properties()) {
                list.add(new Queryable(p.name(), p.sqlColumn(), type(p.type()), p.enumValues()));
            }
            list.add(new Queryable(GEOMETRY, source.table().geometryColumn(), Queryable.Type.GEOMETRY));
            return Queryables.of(list);
        });
    }

    private static Queryable.Type type(Property.Type t) {
        return switch (t) {
            case STRING -> Queryable.Type.STRING;
            case INTEGER -> Queryable.Type.INTEGER;
            case NUMBER -> Queryable.Type.NUMBER;
            case BOOLEAN -> Queryable.Type.BOOLEAN;
            case TIMESTAMP -> Queryable.Type.TIMESTAMP;
        };
    }

    /** The code the translator uses for a filter-crs: 84 for CRS84, else the EPSG code. */
    static int filterCrsCode(OgcCrsUri uri) {
        return uri.equals(OgcCrsUri.CRS84) ? GeometryNormaliser.CRS84 : uri.srid();
    }

    /** Filter geometries in any offered CRS, written in that CRS's axis order, to storage lon/lat. */
    GeometryNormaliser normaliser(OgcCrsUri filterCrs) {
        return (geometry, code) -> {
            if (code == GeometryNormaliser.CRS84) {
                return geometry;
            }
            Geometry g = geometry;
            if (filterCrs.northFirst()) {
                g = geometry.copy();
                g.apply((CoordinateFilter) CollectionFilters::swap);
                g.geometryChanged();
            }
            return code == 4326 ? g : crs.transform(g, code, 4326);
        };
    }

    static void swap(Coordinate c) {
        double x = c.x;
        c.x = c.y;
        c.y = x;
    }
}
