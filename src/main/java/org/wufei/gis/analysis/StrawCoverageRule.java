package org.wufei.gis.analysis;

import java.util.List;
import java.util.function.LongPredicate;

/**
 * The straw-coverage process's rule (秸秆收储运体系覆盖率) for callers other than the OGC process, such as the
 * indicators: a village is covered when a counted straw collection point of the right tier lies within that tier's
 * service radius. The caller says which points count (e.g. the points operating on a past date).
 */
public interface StrawCoverageRule {

    /** Service radius per tier in metres; the district tier's is null when it serves the whole district. */
    record Radii(double village, double township, Double district) {
    }

    /** One village and whether (by which point and tier) it is covered. */
    record Village(String code, String name, String township, double weight, boolean covered, String coveringSite,
            String coveringTier) {
    }

    /** Every village of the district, covered or not by the straw points whose site id {@code counted} accepts. */
    List<Village> villages(Radii radii, LongPredicate counted);

    /**
     * The same for several sets of counted points (e.g. the points operating at each month's end), reading the
     * villages and the points once: one list per set, in the order of {@code counted}.
     */
    List<List<Village>> villagesEach(Radii radii, List<LongPredicate> counted);

    /**
     * The same when the caller knows every site id that any set may count ({@code candidates}): only those points
     * are read from the register (by id), not every straw point.
     */
    List<List<Village>> villagesEach(Radii radii, java.util.Collection<Long> candidates, List<LongPredicate> counted);
}
