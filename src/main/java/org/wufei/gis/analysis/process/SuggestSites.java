package org.wufei.gis.analysis.process;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.stereotype.Component;
import org.wufei.gis.analysis.AnalysisLimits;
import org.wufei.gis.analysis.PlanningProcess;
import org.wufei.gis.analysis.ProcessDescription;
import org.wufei.gis.analysis.ProcessInputs;
import org.wufei.gis.analysis.ProcessResult;
import org.wufei.gis.catalog.LocalizedText;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.crs.MetricCrs;

/**
 * Where new straw points would cover most uncovered demand: a maximal covering location solution over grid cells
 * inside the district's townships (or given candidates), leaving out candidates within buffers around rivers,
 * sensitive areas and existing sites. Demand is the villages no operating straw point (of any tier) reaches within
 * the new point's service radius, by weight.
 */
@Component
class SuggestSites implements PlanningProcess {
    static final String ID = "suggest-sites";
    private static final int MAX_CANDIDATES = 20_000;
    private static final int MAX_COUNT = 20;
    /** Exact search runs besides greedy only when it stays small (C(n, p) combinations). */
    private static final int EXACT_MAX_CANDIDATES = 40;
    private static final int EXACT_MAX_COUNT = 3;

    private final ProcessSql sql;
    private final StrawCoverage coverage;
    private final MetricCrs metric;
    private final ProcessDescription description;

    SuggestSites(ProcessSql sql, StrawCoverage coverage, MetricCrs metric, AnalysisLimits limits) {
        this.sql = sql;
        this.coverage = coverage;
        this.metric = metric;
        this.description = new ProcessDescription(ID, "1.0.0", LocalizedText.of("process.suggest-sites.title"),
                LocalizedText.of("process.suggest-sites.description"),
                List.of(Schemas.input(ID, "count", Schemas.integer(1, MAX_COUNT, 3), false),
                        Schemas.input(ID, "radius",
                                Schemas.metres(limits.maxDistanceMetres(), 3_000.0), false),
                        Schemas.input(ID, "candidates", Schemas.geometry(), false),
                        Schemas.input(ID, "cell_size", Schemas.metres(10_000, 1_000.0),
                                false),
                        Schemas.input(ID, "river_buffer", Schemas.metres(5_000, 200.0),
                                false),
                        Schemas.input(ID, "sensitive_buffer",
                                Schemas.metres(5_000, 500.0), false),
                        Schemas.input(ID, "site_buffer",
                                Schemas.metres(5_000, 500.0), false)),
                Schemas.featureCollection(), true);
    }

    @Override
    public ProcessDescription description() {
        return description;
    }

    @Override
    public ProcessResult execute(ProcessInputs in) {
        int count = in.k("count", 3);
        if (count > MAX_COUNT) {
            throw ApiException.badRequest("k_too_large", "count", MAX_COUNT);
        }
        double radius = in.metres("radius", 3_000);
        double cell = in.metres("cell_size", 1_000);
        if (cell < 250) {
            throw ApiException.badRequest("parameter_invalid", "cell_size", "cell_size");
        }
        Optional<Geometry> given = in.geometry("candidates");
        if (given.isPresent() && !(given.get() instanceof MultiPoint || given.get() instanceof Point)) {
            throw ApiException.badRequest("parameter_invalid", "candidates", "candidates");
        }
        double[] buffers = {in.metres("river_buffer", 200), in.metres("sensitive_buffer", 500),
            in.metres("site_buffer", 500)};
        return sql.run(() -> suggest(count, radius, cell, given, buffers));
    }

    private ProcessResult suggest(int count, double radius, double cell, Optional<Geometry> given, double[] buffers) {
        // demand: villages no operating straw point of any tier reaches within the new point's radius
        List<ProcessResult.Feature> demand = coverage.coverage(new StrawCoverage.Radii(radius, radius, radius),
                java.util.Set.of("operating")).stream().filter(f -> !(Boolean) f.properties().get("covered")).toList();
        List<Coordinate> candidates = given.map(this::metricPoints).orElseGet(() -> grid(cell));
        int considered = candidates.size();
        candidates = withoutExcluded(candidates, buffers);
        double[] weights = new double[demand.size()];
        List<Coordinate> demandPoints = new ArrayList<>();
        for (int i = 0; i < demand.size(); i++) {
            weights[i] = (Double) demand.get(i).properties().get("weight");
            demandPoints.add(metric.toMetric(demand.get(i).geometry()).getCoordinate());
        }
        List<BitSet> covers = new ArrayList<>();
        for (Coordinate c : candidates) {
            BitSet b = new BitSet(demandPoints.size());
            for (int i = 0; i < demandPoints.size(); i++) {
                if (c.distance(demandPoints.get(i)) <= radius) {
                    b.set(i);
                }
            }
            covers.add(b);
        }
        MaximalCovering problem = new MaximalCovering(covers, weights);
        MaximalCovering.Choice choice = problem.greedy(count);
        List<ProcessResult.Feature> out = new ArrayList<>();
        double cumulative = 0;
        for (int r = 0; r < choice.candidates().size(); r++) {
            int c = choice.candidates().get(r);
            cumulative += choice.gains().get(r);
            out.add(feature(r + 1, candidates.get(c), covers.get(c), demand, choice.gains().get(r), cumulative));
        }
        double total = java.util.Arrays.stream(weights).sum();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("method", "greedy");
        summary.put("uncovered_villages", demand.size());
        summary.put("uncovered_weight", total);
        summary.put("newly_covered_weight", choice.covered());
        summary.put("share_of_uncovered_weight", total == 0 ? 0.0 : Math.round(choice.covered() / total * 1e4) / 1e4);
        summary.put("candidates_considered", considered);
        summary.put("candidates_after_exclusion", candidates.size());
        if (candidates.size() <= EXACT_MAX_CANDIDATES && count <= EXACT_MAX_COUNT) {
            summary.put("exact_covered_weight", problem.exact(count));
        }
        return new ProcessResult(out, summary);
    }

    private ProcessResult.Feature feature(int rank, Coordinate c, BitSet covered, List<ProcessResult.Feature> demand,
            double gain, double cumulative) {
        List<String> names = new ArrayList<>();
        for (int i = covered.nextSetBit(0); i >= 0; i = covered.nextSetBit(i + 1)) {
            names.add((String) demand.get(i).properties().get("name"));
        }
        Geometry p = metric.fromMetric(metricFactory().createPoint(c));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("rank", rank);
        props.put("newly_covered_weight", gain);
        props.put("cumulative_weight", cumulative);
        props.put("villages_in_reach", names.size());
        props.put("villages", String.join(",", names));
        return new ProcessResult.Feature("suggestion-" + rank, p, props);
    }

    private GeometryFactory metricFactory() {
        return new GeometryFactory(new PrecisionModel(), metric.epsg());
    }

    private List<Coordinate> metricPoints(Geometry points) {
        if (points.getNumGeometries() > MAX_CANDIDATES) {
            throw ApiException.badRequest("parameter_invalid", "candidates", "candidates");
        }
        List<Coordinate> out = new ArrayList<>();
        for (Coordinate c : metric.toMetric(points).getCoordinates()) {
            out.add(c);
        }
        return out;
    }

    /** Centres of square cells over the townships, kept where they fall inside one. */
    private List<Coordinate> grid(double cell) {
        Geometry area = townships();
        Envelope e = area.getEnvelopeInternal();
        if (e.getWidth() / cell * e.getHeight() / cell > MAX_CANDIDATES) {
            throw ApiException.badRequest("parameter_invalid", "cell_size", "cell_size");
        }
        org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator inside =
                new org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator(area);
        List<Coordinate> out = new ArrayList<>();
        for (double x = e.getMinX() + cell / 2; x < e.getMaxX(); x += cell) {
            for (double y = e.getMinY() + cell / 2; y < e.getMaxY(); y += cell) {
                Coordinate c = new Coordinate(x, y);
                if (inside.locate(c) != org.locationtech.jts.geom.Location.EXTERIOR) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private Geometry townships() {
        List<Geometry> parts = sql.jdbc().sql("SELECT ST_AsBinary(geom) FROM township")
                .query((rs, n) -> metric.toMetric(ProcessSql.wkb(rs.getBytes(1)))).list();
        return metricFactory().buildGeometry(parts).union();
    }

    /** Candidates farther than each buffer from rivers, sensitive areas and existing sites. */
    private List<Coordinate> withoutExcluded(List<Coordinate> candidates, double[] buffers) {
        STRtree index = new STRtree();
        add(index, "SELECT ST_AsBinary(geom) FROM river", buffers[0]);
        add(index, "SELECT ST_AsBinary(geom) FROM sensitive_area", buffers[1]);
        add(index, "SELECT ST_AsBinary(geom) FROM site WHERE deleted_at IS NULL", buffers[2]);
        GeometryFactory f = metricFactory();
        List<Coordinate> out = new ArrayList<>();
        for (Coordinate c : candidates) {
            Point p = f.createPoint(c);
            boolean excluded = false;
            for (Object o : index.query(new Envelope(c))) {
                Buffered b = (Buffered) o;
                if (b.geometry().isWithinDistance(p, b.metres())) {
                    excluded = true;
                    break;
                }
            }
            if (!excluded) {
                out.add(c);
            }
        }
        return out;
    }

    private record Buffered(Geometry geometry, double metres) {
    }

    private void add(STRtree index, String query, double metres) {
        sql.jdbc().sql(query).query(rs -> {
            Geometry g = metric.toMetric(ProcessSql.wkb(rs.getBytes(1)));
            Envelope e = new Envelope(g.getEnvelopeInternal());
            e.expandBy(metres);
            index.insert(e, new Buffered(g, metres));
        });
    }
}
