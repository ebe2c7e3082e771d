package org.wufei.gis.indicators;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Coverage by township: a township is served when a serving site lies within the radius of its centroid
 * (great-circle distance). Stands in until a village layer and the planning coverage process exist.
 */
@Component
class TownshipRadiusCoverage implements CoverageSource {
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private final JdbcClient jdbc;

    TownshipRadiusCoverage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Centroid(String name, double lon, double lat) {
    }

    @Override
    public String id() {
        return "township-radius";
    }

    @Override
    public Result cover(List<Point> servingSites, double radiusMetres, String township) {
        String sql = "SELECT name, ST_X(ST_Centroid(geom)) AS lon, ST_Y(ST_Centroid(geom)) AS lat FROM township"
                + (township == null ? "" : " WHERE name = :name") + " ORDER BY code";
        var spec = jdbc.sql(sql);
        if (township != null) {
            spec = spec.param("name", township);
        }
        List<Centroid> units = spec.query((rs, n) -> new Centroid(rs.getString("name"), rs.getDouble("lon"),
                rs.getDouble("lat"))).list();
        List<String> covered = new ArrayList<>();
        for (Centroid c : units) {
            if (servingSites.stream().anyMatch(p -> metres(c.lon(), c.lat(), p.lon(), p.lat()) <= radiusMetres)) {
                covered.add(c.name());
            }
        }
        return new Result(covered, units.size());
    }

    /** Haversine distance; within a district it agrees with the projected distance to well under 0.5 %. */
    static double metres(double lon1, double lat1, double lon2, double lat2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(a));
    }
}
