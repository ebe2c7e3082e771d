package org.wufei.gis.analysis.process;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.stereotype.Component;
import org.wufei.gis.analysis.AnalysisLimits;
import org.wufei.gis.analysis.PlanningProcess;
import org.wufei.gis.analysis.ProcessDescription;
import org.wufei.gis.analysis.ProcessInputs;
import org.wufei.gis.analysis.ProcessResult;
import org.wufei.gis.analysis.StrawCoverageRule;
import org.wufei.gis.catalog.LocalizedText;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.crs.MetricCrs;

/**
 * 秸秆收储运体系覆盖率: a village is covered when a straw collection point of the right tier lies within that tier's
 * service radius (village point 3 km, township centre 10 km, district lead enterprise the whole district, by
 * default). Shares by count and by weight (cropland), and the uncovered villages first.
 *
 * <p>Matched in Java, not SQL: villages and counted points are read once, projected to the metric CRS (proj4j,
 * the same EPSG:4546 the databases use) and each tier indexed in an STRtree, so 1,000 villages against tens of
 * thousands of points (a district-wide tier pairs every village with every lead enterprise) stay well under a
 * second; distances are Euclidean in EPSG:4546, as ST_Distance on transformed geometries gives them.
 */
@Component
class StrawCoverage implements PlanningProcess, StrawCoverageRule {
    static final String ID = "straw-coverage";
    static final List<String> TIERS = List.of("village_point", "township_centre", "district_leader");

    private final ProcessSql sql;
    private final MetricCrs metric;
    private final ProcessDescription description;

    StrawCoverage(ProcessSql sql, MetricCrs metric, AnalysisLimits limits) {
        this.sql = sql;
        this.metric = metric;
        double max = limits.maxDistanceMetres();
        this.description = new ProcessDescription(ID, "1.0.0",
                LocalizedText.of("process.straw-coverage.title"),
                LocalizedText.of("process.straw-coverage.description"),
                List.of(Schemas.input(ID, "village_radius",
                                Schemas.metres(max, 3_000.0), false),
                        Schemas.input(ID, "township_radius",
                                Schemas.metres(max, 10_000.0), false),
                        Schemas.input(ID, "district_radius",
                                Schemas.metres(max, null), false),
                        Schemas.input(ID, "statuses",
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
        List<ProcessResult.Feature> villages = sql.runLarge(() -> coverage(radii, counted));
        return new ProcessResult(villages, summary(villages, radii));
    }

    /** The same rule for the indicators: the points whose site id {@code counted} accepts, whatever their status. */
    @Override
    public List<Village> villages(StrawCoverageRule.Radii radii, java.util.function.LongPredicate counted) {
        return sql.run(() -> coverage(new Radii(radii.village(), radii.township(), radii.district()),
                loadPoints((id, status) -> counted.test(id)))).stream().map(f -> {
                    Map<String, Object> p = f.properties();
                    return new Village((String) p.get("code"), (String) p.get("name"), (String) p.get("township"),
                            (Double) p.get("weight"), (Boolean) p.get("covered"), (String) p.get("covering_site"),
                            (String) p.get("covering_tier"));
                }).toList();
    }

    /** The rule for several sets of counted points at once: villages and points are read once (a monthly series). */
    @Override
    public List<List<Village>> villagesEach(StrawCoverageRule.Radii radii,
            List<java.util.function.LongPredicate> counted) {
        return sql.run(() -> new StrawCoverageEach(this, new Radii(radii.village(), radii.township(),
                radii.district()), loadPoints((id, status) -> counted.stream().anyMatch(c -> c.test(id))))
                .villages(counted));
    }

    @Override
    public List<List<Village>> villagesEach(StrawCoverageRule.Radii radii, java.util.Collection<Long> candidates,
            List<java.util.function.LongPredicate> counted) {
        return sql.run(() -> new StrawCoverageEach(this, new Radii(radii.village(), radii.township(),
                radii.district()), loadPoints(candidates)).villages(counted));
    }

    /** Every village with whether, by which point and how far it is covered; uncovered first. */
    List<ProcessResult.Feature> coverage(Radii radii, Set<String> statuses) {
        return coverage(radii, loadPoints(List.copyOf(statuses), (id, status) -> statuses.contains(status)));
    }

    /** Which straw points count, by site id and current status. */
    interface Counted {
        boolean test(long siteId, String status);
    }

    private List<ProcessResult.Feature> coverage(Radii radii, List<Loaded> counted) {
        List<ProcessResult.Feature> villages = new ArrayList<>();
        List<Coordinate> at = new ArrayList<>();
        loadVillages(villages, at);
        Map<String, STRtree> tiers = points(counted);
        List<ProcessResult.Feature> out = new ArrayList<>();
        for (int i = 0; i < villages.size(); i++) {
            Covering best = nearest(tiers.get("village_point"), at.get(i), radii.village());
            best = better(best, nearest(tiers.get("township_centre"), at.get(i), radii.township()));
            best = better(best, nearest(tiers.get("district_leader"), at.get(i), radii.district()));
            Map<String, Object> p = new LinkedHashMap<>(villages.get(i).properties());
            p.put("covered", best != null);
            p.put("covering_site", best == null ? null : best.point().code());
            p.put("covering_tier", best == null ? null : best.point().tier());
            p.put("distance_m", best == null ? null : SiteSelection.round(best.metres()));
            out.add(new ProcessResult.Feature(villages.get(i).id(), villages.get(i).geometry(), p));
        }
        out.sort(Comparator.comparing((ProcessResult.Feature f) -> (Boolean) f.properties().get("covered"))
                .thenComparing(f -> -(Double) f.properties().get("weight")).thenComparing(ProcessResult.Feature::id));
        return out;
    }

    /** Every village (code order) and a point on its surface in the metric CRS. */
    void loadVillages(List<ProcessResult.Feature> villages, List<Coordinate> at) {
        sql.jdbc().sql("SELECT code, name, township, weight, ST_AsBinary(geom) AS wkb FROM village ORDER BY code")
                .query(rs -> {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("code", rs.getString("code"));
                    p.put("name", rs.getString("name"));
                    p.put("township", rs.getString("township"));
                    p.put("weight", rs.getDouble("weight"));
                    Geometry g = ProcessSql.wkb(rs.getBytes("wkb"));
                    villages.add(new ProcessResult.Feature(rs.getString("code"), g, p));
                    at.add(metric.toMetric(g.getInteriorPoint()).getCoordinate());
                });
    }

    /** A straw point in the metric CRS. */
    record StrawPoint(String code, String tier, Coordinate at) {
    }

    record Covering(StrawPoint point, double metres) {
    }

    /** The counted straw points by tier, each tier indexed in the metric CRS. */
    private static Map<String, STRtree> points(List<Loaded> counted) {
        Map<String, STRtree> tiers = new LinkedHashMap<>();
        for (String tier : TIERS) {
            tiers.put(tier, new STRtree());
        }
        for (Loaded p : counted) {
            tiers.get(p.point().tier()).insert(new Envelope(p.point().at()), p.point());
        }
        return tiers;
    }

    /** A straw point of the register with its site id and current status. */
    record Loaded(long siteId, String status, StrawPoint point) {
    }

    /**
     * The straw points of a known tier that {@code keep} accepts (tested before their geometry is read), in the
     * metric CRS; the tier is the one attribute read, here only.
     */
    List<Loaded> loadPoints(Counted keep) {
        return loadPoints(List.of(), keep);
    }

    /**
     * The same, of the given statuses only (none: every status), chosen in SQL: a process counting operating points
     * reads a fifth of a register's straw points.
     */
    private List<Loaded> loadPoints(List<String> statuses, Counted keep) {
        List<Loaded> out = new ArrayList<>();
        if (statuses.isEmpty()) {
            loadPoints("", Map.of(), keep, out);
        } else {
            loadPoints(" AND s.status IN (:statuses)", Map.of("statuses", statuses), keep, out);
        }
        return out;
    }

    /** The straw points of these site ids (read by id, in chunks of a few thousand). */
    List<Loaded> loadPoints(java.util.Collection<Long> ids) {
        List<Loaded> out = new ArrayList<>();
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += ID_CHUNK) {
            loadPoints(" AND s.id IN (:ids)", Map.of("ids", all.subList(from, Math.min(all.size(), from + ID_CHUNK))),
                    (id, status) -> true, out);
        }
        return out;
    }

    private static final int ID_CHUNK = 5_000;

    private void loadPoints(String where, Map<String, ?> params, Counted keep, List<Loaded> out) {
        sql.jdbc().sql("SELECT s.id, s.status, s.code, " + sql.attribute("s", "tier") + " AS tier,"
                + " ST_AsBinary(s.geom) AS wkb FROM site s"
                + " WHERE s.kind = 'straw_collection_point' AND s.deleted_at IS NULL" + where).params(params)
                .query(rs -> {
                    if (TIERS.contains(rs.getString("tier"))
                            && keep.test(rs.getLong("id"), rs.getString("status"))) {
                        Coordinate c = metric.toMetric(ProcessSql.wkb(rs.getBytes("wkb")).getInteriorPoint())
                                .getCoordinate();
                        out.add(new Loaded(rs.getLong("id"), rs.getString("status"),
                                new StrawPoint(rs.getString("code"), rs.getString("tier"), c)));
                    }
                });
    }

    /** The nearest point of the tier within the radius (any distance when the radius is null), or null. */
    private static Covering nearest(STRtree index, Coordinate v, Double radius) {
        if (index.isEmpty()) {
            return null;
        }
        if (radius == null) {
            StrawPoint p = (StrawPoint) index.nearestNeighbour(new Envelope(v), new StrawPoint(null, null, v),
                    (a, b) -> ((StrawPoint) a.getItem()).at().distance(((StrawPoint) b.getItem()).at()));
            return new Covering(p, p.at().distance(v));
        }
        Envelope box = new Envelope(v);
        box.expandBy(radius);
        Covering best = null;
        for (Object o : index.query(box)) {
            StrawPoint p = (StrawPoint) o;
            double d = p.at().distance(v);
            if (d <= radius && (best == null || d < best.metres()
                    || d == best.metres() && p.code().compareTo(best.point().code()) < 0)) {
                best = new Covering(p, d);
            }
        }
        return best;
    }

    static Covering better(Covering a, Covering b) {
        return a == null || b != null && b.metres() < a.metres() ? b : a;
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
