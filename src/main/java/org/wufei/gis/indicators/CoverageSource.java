package org.wufei.gis.indicators;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Measures how many planning units (townships, villages) the serving sites cover: the provider behind a
 * {@code coverage} formula, named in the indicators file by {@link #id()}. A planning process (e.g. the straw
 * coverage process) can take over by being a bean with its own id.
 */
public interface CoverageSource {

    String id();

    /** The units within reach of a serving point, optionally only those of one township. */
    Result cover(List<Point> servingSites, Reach reach, String township);

    /**
     * The coverage at several moments in one pass (a monthly series): {@code sites} every site that serves at any of
     * them, {@code serving} per moment the indexes (into {@code sites}) of those that serve then. A provider may
     * override it to read its units once; the default runs {@link #cover} per moment.
     */
    default List<Result> coverEach(List<Point> sites, List<BitSet> serving, Reach reach, String township) {
        return serving.stream().map(b -> cover(b.stream().mapToObj(sites::get).toList(), reach, township)).toList();
    }

    /** Why this provider cannot work with the reach an entry of the file gives (null when it can): refuses start. */
    default String problem(Reach reach) {
        return reach.metres() == null || !(reach.metres() > 0) ? "provider '" + id() + "' needs radiusMetres" : null;
    }

    record Point(long siteId, double lon, double lat) {
    }

    /** One radius for every serving site, or a radius per tier (null: the whole district) from the file. */
    record Reach(Double metres, Map<String, Double> byTier) {
    }

    /** Units covered (by name) out of all units considered. */
    record Result(List<String> covered, int units) {
    }
}
