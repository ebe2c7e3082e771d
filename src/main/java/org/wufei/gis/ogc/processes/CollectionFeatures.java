package org.wufei.gis.ogc.processes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.wufei.gis.analysis.CollectionResolver;
import org.wufei.gis.analysis.OtherFeatures;
import org.wufei.gis.catalog.Catalog;
import org.wufei.gis.catalog.CollectionSource;
import org.wufei.gis.catalog.Property;
import org.wufei.gis.catalog.TableSpec;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.DatabaseKind;
import org.wufei.gis.common.District;
import org.wufei.gis.ogc.filter.Cql2Exception;
import org.wufei.gis.ogc.filter.Cql2SqlTranslator;
import org.wufei.gis.ogc.filter.Cql2Text;
import org.wufei.gis.ogc.filter.GeometryNormaliser;
import org.wufei.gis.ogc.filter.H2gisDialect;
import org.wufei.gis.ogc.filter.PostgisDialect;
import org.wufei.gis.ogc.filter.Queryable;
import org.wufei.gis.ogc.filter.Queryables;
import org.wufei.gis.ogc.filter.SpatialDialect;
import org.wufei.gis.ogc.filter.SqlFilter;

/**
 * A collection named in process inputs, with an optional CQL2 text filter (geometries in CRS84), as SQL for the
 * analysis module: the same allow-listed queryables and translator as the items endpoint.
 */
@Component
class CollectionFeatures implements CollectionResolver {
    private final Catalog catalog;
    private final SpatialDialect dialect;
    private final Map<CollectionSource, Queryables> queryables = new ConcurrentHashMap<>();

    CollectionFeatures(Catalog catalog, DatabaseKind kind, District district) {
        this.catalog = catalog;
        this.dialect = kind == DatabaseKind.POSTGIS ? new PostgisDialect(district.metricEpsg())
                : new H2gisDialect(district.metricEpsg());
    }

    @Override
    public OtherFeatures resolve(String collectionId, String filter) {
        CollectionSource source = catalog.find(collectionId)
                .orElseThrow(() -> ApiException.badRequest("collection_unknown", "collection", collectionId));
        TableSpec t = source.table();
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (t.fixedWhere() != null) {
            where.add("(" + t.fixedWhere() + ")");
            params.addAll(t.fixedParams());
        }
        if (filter != null && !filter.isBlank()) {
            SqlFilter f = translate(source, filter);
            where.add("(" + f.whereSql() + ")");
            params.addAll(f.params());
        }
        String label = t.property("name").map(Property::sqlColumn).orElse(t.idColumn());
        return new OtherFeatures(source.id(), t.fromSql(), t.idColumn(), label, t.geometryColumn(),
                where.isEmpty() ? "1 = 1" : String.join(" AND ", where), params,
                source.siteCollection());
    }

    private SqlFilter translate(CollectionSource source, String filter) {
        try {
            return Cql2SqlTranslator.translate(Cql2Text.parse(filter), queryables(source), dialect,
                    GeometryNormaliser.CRS84);
        } catch (Cql2Exception e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.code(), "filter", e.messageZh(), e.messageEn());
        }
    }

    private Queryables queryables(CollectionSource source) {
        return queryables.computeIfAbsent(source, k -> {
            List<Queryable> list = new ArrayList<>();
            for (Property p : source.table().properties()) {
                list.add(new Queryable(p.name(), p.sqlColumn(), type(p.type()), p.enumValues()));
            }
            list.add(new Queryable("geometry", source.table().geometryColumn(), Queryable.Type.GEOMETRY));
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
}
