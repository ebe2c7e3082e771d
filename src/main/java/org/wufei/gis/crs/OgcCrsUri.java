package org.wufei.gis.crs;

import java.util.ArrayList;
import java.util.List;

/**
 * A coordinate reference system as OGC API - Features Part 2 names it (an http://www.opengis.net/def/crs/... URI),
 * and the list of systems this service offers for {@code crs} and {@code bbox-crs}.
 *
 * @param uri the canonical URI, as written in {@code crs}, {@code storageCrs} and {@code Content-Crs}
 * @param crs the system the URI names
 */
public record OgcCrsUri(String uri, SourceCrs crs) {

    public static final String CRS84_URI = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    public static final String EPSG_URI_PREFIX = "http://www.opengis.net/def/crs/EPSG/0/";

    public static final OgcCrsUri CRS84 = new OgcCrsUri(CRS84_URI, SourceCrs.CRS84);

    /** Offered systems, storage system first: CRS84, EPSG:4326, EPSG:4490, EPSG:3857, EPSG:4546. */
    public static final List<OgcCrsUri> OFFERED = offeredWith(MetricCrs.DEFAULT_EPSG);

    public OgcCrsUri {
        if (crs == SourceCrs.GCJ02 || crs == SourceCrs.BD09) {
            throw CrsException.notOffered(crs.label(), uris(List.of(CRS84)));
        }
    }

    /** The canonical URI for an EPSG code. */
    public static OgcCrsUri epsg(int code) {
        return new OgcCrsUri(EPSG_URI_PREFIX + code, SourceCrs.epsg(code));
    }

    /** The canonical URI for a system; GCJ-02 and BD-09 have none and are refused. */
    public static OgcCrsUri of(SourceCrs crs) {
        return crs == SourceCrs.CRS84 ? CRS84 : epsg(((SourceCrs.Epsg) crs).code());
    }

    /** The offered list for a district whose metric system is not EPSG:4546. */
    public static List<OgcCrsUri> offeredWith(int metricEpsg) {
        List<OgcCrsUri> list = new ArrayList<>();
        list.add(CRS84);
        for (int code : new int[] {4326, 4490, 3857, metricEpsg}) {
            OgcCrsUri u = epsg(code);
            if (!list.contains(u)) {
                list.add(u);
            }
        }
        return List.copyOf(list);
    }

    /** The URIs of a list, e.g. for a collection's {@code crs} array. */
    public static List<String> uris(List<OgcCrsUri> offered) {
        return offered.stream().map(OgcCrsUri::uri).toList();
    }

    /** Reads a {@code crs}/{@code bbox-crs} value against {@link #OFFERED}. */
    public static OgcCrsUri parse(String value) {
        return parse(value, OFFERED);
    }

    /**
     * Reads a {@code crs}/{@code bbox-crs} value: the canonical URIs, and for convenience the other spellings
     * {@link SourceCrs#parse} knows, including the safe CURIE form {@code [EPSG:4326]}.
     *
     * @throws CrsException {@code crs_unknown} if unreadable, {@code crs_not_offered} if not in {@code offered}
     */
    public static OgcCrsUri parse(String value, List<OgcCrsUri> offered) {
        String s = value == null ? null : value.strip();
        if (s != null && s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        SourceCrs crs = SourceCrs.parse(s);
        for (OgcCrsUri o : offered) {
            if (o.crs().equals(crs)) {
                return o;
            }
        }
        throw CrsException.notOffered(value, uris(offered));
    }

    /** The SRID of geometries in this system (4326 for CRS84). */
    public int srid() {
        return crs.datumEpsg();
    }

    /**
     * Whether coordinates written in this system put the north axis first, i.e. swap the internal (x = east,
     * y = north) order: true for EPSG:4326, 4490 and the Gauss-Krüger systems, false for CRS84 and EPSG:3857.
     */
    public boolean northFirst() {
        return crs instanceof SourceCrs.Epsg e
                && EpsgCatalogue.entry(e.code()).orElseThrow().kind() != EpsgCatalogue.Kind.WEB_MERCATOR;
    }
}
