package org.wufei.gis.indicators;

import java.util.List;
import java.util.Map;

/**
 * One indicator as written in the indicators file: its number in the plan's annex 1, names, unit, 2020 baseline,
 * 2025 target, lead bureau (牵头部门) and the formula over the register.
 */
record IndicatorDefinition(String id, String annex, Map<String, String> name, String unit, Double baseline,
        Double target, Map<String, String> leadBureau, String source, Formula formula) {

    /** Exactly one of its parts is set: a ratio of two selections, a count, a sum of areas, or a coverage. */
    record Formula(Ratio ratio, List<Clause> count, List<Clause> sumArea, Coverage coverage) {

        String type() {
            return ratio != null ? "ratio" : count != null ? "count" : sumArea != null ? "sum_area" : "coverage";
        }
    }

    record Ratio(List<Clause> numerator, List<Clause> denominator) {
    }

    /** Sites of any of these kinds in any of these statuses; with {@code overdue} only those past their deadline. */
    record Clause(List<String> kind, List<String> status, boolean overdue) {

        boolean matches(String siteKind, String siteStatus) {
            return kind.contains(siteKind) && status.contains(siteStatus);
        }
    }

    /**
     * Units (townships, villages) served by a site of the selection within the radius, or within the radius of the
     * site's tier ({@code tiers}: tier → metres, null for the whole district), as the provider measures it.
     */
    record Coverage(String provider, List<Clause> servedBy, Double radiusMetres, Map<String, Double> tiers) {

        CoverageSource.Reach reach() {
            return new CoverageSource.Reach(radiusMetres, tiers);
        }
    }
}
