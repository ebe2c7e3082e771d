package org.wufei.gis.indicators;

import java.util.List;

/**
 * Measures how many planning units (townships, villages) the serving sites cover: the provider behind a
 * {@code coverage} formula, named in the indicators file by {@link #id()}. A planning process (e.g. the straw
 * coverage process) can take over by being a bean with its own id.
 */
public interface CoverageSource {

    String id();

    /** The units within {@code radiusMetres} of a serving point, optionally only those of one township. */
    Result cover(List<Point> servingSites, double radiusMetres, String township);

    record Point(long siteId, double lon, double lat) {
    }

    /** Units covered (by name) out of all units considered. */
    record Result(List<String> covered, int units) {
    }
}
