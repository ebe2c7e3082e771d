package org.wufei.gis.indicators;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.wufei.gis.indicators.IndicatorDefinition.Clause;
import org.wufei.gis.indicators.SiteStates.Cell;

/** Evaluates a selection over a tally of (kind, status) cells: one query serves every count, ratio and area. */
final class Formulas {

    private Formulas() {
    }

    /** Sites the selection picks, by kind: a cell counts once even when two clauses match it. */
    static Map<String, Double> count(List<Cell> tally, List<Clause> selection) {
        return sum(tally, selection, false);
    }

    static Map<String, Double> area(List<Cell> tally, List<Clause> selection) {
        return sum(tally, selection, true);
    }

    static double total(Map<String, Double> byKind) {
        return byKind.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static Map<String, Double> sum(List<Cell> tally, List<Clause> selection, boolean area) {
        Map<String, Double> byKind = new TreeMap<>();
        for (Cell cell : tally) {
            boolean all = false;
            boolean overdue = false;
            for (Clause c : selection) {
                if (c.matches(cell.kind(), cell.status())) {
                    all |= !c.overdue();
                    overdue |= c.overdue();
                }
            }
            if (all || overdue) {
                double v = area ? cell.areaM2() : all ? cell.sites() : cell.overdue();
                byKind.merge(cell.kind(), v, Double::sum);
            }
        }
        return byKind;
    }
}
