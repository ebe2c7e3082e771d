package org.wufei.gis.indicators;

import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import org.springframework.stereotype.Component;
import org.wufei.gis.analysis.StrawCoverageRule;

/**
 * {@code straw-tiers}: villages covered by a straw collection point of the right tier within that tier's radius —
 * the planning straw-coverage process's rule ({@link StrawCoverageRule}), fed with the serving sites of the moment
 * asked for (so an as-of value counts the points operating then). The tier is read by the rule, not here.
 */
@Component
class StrawTierCoverage implements CoverageSource {
    static final List<String> TIERS = List.of("village_point", "township_centre", "district_leader");

    private final StrawCoverageRule rule;

    StrawTierCoverage(StrawCoverageRule rule) {
        this.rule = rule;
    }

    @Override
    public String id() {
        return "straw-tiers";
    }

    @Override
    public String problem(Reach reach) {
        Map<String, Double> t = reach.byTier();
        if (t == null || !t.keySet().equals(Set.copyOf(TIERS))) {
            return "provider 'straw-tiers' needs tiers with exactly " + TIERS
                    + " (metres; null for the whole district)";
        }
        if (t.get("village_point") == null || t.get("township_centre") == null) {
            return "only the district_leader tier may serve the whole district (null)";
        }
        boolean negative = t.values().stream().anyMatch(v -> v != null && v < 0);
        return negative ? "tier radii must not be negative" : null;
    }

    @Override
    public Result cover(List<Point> servingSites, Reach reach, String township) {
        Set<Long> counted = new HashSet<>();
        servingSites.forEach(p -> counted.add(p.siteId()));
        // only the serving points are read again (by id, for their tier), not every straw point of the register
        return result(rule.villagesEach(radii(reach), counted, List.of(counted::contains)).get(0), township);
    }

    /** The villages and the straw points are read once for every moment, and only the points serving at one. */
    @Override
    public List<Result> coverEach(List<Point> sites, List<BitSet> serving, Reach reach, String township) {
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            index.put(sites.get(i).siteId(), i);
        }
        List<LongPredicate> counted = serving.stream().<LongPredicate>map(b -> id -> {
            Integer i = index.get(id);
            return i != null && b.get(i);
        }).toList();
        BitSet any = new BitSet(sites.size());
        serving.forEach(any::or);
        List<Long> candidates = any.stream().mapToObj(i -> sites.get(i).siteId()).toList();
        return rule.villagesEach(radii(reach), candidates, counted).stream().map(v -> result(v, township)).toList();
    }

    private static StrawCoverageRule.Radii radii(Reach reach) {
        Map<String, Double> t = reach.byTier();
        return new StrawCoverageRule.Radii(t.get("village_point"), t.get("township_centre"), t.get("district_leader"));
    }

    private static Result result(List<StrawCoverageRule.Village> all, String township) {
        List<StrawCoverageRule.Village> villages = all.stream()
                .filter(v -> township == null || township.equals(v.township())).toList();
        return new Result(villages.stream().filter(StrawCoverageRule.Village::covered).map(
                StrawCoverageRule.Village::name).toList(), villages.size());
    }
}
