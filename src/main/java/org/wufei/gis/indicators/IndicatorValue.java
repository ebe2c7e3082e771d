package org.wufei.gis.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An indicator's value at a moment: for ratios and coverages value = 100 × numerator ÷ denominator (null when the
 * denominator is 0), for counts and areas value = numerator and no denominator. Progress is the share of the way
 * from the 2020 baseline to the 2025 target, between 0 and 1 (null without both).
 */
record IndicatorValue(String id, String annex, Map<String, String> name, String unit, String formula, Double value,
        double numerator, Double denominator, Double baseline, Double target, Double progress,
        Map<String, String> leadBureau, LocalDate at, String township, Map<String, Double> byKind,
        List<String> coveredUnits, Instant computedAt) {

    static Double progress(Double value, Double baseline, Double target) {
        if (value == null || baseline == null || target == null || target.equals(baseline)) {
            return null;
        }
        return Math.max(0, Math.min(1, (value - baseline) / (target - baseline)));
    }
}
