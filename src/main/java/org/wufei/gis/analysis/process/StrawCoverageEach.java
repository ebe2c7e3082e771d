package org.wufei.gis.analysis.process;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;
import org.wufei.gis.analysis.ProcessResult;
import org.wufei.gis.analysis.StrawCoverageRule.Village;
import org.wufei.gis.analysis.process.StrawCoverage.Covering;
import org.wufei.gis.analysis.process.StrawCoverage.Loaded;
import org.wufei.gis.analysis.process.StrawCoverage.Radii;

/**
 * The straw-coverage rule for many sets of counted points (e.g. the points operating at each month's end): villages
 * and points are read once, and each village keeps, per tier, the points within that tier's radius nearest first
 * (ties by code, as the single run breaks them); a set's covering point of a tier is then the first counted one.
 */
final class StrawCoverageEach {
    private final List<ProcessResult.Feature> villages = new ArrayList<>();
    /** Per village, per tier (in {@link StrawCoverage#TIERS} order): candidates nearest first. */
    private final List<List<List<Covering>>> candidates = new ArrayList<>();
    private final List<Long> ids = new ArrayList<>();
    private final Map<StrawCoverage.StrawPoint, Long> idOf = new java.util.IdentityHashMap<>();

    /** Only the points that one of the sets counts are read and indexed. */
    /** {@code points}: the straw points read, at least every one that one of the sets counts. */
    StrawCoverageEach(StrawCoverage rule, Radii radii, List<Loaded> points) {
        List<Coordinate> at = new ArrayList<>();
        rule.loadVillages(villages, at);
        List<STRtree> trees = new ArrayList<>();
        for (int t = 0; t < StrawCoverage.TIERS.size(); t++) {
            trees.add(new STRtree());
        }
        for (Loaded p : points) {
            trees.get(StrawCoverage.TIERS.indexOf(p.point().tier())).insert(new Envelope(p.point().at()), p.point());
            idOf.put(p.point(), p.siteId());
        }
        Double[] reach = {radii.village(), radii.township(), radii.district()};
        for (Coordinate v : at) {
            List<List<Covering>> perTier = new ArrayList<>();
            for (int t = 0; t < trees.size(); t++) {
                List<Covering> within = new ArrayList<>();
                Envelope box = new Envelope(v);
                List<?> found;
                if (reach[t] == null) {
                    found = trees.get(t).isEmpty() ? List.of() : all(trees.get(t));
                } else {
                    box.expandBy(reach[t]);
                    found = trees.get(t).query(box);
                }
                for (Object o : found) {
                    StrawCoverage.StrawPoint p = (StrawCoverage.StrawPoint) o;
                    double d = p.at().distance(v);
                    if (reach[t] == null || d <= reach[t]) {
                        within.add(new Covering(p, d));
                    }
                }
                within.sort(Comparator.comparingDouble(Covering::metres).thenComparing(c -> c.point().code()));
                perTier.add(within);
            }
            candidates.add(perTier);
        }
    }

    private static List<Object> all(STRtree tree) {
        List<Object> out = new ArrayList<>();
        tree.query(new Envelope(-Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE))
                .forEach(out::add);
        return out;
    }

    /** Every village for each set, uncovered first (heaviest first), as {@code StrawCoverage#villages} orders them. */
    List<List<Village>> villages(List<LongPredicate> counted) {
        List<List<Village>> out = new ArrayList<>();
        for (LongPredicate c : counted) {
            List<Village> each = new ArrayList<>();
            for (int i = 0; i < villages.size(); i++) {
                Covering best = null;
                for (List<Covering> tier : candidates.get(i)) {
                    best = StrawCoverage.better(best, first(tier, c));
                }
                Map<String, Object> p = villages.get(i).properties();
                each.add(new Village((String) p.get("code"), (String) p.get("name"), (String) p.get("township"),
                        (Double) p.get("weight"), best != null, best == null ? null : best.point().code(),
                        best == null ? null : best.point().tier()));
            }
            each.sort(Comparator.comparing(Village::covered).thenComparing(v -> -v.weight())
                    .thenComparing(Village::code));
            out.add(each);
        }
        return out;
    }

    private Covering first(List<Covering> tier, LongPredicate counted) {
        for (Covering c : tier) {
            if (counted.test(idOf.get(c.point()))) {
                return c;
            }
        }
        return null;
    }
}
