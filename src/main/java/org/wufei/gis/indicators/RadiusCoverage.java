package org.wufei.gis.indicators;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Coverage by distance: a unit (a township by its centroid, a village by a point on its surface) is served when a
 * serving site lies within the radius of it (great-circle distance, in Java over the few units of a district).
 */
abstract class RadiusCoverage implements CoverageSource {
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private final JdbcClient jdbc;
    private final String units;

    /** {@code units} selects name, lon, lat of every unit, filtered by {@code :township} when its WHERE is added. */
    RadiusCoverage(JdbcClient jdbc, String units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    private record Unit(String name, double lon, double lat) {
    }

    /** The column of the unit table that holds the township's name. */
    abstract String townshipColumn();

    @Override
    public Result cover(List<Point> servingSites, Reach reach, String township) {
        List<Unit> all = units(township);
        List<String> covered = new ArrayList<>();
        for (Unit u : all) {
            if (servingSites.stream().anyMatch(p -> metres(u.lon(), u.lat(), p.lon(), p.lat()) <= reach.metres())) {
                covered.add(u.name());
            }
        }
        return new Result(covered, all.size());
    }

    private List<Unit> units(String township) {
        var spec = jdbc.sql(units + (township == null ? "" : " WHERE " + townshipColumn() + " = :township")
                + " ORDER BY code");
        if (township != null) {
            spec = spec.param("township", township);
        }
        return spec.query((rs, n) -> new Unit(rs.getString("name"), rs.getDouble("lon"), rs.getDouble("lat")))
                .list();
    }

    /**
     * Each unit's sites within the radius (of those serving at some moment) are found once; a moment covers the unit
     * when one of them serves then.
     */
    @Override
    public List<Result> coverEach(List<Point> sites, List<BitSet> serving, Reach reach, String township) {
        List<Unit> all = units(township);
        BitSet any = new BitSet(sites.size());
        serving.forEach(any::or);
        List<BitSet> within = new ArrayList<>();
        for (Unit u : all) {
            BitSet near = new BitSet(sites.size());
            for (int i = any.nextSetBit(0); i >= 0; i = any.nextSetBit(i + 1)) {
                if (metres(u.lon(), u.lat(), sites.get(i).lon(), sites.get(i).lat()) <= reach.metres()) {
                    near.set(i);
                }
            }
            within.add(near);
        }
        List<Result> out = new ArrayList<>();
        for (BitSet now : serving) {
            List<String> covered = new ArrayList<>();
            for (int u = 0; u < all.size(); u++) {
                if (within.get(u).intersects(now)) {
                    covered.add(all.get(u).name());
                }
            }
            out.add(new Result(covered, all.size()));
        }
        return out;
    }

    /** Haversine distance; within a district it agrees with the projected distance to well under 0.5 %. */
    static double metres(double lon1, double lat1, double lon2, double lat2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(a));
    }

    /** {@code township-radius}: townships whose centroid lies within the radius of a serving site. */
    @Component
    static class Townships extends RadiusCoverage {
        Townships(JdbcClient jdbc) {
            super(jdbc, "SELECT name, ST_X(ST_Centroid(geom)) AS lon, ST_Y(ST_Centroid(geom)) AS lat FROM township");
        }

        @Override
        public String id() {
            return "township-radius";
        }

        @Override
        String townshipColumn() {
            return "name";
        }
    }

    /** {@code village-radius}: villages (reference layer {@code village}) with a serving site within the radius. */
    @Component
    static class Villages extends RadiusCoverage {
        Villages(JdbcClient jdbc) {
            super(jdbc, "SELECT name, ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat "
                    + "FROM village");
        }

        @Override
        public String id() {
            return "village-radius";
        }

        @Override
        String townshipColumn() {
            return "township";
        }
    }
}
