package org.wufei.gis.crs;

/**
 * The coordinate reference system that incoming coordinates are in, as a user names it.
 *
 * <p>Either an EPSG code the service supports, or one of three names that are not EPSG codes: CRS84 (WGS 84 in
 * longitude/latitude order) and the Chinese consumer-map offsets GCJ-02 (Amap, Tencent) and BD-09 (Baidu).
 */
public sealed interface SourceCrs permits SourceCrs.Epsg, SourceCrs.Named {

    SourceCrs CRS84 = Named.CRS84;
    SourceCrs GCJ02 = Named.GCJ02;
    SourceCrs BD09 = Named.BD09;

    /** An EPSG code that {@link CrsRegistry} can transform. */
    record Epsg(int code) implements SourceCrs {
        public Epsg {
            if (!EpsgCatalogue.isSupported(code)) {
                throw CrsException.unknown("EPSG:" + code);
            }
        }

        @Override
        public int datumEpsg() {
            return code;
        }

        @Override
        public String label() {
            return "EPSG:" + code;
        }
    }

    /** Systems that are not (or not only) an EPSG code. */
    enum Named implements SourceCrs {
        CRS84("CRS84"), GCJ02("GCJ-02"), BD09("BD-09");

        private final String label;

        Named(String label) {
            this.label = label;
        }

        // The consumer-map offsets are applied on top of WGS 84 coordinates.
        @Override
        public int datumEpsg() {
            return 4326;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** The EPSG code of the coordinates once any consumer-map offset is removed (4326 for CRS84, GCJ-02, BD-09). */
    int datumEpsg();

    /** A short human-readable name such as {@code EPSG:4546} or {@code GCJ-02}. */
    String label();

    /** A supported EPSG code; {@code crs_unknown} otherwise. */
    static SourceCrs epsg(int code) {
        return new Epsg(code);
    }

    /**
     * Reads the forms users send: {@code EPSG:4546}, {@code 4546}, {@code urn:ogc:def:crs:EPSG::4490},
     * {@code http://www.opengis.net/def/crs/EPSG/0/4326}, the CRS84 URI or {@code CRS84}, {@code gcj02}/{@code GCJ-02},
     * {@code bd09}/{@code BD-09}; case does not matter.
     *
     * @throws CrsException with code {@code crs_unknown} for anything else, including unsupported EPSG codes
     */
    static SourceCrs parse(String text) {
        return SourceCrsParser.parse(text);
    }
}
