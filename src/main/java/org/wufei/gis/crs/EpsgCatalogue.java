package org.wufei.gis.crs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.Proj4jException;

/**
 * The EPSG codes this service supports, grouped by Chinese datum family and zone scheme, with their proj4j
 * definitions.
 *
 * <p>Only these codes are accepted: a closed list keeps behaviour predictable and documented, and every entry has
 * been checked against the definitions proj4j-epsg ships (there is no EPSG database on the machine).
 */
final class EpsgCatalogue {

    /** Ellipsoids that tell the Chinese geodetic datums apart (WGS 84 and CGCS2000 differ only in 1/f). */
    enum Family {
        WGS84(6378137.0, 298.257223563),
        CGCS2000(6378137.0, 298.257222101),
        XIAN1980(6378140.0, 298.257),
        BEIJING1954(6378245.0, 298.3);

        final double semiMajor;
        final double inverseFlattening;

        Family(double semiMajor, double inverseFlattening) {
            this.semiMajor = semiMajor;
            this.inverseFlattening = inverseFlattening;
        }

        /** The family whose ellipsoid these parameters describe, tolerant of rounding in .prj files. */
        static Optional<Family> ofEllipsoid(double semiMajor, double inverseFlattening) {
            for (Family f : values()) {
                // 5e-7 separates GRS80 from WGS 84 (they differ by 1.46e-6 in 1/f) yet forgives printed rounding.
                if (Math.abs(f.semiMajor - semiMajor) < 0.05
                        && Math.abs(f.inverseFlattening - inverseFlattening) < 5e-7) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    enum Kind { GEOGRAPHIC, TRANSVERSE_MERCATOR, WEB_MERCATOR }

    /**
     * One supported code. The projection parameters follow from the zone scheme; a test checks them against the
     * proj4j-epsg definitions.
     *
     * @param zoneDegrees 3 or 6 for Gauss-Krüger zones, 0 otherwise
     * @param centralMeridian in degrees, 0 for geographic systems
     * @param falseEasting in metres: 500 000, or zone × 10⁶ + 500 000 where the easting carries the zone number
     * @param deprecated whether EPSG deprecated the code in favour of one with the same parameters
     */
    record Entry(int code, Family family, Kind kind, int zoneDegrees, double centralMeridian, double falseEasting,
            boolean deprecated) {

        boolean zonePrefixed() {
            return falseEasting > 1_000_000;
        }
    }

    private static final List<Entry> ENTRIES = buildEntries();
    private static final Map<Integer, Entry> BY_CODE = index(ENTRIES);
    private static final Map<Integer, CoordinateReferenceSystem> PROJ4 = new ConcurrentHashMap<>();
    private static final CRSFactory FACTORY = new CRSFactory();

    private EpsgCatalogue() {
    }

    static boolean isSupported(int code) {
        return BY_CODE.containsKey(code);
    }

    static Optional<Entry> entry(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    static List<Entry> entries() {
        return ENTRIES;
    }

    static boolean isGeographic(int code) {
        Entry e = BY_CODE.get(code);
        return e != null && e.kind() == Kind.GEOGRAPHIC;
    }

    /** The proj4j definition of a supported code, parsed once. */
    static CoordinateReferenceSystem proj4(int code) {
        if (!isSupported(code)) {
            throw CrsException.unknown("EPSG:" + code);
        }
        return PROJ4.computeIfAbsent(code, c -> {
            // proj4j reads its EPSG file through shared state; one parse at a time is cheap enough (once per code).
            try {
                synchronized (FACTORY) {
                    return FACTORY.createFromName("EPSG:" + c);
                }
            } catch (Proj4jException | IllegalStateException e) {
                throw CrsException.undefined(c, e);
            }
        });
    }

    private static List<Entry> buildEntries() {
        List<Entry> list = new ArrayList<>();
        list.add(new Entry(4326, Family.WGS84, Kind.GEOGRAPHIC, 0, 0, 0, false));
        list.add(new Entry(3857, Family.WGS84, Kind.WEB_MERCATOR, 0, 0, 0, false));
        list.add(new Entry(4490, Family.CGCS2000, Kind.GEOGRAPHIC, 0, 0, 0, false));
        list.add(new Entry(4610, Family.XIAN1980, Kind.GEOGRAPHIC, 0, 0, 0, false));
        list.add(new Entry(4214, Family.BEIJING1954, Kind.GEOGRAPHIC, 0, 0, 0, false));
        // Code blocks as EPSG assigns them: 6° zones 13-23 and 3° zones 25-45, each with and without zone prefix.
        zones(list, Family.CGCS2000, 4491, 6, true, false);
        zones(list, Family.CGCS2000, 4502, 6, false, false);
        zones(list, Family.CGCS2000, 4513, 3, true, false);
        zones(list, Family.CGCS2000, 4534, 3, false, false);
        zones(list, Family.XIAN1980, 2327, 6, true, false);
        zones(list, Family.XIAN1980, 2338, 6, false, false);
        zones(list, Family.XIAN1980, 2349, 3, true, false);
        zones(list, Family.XIAN1980, 2370, 3, false, false);
        zones(list, Family.BEIJING1954, 21413, 6, true, false);
        zones(list, Family.BEIJING1954, 21453, 6, false, false);
        zones(list, Family.BEIJING1954, 21473, 6, false, true);
        zones(list, Family.BEIJING1954, 2401, 3, true, false);
        zones(list, Family.BEIJING1954, 2422, 3, false, false);
        return Collections.unmodifiableList(list);
    }

    private static void zones(List<Entry> list, Family family, int firstCode, int degrees, boolean prefixed,
            boolean deprecated) {
        // 6° zones 13-23 have central meridians 75°-135°E (6 × zone − 3); 3° zones 25-45 have 75°-135°E (3 × zone).
        int firstZone = degrees == 6 ? 13 : 25;
        int count = degrees == 6 ? 11 : 21;
        for (int i = 0; i < count; i++) {
            int zone = firstZone + i;
            double cm = degrees == 6 ? 6 * zone - 3 : 3 * zone;
            double fe = prefixed ? zone * 1_000_000.0 + 500_000.0 : 500_000.0;
            list.add(new Entry(firstCode + i, family, Kind.TRANSVERSE_MERCATOR, degrees, cm, fe, deprecated));
        }
    }

    private static Map<Integer, Entry> index(List<Entry> entries) {
        Map<Integer, Entry> map = new java.util.HashMap<>();
        entries.forEach(e -> map.put(e.code(), e));
        return Collections.unmodifiableMap(map);
    }
}
