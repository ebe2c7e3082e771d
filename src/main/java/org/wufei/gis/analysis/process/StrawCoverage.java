package org.wufei.gis.analysis.process;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.wufei.gis.analysis.AnalysisLimits;
import org.wufei.gis.analysis.PlanningProcess;
import org.wufei.gis.analysis.ProcessDescription;
import org.wufei.gis.analysis.ProcessInputs;
import org.wufei.gis.analysis.ProcessResult;
import org.wufei.gis.catalog.LocalizedText;
import org.wufei.gis.common.ApiException;

/**
 * 秸秆收储运体系覆盖率: a village is covered when a straw collection point of the right tier lies within that tier's
 * service radius (village point 3 km, township centre 10 km, district lead enterprise the whole district, by
 * default). Shares by count and by weight (cropland), and the uncovered villages first.
 */
@Component
class StrawCoverage implements PlanningProcess {
    static final String ID = "straw-coverage";

    private final ProcessSql sql;
    private final ProcessDescription description;

    StrawCoverage(ProcessSql sql, AnalysisLimits limits) {
        this.sql = sql;
        double max = limits.maxDistanceMetres();
        this.description = new ProcessDescription(ID, "1.0.0",
                new LocalizedText("秸秆收储覆盖率", "Straw collection coverage"),
                new LocalizedText("按收储点层级服务半径计算行政村覆盖率（按个数和耕地权重），列出未覆盖村",
                        "Villages covered by a straw point of the right tier within its service radius; shares by "
                                + "count and weight; the uncovered villages"),
                List.of(Schemas.input("village_radius", "村级收储点服务半径（米）", "Village point radius (m)",
                                Schemas.metres(max, 3_000.0), false),
                        Schemas.input("township_radius", "乡镇收储中心服务半径（米）", "Township centre radius (m)",
                                Schemas.metres(max, 10_000.0), false),
                        Schemas.input("district_radius", "区级龙头企业服务半径（米，缺省全区）",
                                "District lead enterprise radius (m; whole district if absent)",
                                Schemas.metres(max, null), false),
                        Schemas.input("statuses", "计入的收储点状态", "Straw point statuses counted",
                                Schemas.strings(), false)),
                Schemas.featureCollection(), true);
    }

    @Override
    public ProcessDescription description() {
        return description;
    }

    /** Service radius per tier in metres; the district tier's is null when it serves the whole district. */
    record Radii(double village, double township, Double district) {
    }

    @Override
    public ProcessResult execute(ProcessInputs in) {
        Radii radii = new Radii(in.metres("village_radius", 3_000), in.metres("township_radius", 10_000),
                in.has("district_radius") ? in.metres("district_radius", 0) : null);
        Set<String> statuses = in.strings("statuses");
        if (statuses.isEmpty()) {
            statuses = Set.of("operating");
        }
        for (String s : statuses) {
            if (!List.of("planned", "building", "operating", "suspended", "revoked").contains(s)) {
                throw ApiException.badRequest("status_unknown", "statuses", s);
            }
        }
        Set<String> counted = statuses;
        List<ProcessResult.Feature> villages = sql.run(() -> coverage(radii, counted));
        return new ProcessResult(villages, summary(villages, radii));
    }

    /** Every village with whether, by which point and how far it is covered; uncovered first. */
    List<ProcessResult.Feature> coverage(Radii radii, Set<String> statuses) {
        Map<String, Map<String, Object>> byVillage = new LinkedHashMap<>();
        Map<String, org.locationtech.jts.geom.Geometry> geometries = new LinkedHashMap<>();
        sql.jdbc().sql("SELECT code, name, township, weight, ST_AsBinary(geom) AS wkb FROM village ORDER BY code")
                .query(rs -> {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("code", rs.getString("code"));
                    p.put("name", rs.getString("name"));
                    p.put("township", rs.getString("township"));
                    p.put("weight", rs.getDouble("weight"));
                    p.put("covered", false);
                    p.put("covering_site", null);
                    p.put("covering_tier", null);
                    p.put("distance_m", null);
                    byVillage.put(rs.getString("code"), p);
                    geometries.put(rs.getString("code"), ProcessSql.wkb(rs.getBytes("wkb")));
                });
        coveringPairs(radii, statuses, (village, site, tier, metres) -> {
            Map<String, Object> p = byVillage.get(village);
            if (p != null && !(Boolean) p.get("covered")) {
                p.put("covered", true);
                p.put("covering_site", site);
                p.put("covering_tier", tier);
                p.put("distance_m", SiteSelection.round(metres));
            }
        });
        List<ProcessResult.Feature> out = new ArrayList<>();
        byVillage.forEach((code, p) -> out.add(new ProcessResult.Feature(code, geometries.get(code), p)));
        out.sort(Comparator.comparing((ProcessResult.Feature f) -> (Boolean) f.properties().get("covered"))
                .thenComparing(f -> -(Double) f.properties().get("weight")).thenComparing(ProcessResult.Feature::id));
        return out;
    }

    interface Pair {
        void accept(String village, String site, String tier, double metres);
    }

    /** Every (village, covering straw point) pair, nearest first per village. */
    private void coveringPairs(Radii radii, Set<String> statuses, Pair pair) {
        AnalysisDialect d = sql.dialect();
        double[] v = sql.degrees(radii.village());
        double[] t = sql.degrees(radii.township());
        List<Object> params = new ArrayList<>(statuses);
        params.addAll(List.of(v[0], v[1], radii.village(), t[0], t[1], radii.township()));
        String district = "k.tier = 'district_leader'";
        if (radii.district() != null) {
            double[] w = sql.degrees(radii.district());
            district += " AND " + d.nearBox("s.geom", "v.geom") + " AND " + d.within("v.geom", "s.geom");
            params.addAll(List.of(w[0], w[1], radii.district()));
        }
        String query = "SELECT v.code AS vcode, s.code AS scode, k.tier, " + d.distance("v.geom", "s.geom") + " AS d"
                + " FROM village v, site s JOIN straw_collection_point k ON k.site_id = s.id"
                + " WHERE s.kind = 'straw_collection_point' AND s.deleted_at IS NULL AND s.status IN ("
                + String.join(", ", java.util.Collections.nCopies(statuses.size(), "?")) + ") AND ("
                + "(k.tier = 'village_point' AND " + d.nearBox("s.geom", "v.geom") + " AND "
                + d.within("v.geom", "s.geom") + ") OR (k.tier = 'township_centre' AND "
                + d.nearBox("s.geom", "v.geom") + " AND " + d.within("v.geom", "s.geom") + ") OR (" + district
                + ")) ORDER BY v.code, d, s.code";
        sql.jdbc().sql(query).params(params).query(rs -> {
            pair.accept(rs.getString("vcode"), rs.getString("scode"), rs.getString("tier"), rs.getDouble("d"));
        });
    }

    private static Map<String, Object> summary(List<ProcessResult.Feature> villages, Radii radii) {
        long covered = villages.stream().filter(f -> (Boolean) f.properties().get("covered")).count();
        double weight = villages.stream().mapToDouble(f -> (Double) f.properties().get("weight")).sum();
        double coveredWeight = villages.stream().filter(f -> (Boolean) f.properties().get("covered"))
                .mapToDouble(f -> (Double) f.properties().get("weight")).sum();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("villages", villages.size());
        s.put("covered", covered);
        s.put("uncovered", villages.size() - covered);
        s.put("share_by_count", villages.isEmpty() ? 0.0 : round4((double) covered / villages.size()));
        s.put("weight", weight);
        s.put("covered_weight", coveredWeight);
        s.put("share_by_weight", weight == 0 ? 0.0 : round4(coveredWeight / weight));
        s.put("village_radius_m", radii.village());
        s.put("township_radius_m", radii.township());
        s.put("district_radius_m", radii.district());
        return s;
    }

    private static double round4(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }
}
