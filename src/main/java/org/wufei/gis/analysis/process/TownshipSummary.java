package org.wufei.gis.analysis.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.wufei.gis.analysis.CollectionResolver;
import org.wufei.gis.analysis.OtherFeatures;
import org.wufei.gis.analysis.PlanningProcess;
import org.wufei.gis.analysis.ProcessDescription;
import org.wufei.gis.analysis.ProcessInputs;
import org.wufei.gis.analysis.ProcessResult;
import org.wufei.gis.catalog.LocalizedText;
import org.wufei.gis.sites.Lifecycles;
import org.wufei.gis.sites.SiteKind;

/**
 * Per township (or per polygon of any polygon collection): how many sites of each kind and status lie in it (a site
 * counts where a point on its surface lies), their area in m² measured in the metric CRS, and how many are overdue.
 */
@Component
class TownshipSummary implements PlanningProcess {
    static final String ID = "township-summary";

    private final ProcessSql sql;
    private final Lifecycles lifecycles;
    private final CollectionResolver collections;
    private final Clock clock;
    private final ProcessDescription description;

    TownshipSummary(ProcessSql sql, Lifecycles lifecycles, CollectionResolver collections, Clock clock) {
        this.sql = sql;
        this.lifecycles = lifecycles;
        this.collections = collections;
        this.clock = clock;
        this.description = new ProcessDescription(ID, "1.0.0",
                LocalizedText.of("process.township-summary.title"),
                LocalizedText.of("process.township-summary.description"),
                List.of(Schemas.input(ID, "collection", Schemas.string(), false),
                        Schemas.input(ID, "filter", Schemas.string(), false),
                        Schemas.input(ID, "kinds", Schemas.kinds(), false),
                        Schemas.input(ID, "statuses", Schemas.strings(), false),
                        Schemas.input(ID, "today", Schemas.date(), false)),
                Schemas.featureCollection(), true);
    }

    @Override
    public ProcessDescription description() {
        return description;
    }

    @Override
    public ProcessResult execute(ProcessInputs in) {
        SiteSelection sites = SiteSelection.of(in, lifecycles);
        LocalDate today = in.date("today").orElse(LocalDate.now(clock));
        OtherFeatures areas = collections.resolve(in.text("collection").orElse("townships"),
                in.text("filter").orElse(null));
        AnalysisDialect d = sql.dialect();
        List<Object> params = new ArrayList<>();
        params.add(today);
        params.addAll(areas.params());
        String where = sites.where(params);
        String query = "SELECT o.oid, o.olabel, s.kind, s.status, COUNT(*) AS n, SUM(ST_Area(" + d.metric("s.geom")
                + ")) AS a, SUM(CASE WHEN s.deadline IS NOT NULL AND s.deadline < ? THEN 1 ELSE 0 END) AS overdue"
                + " FROM (SELECT " + areas.idSql() + " AS oid, " + areas.labelSql() + " AS olabel, " + areas.geomSql()
                + " AS ogeom FROM " + areas.fromSql() + " WHERE " + areas.whereSql() + ") o JOIN site s"
                + " ON s.geom && o.ogeom AND ST_Intersects(o.ogeom, ST_PointOnSurface(s.geom)) WHERE " + where
                + " GROUP BY o.oid, o.olabel, s.kind, s.status ORDER BY o.olabel, s.kind, s.status";
        List<ProcessResult.Feature> rows = sql.run(() -> sql.jdbc().sql(query).params(params).query((rs, n) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("area_id", rs.getString("oid"));
            p.put("area_name", rs.getString("olabel"));
            p.put("kind", rs.getString("kind"));
            p.put("status", rs.getString("status"));
            p.put("count", rs.getLong("n"));
            p.put("area_m2", Math.round(rs.getDouble("a") * 10.0) / 10.0);
            p.put("overdue", rs.getLong("overdue"));
            return new ProcessResult.Feature(rs.getString("oid") + "/" + rs.getString("kind") + "/"
                    + rs.getString("status"), null, p);
        }).list());
        return new ProcessResult(rows, totals(rows, today, areas.collection(), lifecycles.kinds().all()));
    }

    private static Map<String, Object> totals(List<ProcessResult.Feature> rows, LocalDate today, String layer,
            java.util.Collection<SiteKind> kinds) {
        Map<String, Object> byKind = new LinkedHashMap<>();
        long count = 0;
        long overdue = 0;
        for (SiteKind k : kinds) {
            long n = rows.stream().filter(r -> k.id().equals(r.properties().get("kind")))
                    .mapToLong(r -> (Long) r.properties().get("count")).sum();
            if (n > 0) {
                byKind.put(k.id(), n);
            }
            count += n;
        }
        for (ProcessResult.Feature r : rows) {
            overdue += (Long) r.properties().get("overdue");
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("collection", layer);
        summary.put("today", today.toString());
        summary.put("count", count);
        summary.put("overdue", overdue);
        summary.put("by_kind", byKind);
        return summary;
    }
}
