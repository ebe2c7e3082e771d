package org.wufei.gis.imports.normalise;

import org.wufei.gis.common.Texts;
import java.util.HashMap;
import java.util.Map;
import org.wufei.gis.crs.CrsException;
import org.wufei.gis.crs.PrjMatcher;
import org.wufei.gis.crs.SourceCrs;
import org.wufei.gis.imports.read.CrsHint;
import org.wufei.gis.imports.read.FeatureSource;
import org.wufei.gis.imports.read.ImportException;

/**
 * Decides which CRS an upload's coordinates are in: the uploader's {@code crs} first (it is how GCJ-02/BD-09 and
 * a broken .prj are overruled), then what the file declares (.prj, GPKG srs, GeoJSON crs, KML, GeoTIFF), else
 * bare WGS 84 longitude/latitude, which {@link DistrictCheck} then checks for plausibility. One per upload,
 * remembering each layer's answer.
 */
public final class CrsResolver {
    static final String BY_REQUEST = "request";
    static final String ASSUMED = "assumed-wgs84";

    /**
     * The system and where it came from ("request", "prj", "gpkg", "geojson-crs", "kml", "geotiff",
     * "assumed-wgs84"). {@code eitherAxisOrder} is set for a legacy GeoJSON {@code crs} naming a latitude-first
     * EPSG system: producers write both orders under it, so each feature's order is taken from the district.
     */
    public record Resolved(SourceCrs crs, String detectedBy, boolean eitherAxisOrder) {
        Resolved(SourceCrs crs, String detectedBy) {
            this(crs, detectedBy, false);
        }

        public boolean assumed() {
            return ASSUMED.equals(detectedBy);
        }
    }

    private final FeatureSource source;
    private final Resolved requested;
    private final Map<String, Resolved> byLayer = new HashMap<>();

    public CrsResolver(FeatureSource source, String requestedCrs) {
        this.source = source;
        this.requested = requestedCrs == null || requestedCrs.isBlank() ? null
                : new Resolved(parse(requestedCrs.strip()), BY_REQUEST);
    }

    public Resolved forLayer(String layer) {
        if (requested != null) {
            return requested;
        }
        return byLayer.computeIfAbsent(String.valueOf(layer),
                l -> fromHint(layer == null ? source.crsHint() : source.crsHint(layer)));
    }

    /** Every layer's system as stored on the batch, e.g. "EPSG:4546" or "EPSG:4326 (a), EPSG:4490 (b)". */
    public String describe() {
        if (requested != null) {
            return requested.crs().label();
        }
        return byLayer.values().stream().map(r -> r.crs().label()).distinct()
                .reduce((a, b) -> a + ", " + b).orElse(null);
    }

    public String detectedBy() {
        if (requested != null) {
            return BY_REQUEST;
        }
        return byLayer.values().stream().map(Resolved::detectedBy).distinct()
                .reduce((a, b) -> a + ", " + b).orElse(null);
    }

    private static Resolved fromHint(CrsHint hint) {
        if (hint == null || CrsHint.NONE.equals(hint.declaredBy())) {
            return new Resolved(SourceCrs.epsg(4326), ASSUMED);
        }
        try {
            if (hint.epsg() != null) {
                boolean either = CrsHint.GEOJSON_CRS.equals(hint.declaredBy())
                        && (hint.epsg() == 4326 || hint.epsg() == 4490);
                return new Resolved(SourceCrs.epsg(hint.epsg()), hint.declaredBy(), either);
            }
            if (hint.prjWkt() != null && !hint.prjWkt().isBlank()) {
                return new Resolved(SourceCrs.epsg(PrjMatcher.matchOrThrow(hint.prjWkt())), hint.declaredBy());
            }
        } catch (CrsException e) {
            throw refused(e);
        }
        return new Resolved(SourceCrs.epsg(4326), ASSUMED);
    }

    private static SourceCrs parse(String text) {
        try {
            return SourceCrs.parse(text);
        } catch (CrsException e) {
            throw refused(e);
        }
    }

    /** A CRS the user must fix, in the import error model (code, field "crs", both languages). */
    static ImportException refused(CrsException e) {
        return new ImportException(e.code(), "crs", Texts.zh(e), Texts.en(e));
    }
}
