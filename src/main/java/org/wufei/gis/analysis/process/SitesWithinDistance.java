package org.wufei.gis.analysis.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Component;
import org.wufei.gis.analysis.CollectionResolver;
import org.wufei.gis.analysis.OtherFeatures;
import org.wufei.gis.analysis.PlanningProcess;
import org.wufei.gis.analysis.ProcessDescription;
import org.wufei.gis.analysis.ProcessInputs;
import org.wufei.gis.analysis.ProcessResult;
import org.wufei.gis.catalog.LocalizedText;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.sites.Lifecycles;

/**
 * Sites (of given kinds and statuses) within D metres of a geometry, or of the features of a collection (a
 * reference layer, or any collection filtered by CQL2), each with its distance and the nearest feature.
 */
@Component
class SitesWithinDistance implements PlanningProcess {
    static final String ID = "sites-within-distance";

    private final ProcessSql sql;
    private final Lifecycles lifecycles;
    private final CollectionResolver collections;
    private final ProcessDescription description;

    SitesWithinDistance(ProcessSql sql, Lifecycles lifecycles, CollectionResolver collections,
            org.wufei.gis.analysis.AnalysisLimits limits) {
        this.sql = sql;
        this.lifecycles = lifecycles;
        this.collections = collections;
        this.description = new ProcessDescription(ID, "1.0.0",
                LocalizedText.of("process.sites-within-distance.title"),
                LocalizedText.of("process.sites-within-distance.description"),
                List.of(Schemas.input(ID, "geometry", Schemas.geometry(), false),
                        Schemas.input(ID, "collection", Schemas.string(), false),
                        Schemas.input(ID, "filter", Schemas.string(), false),
                        Schemas.input(ID, "distance",
                                Schemas.metres(limits.maxDistanceMetres(), null), true),
                        Schemas.input(ID, "kinds", Schemas.kinds(), false),
                        Schemas.input(ID, "statuses", Schemas.strings(), false)),
                Schemas.featureCollection(), true);
    }

    @Override
    public ProcessDescription description() {
        return description;
    }

    @Override
    public ProcessResult execute(ProcessInputs in) {
        double metres = in.metres("distance", 0);
        SiteSelection sites = SiteSelection.of(in, lifecycles);
        Optional<Geometry> geometry = in.geometry("geometry");
        Optional<String> collection = in.text("collection");
        if (geometry.isPresent() == collection.isPresent()) {
            throw ApiException.badRequest("process_input_choice", "geometry", "geometry", "collection");
        }
        if (geometry.isEmpty() && in.has("filter") && collection.isEmpty()) {
            throw ApiException.badRequest("process_input_choice", "filter", "geometry", "collection");
        }
        OtherFeatures other = geometry.isPresent() ? null
                : collections.resolve(collection.get(), in.text("filter").orElse(null));
        List<ProcessResult.Feature> features = sql.run(() -> geometry.isPresent()
                ? nearGeometry(geometry.get(), metres, sites, in.limits().maxResults())
                : nearCollection(other, metres, sites, in.limits().maxResults()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("distance_m", metres);
        summary.put("count", features.size());
        return new ProcessResult(features, summary);
    }

    private List<ProcessResult.Feature> nearGeometry(Geometry g, double metres, SiteSelection sites, int max) {
        AnalysisDialect d = sql.dialect();
        String wkt = g.toText();
        Envelope box = g.getEnvelopeInternal();
        double[] deg = sql.degrees(metres);
        List<Object> params = SiteSelection.params();
        params.add(wkt);
        params.addAll(List.of(box.getMinX() - deg[0], box.getMinY() - deg[1], box.getMaxX() + deg[0],
                box.getMaxY() + deg[1]));
        String where = sites.where(params);
        params.add(metres);
        params.add(max + 1);
        String query = SiteSelection.nearestFirst(d, where);
        return sql.jdbc().sql(query).params(params).query((rs, n) -> {
            Map<String, Object> p = SiteSelection.siteProperties(rs);
            p.put("distance_m", SiteSelection.round(rs.getDouble("d")));
            p.put("nearest_collection", null);
            p.put("nearest_id", null);
            p.put("nearest_name", null);
            return SiteSelection.feature(rs, p);
        }).list();
    }

    private List<ProcessResult.Feature> nearCollection(OtherFeatures o, double metres, SiteSelection sites,
            int max) {
        AnalysisDialect d = sql.dialect();
        double[] deg = sql.degrees(metres);
        List<Object> params = new ArrayList<>(o.params());
        params.add(deg[0]);
        params.add(deg[1]);
        String where = sites.where(params);
        params.add(metres);
        params.add(10 * (max + 1));
        String query = "SELECT " + SiteSelection.COLUMNS + ", o.oid, o.olabel, " + d.distance("s.geom", "o.ogeom")
                + " AS d FROM (SELECT " + o.idSql() + " AS oid, " + o.labelSql() + " AS olabel, " + o.geomSql()
                + " AS ogeom FROM " + o.fromSql() + " WHERE " + o.whereSql() + ") o JOIN site s ON "
                + d.nearBox("s.geom", "o.ogeom") + " WHERE " + where + " AND " + d.within("s.geom", "o.ogeom")
                + (o.siteIds() ? " AND s.id <> o.oid" : "") + " ORDER BY d, s.id, o.oid LIMIT ?";
        Map<String, ProcessResult.Feature> nearest = new LinkedHashMap<>();
        sql.jdbc().sql(query).params(params).query(rs -> {
            String code = rs.getString("code");
            if (!nearest.containsKey(code)) {
                Map<String, Object> p = SiteSelection.siteProperties(rs);
                p.put("distance_m", SiteSelection.round(rs.getDouble("d")));
                p.put("nearest_collection", o.collection());
                p.put("nearest_id", rs.getString("oid"));
                p.put("nearest_name", rs.getString("olabel"));
                nearest.put(code, SiteSelection.feature(rs, p));
            }
        });
        return List.copyOf(nearest.values());
    }
}
