package org.wufei.gis.crs;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wufei.gis.crs.EpsgCatalogue.Entry;
import org.wufei.gis.crs.EpsgCatalogue.Family;
import org.wufei.gis.crs.EpsgCatalogue.Kind;

/**
 * Finds the EPSG code of a shapefile's .prj (ESRI or OGC WKT1) by its parameters: the ellipsoid tells the datum
 * family, then projection type, central meridian, false easting, scale factor and latitude of origin pick the zone.
 *
 * <p>Names are not trusted because Chinese GIS tools spell them many ways ("CGCS2000_3_Degree_GK_CM_111E",
 * "Gauss_Kruger", "D_China_2000"); a name is only used to choose between codes whose parameters are identical (the
 * 3° and 6° zones that share a central meridian). Stateless and thread-safe.
 */
public final class PrjMatcher {

    private static final double DEGREE_IN_RADIANS = Math.PI / 180;
    private static final List<String> TRANSVERSE_MERCATOR = List.of("transversemercator", "gausskruger",
            "gausskrueger", "gaussian", "tmerc");
    private static final List<String> WEB_MERCATOR = List.of("mercatorauxiliarysphere",
            "popularvisualisationpseudomercator", "pseudomercator", "webmercator");

    private PrjMatcher() {
    }

    /** The EPSG code the .prj text describes, or empty if it is unreadable or not a supported system. */
    public static Optional<Integer> match(String prj) {
        return Wkt.parse(prj).flatMap(root -> {
            if (root.is("GEOGCS")) {
                return geographic(root);
            }
            if (root.is("PROJCS")) {
                return projected(root);
            }
            return Optional.empty();
        });
    }

    /** As {@link #match}, but answers a missing match with {@code crs_prj_unmatched} for the upload's user. */
    public static int matchOrThrow(String prj) {
        return match(prj).orElseThrow(CrsException::prjUnmatched);
    }

    private static Optional<Integer> geographic(Wkt geogcs) {
        return family(geogcs).flatMap(f -> EpsgCatalogue.entries().stream()
                .filter(e -> e.kind() == Kind.GEOGRAPHIC && e.family() == f)
                .map(Entry::code)
                .findFirst());
    }

    private static Optional<Integer> projected(Wkt projcs) {
        Optional<Wkt> geogcs = projcs.child("GEOGCS");
        Optional<Family> family = geogcs.flatMap(PrjMatcher::family);
        Optional<String> projection = projcs.child("PROJECTION").map(p -> Wkt.normalise(p.name()));
        if (family.isEmpty() || projection.isEmpty() || !isMetre(projcs)) {
            return Optional.empty();
        }
        double angularUnit = geogcs.flatMap(g -> g.child("UNIT")).flatMap(u -> u.number(1)).orElse(DEGREE_IN_RADIANS);
        Map<String, Double> params = parameters(projcs, angularUnit);
        if (TRANSVERSE_MERCATOR.contains(projection.get())) {
            return transverseMercator(family.get(), params, Wkt.normalise(projcs.name()));
        }
        if (isWebMercator(projcs, projection.get(), family.get(), params)) {
            return Optional.of(3857);
        }
        return Optional.empty();
    }

    private static Optional<Integer> transverseMercator(Family family, Map<String, Double> p, String name) {
        double cm = first(p, 0, "centralmeridian", "longitudeofcenter", "longitudeoforigin", "longitudeofcentre");
        double fe = first(p, 0, "falseeasting");
        double fn = first(p, 0, "falsenorthing");
        double k = first(p, 1, "scalefactor", "scalefactoratnaturalorigin");
        double lat0 = first(p, 0, "latitudeoforigin", "latitudeofcenter", "latitudeofnaturalorigin");
        if (Math.abs(fn) > 0.001 || Math.abs(k - 1) > 1e-9 || Math.abs(lat0) > 1e-9) {
            return Optional.empty();
        }
        // Equal parameters mean equal coordinates; the name only decides which of two such codes to report.
        // Names of 6° zones say "GK" or "Gauss-Kruger" without a "3 degree" (both ESRI's and EPSG's spelling).
        boolean sixDegreeName = name.contains("6degree")
                || !name.contains("3degree") && (name.contains("gk") || name.contains("gausskruger"));
        int preferredDegrees = sixDegreeName ? 6 : 3;
        return EpsgCatalogue.entries().stream()
                .filter(e -> e.kind() == Kind.TRANSVERSE_MERCATOR && e.family() == family)
                .filter(e -> Math.abs(e.centralMeridian() - cm) < 1e-7 && Math.abs(e.falseEasting() - fe) < 0.001)
                .min(Comparator.comparing(Entry::deprecated)
                        .thenComparing(e -> e.zoneDegrees() != preferredDegrees))
                .map(Entry::code);
    }

    /**
     * Web Mercator appears as ESRI "Mercator_Auxiliary_Sphere", OGC "Popular Visualisation Pseudo Mercator", or
     * GDAL's "Mercator_1SP" on a sphere of radius 6378137 (in the ellipsoid or in its PROJ4 extension).
     */
    private static boolean isWebMercator(Wkt projcs, String projection, Family family, Map<String, Double> p) {
        boolean origin = Math.abs(first(p, 0, "centralmeridian", "longitudeoforigin")) < 1e-9
                && Math.abs(first(p, 0, "falseeasting")) < 0.001 && Math.abs(first(p, 0, "falsenorthing")) < 0.001
                && Math.abs(first(p, 0, "standardparallel1", "latitudeoforigin")) < 1e-9
                && Math.abs(first(p, 0, "auxiliaryspheretype")) < 1e-9;
        if (!origin || family != Family.WGS84) {
            return false;
        }
        if (WEB_MERCATOR.contains(projection)) {
            return true;
        }
        String proj4 = projcs.child("EXTENSION").filter(e -> e.name().equalsIgnoreCase("PROJ4"))
                .map(e -> e.args().size() > 1 ? String.valueOf(e.args().get(1)) : "").orElse("");
        return projection.startsWith("mercator") && proj4.contains("+a=6378137") && proj4.contains("+b=6378137");
    }

    /** The datum family from SPHEROID[name, a, 1/f], provided the prime meridian is Greenwich. */
    private static Optional<Family> family(Wkt geogcs) {
        double primeMeridian = geogcs.child("PRIMEM").flatMap(p -> p.number(1)).orElse(0.0);
        if (Math.abs(primeMeridian) > 1e-9) {
            return Optional.empty();
        }
        Optional<Wkt> spheroid = geogcs.child("DATUM").flatMap(d -> d.child("SPHEROID"));
        Optional<Double> a = spheroid.flatMap(s -> s.number(1));
        Optional<Double> rf = spheroid.flatMap(s -> s.number(2));
        if (a.isEmpty() || rf.isEmpty()) {
            return Optional.empty();
        }
        return Family.ofEllipsoid(a.get(), rf.get());
    }

    private static boolean isMetre(Wkt projcs) {
        // A PROJCS's own UNIT is its linear unit; the GEOGCS inside has the angular one.
        return projcs.child("UNIT").flatMap(u -> u.number(1)).map(f -> Math.abs(f - 1) < 1e-9).orElse(false);
    }

    /** PARAMETER values by normalised name, angles converted to degrees from the GEOGCS unit. */
    private static Map<String, Double> parameters(Wkt projcs, double angularUnitRadians) {
        double toDegrees = angularUnitRadians / DEGREE_IN_RADIANS;
        Map<String, Double> map = new HashMap<>();
        for (Wkt p : projcs.children("PARAMETER")) {
            String key = Wkt.normalise(p.name());
            p.number(1).ifPresent(v -> map.put(key, isAngle(key) ? v * toDegrees : v));
        }
        return map;
    }

    private static boolean isAngle(String key) {
        return key.contains("meridian") || key.contains("latitude") || key.contains("longitude")
                || key.contains("parallel");
    }

    private static double first(Map<String, Double> params, double fallback, String... keys) {
        for (String k : keys) {
            Double v = params.get(k);
            if (v != null) {
                return v;
            }
        }
        return fallback;
    }
}
