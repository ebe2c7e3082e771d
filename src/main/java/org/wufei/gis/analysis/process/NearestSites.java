package org.wufei.gis.analysis.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;
import org.wufei.gis.analysis.AnalysisLimits;
import org.wufei.gis.analysis.PlanningProcess;
import org.wufei.gis.analysis.ProcessDescription;
import org.wufei.gis.analysis.ProcessInputs;
import org.wufei.gis.analysis.ProcessResult;
import org.wufei.gis.catalog.LocalizedText;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.sites.Lifecycles;

/**
 * The k nearest sites of given kinds to a point, by distance on the ground. The search radius starts at 250 m and
 * grows fourfold until k sites lie within it (or it spans the district), so each round is an exact, index-assisted
 * range query and the ranking is by metres, never by degrees.
 */
@Component
class NearestSites implements PlanningProcess {
    static final String ID = "nearest-sites";
    private static final double FIRST_RADIUS = 250;

    private final ProcessSql sql;
    private final Lifecycles lifecycles;
    private final ProcessDescription description;

    NearestSites(ProcessSql sql, Lifecycles lifecycles, AnalysisLimits limits) {
        this.sql = sql;
        this.lifecycles = lifecycles;
        this.description = new ProcessDescription(ID, "1.0.0",
                LocalizedText.of("process.nearest-sites.title"),
                LocalizedText.of("process.nearest-sites.description"),
                List.of(Schemas.input(ID, "point", Schemas.geometry(), true),
                        Schemas.input(ID, "k", Schemas.integer(1, limits.maxK(), 5), false),
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
        Geometry g = in.geometry("point").orElseThrow();
        if (!(g instanceof Point point)) {
            throw ApiException.badRequest("geometry_not_point", "point", "point");
        }
        int k = in.k("k", 5);
        SiteSelection sites = SiteSelection.of(in, lifecycles);
        double largest = districtSpan();
        List<ProcessResult.Feature> found = sql.run(() -> {
            double radius = FIRST_RADIUS;
            while (true) {
                List<ProcessResult.Feature> round = within(point, radius, k, sites);
                if (round.size() >= k || radius >= largest) {
                    return round;
                }
                radius = Math.min(radius * 4, largest);
            }
        });
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("k", k);
        summary.put("count", found.size());
        return new ProcessResult(found, summary);
    }

    private List<ProcessResult.Feature> within(Point p, double radius, int k, SiteSelection sites) {
        AnalysisDialect d = sql.dialect();
        double[] deg = sql.degrees(radius);
        List<Object> params = SiteSelection.params();
        String wkt = p.toText();
        params.add(wkt);
        params.addAll(List.of(p.getX() - deg[0], p.getY() - deg[1], p.getX() + deg[0], p.getY() + deg[1]));
        String where = sites.where(params);
        params.add(radius);
        params.add(k);
        String query = SiteSelection.nearestFirst(d, where);
        int[] rank = {0};
        return sql.jdbc().sql(query).params(params).query((rs, n) -> {
            Map<String, Object> props = SiteSelection.siteProperties(rs);
            props.put("rank", ++rank[0]);
            props.put("distance_m", SiteSelection.round(rs.getDouble("d")));
            return SiteSelection.feature(rs, props);
        }).list();
    }

    /** A radius from which every point of the district (with its margin) reaches every other. */
    private double districtSpan() {
        double[] b = sql.district().bbox();
        double dx = (b[2] - b[0]) * 111_320.0;
        double dy = (b[3] - b[1]) * 111_320.0;
        return Math.hypot(dx, dy) + 2 * sql.district().marginMetres() + 1_000;
    }
}
