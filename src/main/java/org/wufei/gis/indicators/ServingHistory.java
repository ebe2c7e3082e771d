package org.wufei.gis.indicators;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wufei.gis.indicators.IndicatorDefinition.Clause;
import org.wufei.gis.indicators.SiteStates.Moment;

/**
 * The history of the sites a coverage's {@code servedBy} can select, read once ({@link SiteStates#servingHistory}):
 * swept forward in time, it gives the serving sites at each of many moments with the same rule as one replay (a
 * site's status is that of its last CREATED or TRANSITION event before the moment; sites deleted by then are out).
 */
final class ServingHistory {

    /** A site of a serving kind, at its current position (a point on its surface). */
    record Site(long id, String kind, LocalDate deadline, OffsetDateTime deletedAt, double lon, double lat) {
    }

    /** A CREATED or TRANSITION event; the list is in (at, id) order. */
    record Event(long siteId, OffsetDateTime at, String toStatus) {
    }

    private final List<Site> sites;
    private final List<Event> events;

    ServingHistory(List<Site> sites, List<Event> events) {
        this.sites = sites;
        this.events = events;
    }

    List<CoverageSource.Point> points() {
        return sites.stream().map(s -> new CoverageSource.Point(s.id(), s.lon(), s.lat())).toList();
    }

    /** Per moment (ascending, each with an end), the indexes into {@link #points()} of the sites serving then. */
    List<BitSet> serving(List<Moment> moments, List<Clause> servedBy) {
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            index.put(sites.get(i).id(), i);
        }
        String[] status = new String[sites.size()];
        List<BitSet> out = new ArrayList<>();
        int next = 0;
        for (Moment m : moments) {
            for (; next < events.size() && events.get(next).at().isBefore(m.end()); next++) {
                Integer i = index.get(events.get(next).siteId());
                if (i != null) {
                    status[i] = events.get(next).toStatus();
                }
            }
            BitSet now = new BitSet(sites.size());
            for (int i = 0; i < sites.size(); i++) {
                Site s = sites.get(i);
                if (status[i] != null && (s.deletedAt() == null || !s.deletedAt().isBefore(m.end()))
                        && selects(servedBy, s, status[i], m.day())) {
                    now.set(i);
                }
            }
            out.add(now);
        }
        return out;
    }

    private static boolean selects(List<Clause> selection, Site s, String status, LocalDate day) {
        for (Clause c : selection) {
            if (c.matches(s.kind(), status)
                    && (!c.overdue() || s.deadline() != null && s.deadline().isBefore(day))) {
                return true;
            }
        }
        return false;
    }
}
