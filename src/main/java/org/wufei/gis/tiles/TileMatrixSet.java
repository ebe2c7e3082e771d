package org.wufei.gis.tiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * The two tile matrix sets we serve, from the OGC 2D Tile Matrix Set standard (17-083r4, annex D): their tile
 * grids and their JSON definitions, computed rather than copied so the numbers and the tiling agree.
 */
public enum TileMatrixSet {
    WEB_MERCATOR_QUAD("WebMercatorQuad", "Google Maps Compatible for the World",
            "http://www.opengis.net/def/crs/EPSG/0/3857", 3857, 24,
            new double[] {-20037508.3427892, -20037508.3427892, 20037508.3427892, 20037508.3427892},
            559082264.028717, 1, true),
    WORLD_CRS84_QUAD("WorldCRS84Quad", "CRS84 for the World",
            "http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326, 23,
            new double[] {-180, -90, 180, 90}, 279541132.014358, 2, false);

    /** Standardised rendering pixel size (0.28 mm), used to turn cell sizes into scale denominators. */
    private static final double PIXEL_M = 0.00028;
    public static final int TILE_PIXELS = 256;

    private final String id;
    private final String title;
    private final String crsUri;
    private final int srid;
    private final int maxZoom;
    private final double[] bounds;
    private final double scaleAtZero;
    private final int widthAtZero;
    private final boolean mercator;

    TileMatrixSet(String id, String title, String crsUri, int srid, int maxZoom, double[] bounds,
            double scaleAtZero, int widthAtZero, boolean mercator) {
        this.id = id;
        this.title = title;
        this.crsUri = crsUri;
        this.srid = srid;
        this.maxZoom = maxZoom;
        this.bounds = bounds;
        this.scaleAtZero = scaleAtZero;
        this.widthAtZero = widthAtZero;
        this.mercator = mercator;
    }

    String id() {
        return id;
    }

    String title() {
        return title;
    }

    String crsUri() {
        return crsUri;
    }

    /** The SRID of the matrix set's CRS in the database (CRS84 is 4326 with lon/lat order there). */
    int srid() {
        return srid;
    }

    int maxZoom() {
        return maxZoom;
    }

    public boolean mercator() {
        return mercator;
    }

    static Optional<TileMatrixSet> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    long matrixWidth(int z) {
        return (long) widthAtZero << z;
    }

    long matrixHeight(int z) {
        return 1L << z;
    }

    private double tileSpanX(int z) {
        return (bounds[2] - bounds[0]) / matrixWidth(z);
    }

    private double tileSpanY(int z) {
        return (bounds[3] - bounds[1]) / matrixHeight(z);
    }

    /** The tile's bounds in the matrix set's CRS (x east, y north; row 0 at the top). */
    public Envelope tileEnvelope(int z, long x, long y) {
        double w = tileSpanX(z);
        double h = tileSpanY(z);
        double minX = bounds[0] + x * w;
        double maxY = bounds[3] - y * h;
        return new Envelope(minX, minX + w, maxY - h, maxY);
    }

    /** The tile's bounds in longitude/latitude, widened by {@code margin} of a tile on each side. */
    public Envelope lonLatEnvelope(int z, long x, long y, double margin) {
        Envelope e = tileEnvelope(z, x, y);
        double dx = e.getWidth() * margin;
        double dy = e.getHeight() * margin;
        e = new Envelope(e.getMinX() - dx, e.getMaxX() + dx, e.getMinY() - dy, e.getMaxY() + dy);
        if (!mercator) {
            return e;
        }
        return new Envelope(WebMercator.lon(e.getMinX()), WebMercator.lon(e.getMaxX()),
                WebMercator.lat(e.getMinY()), WebMercator.lat(e.getMaxY()));
    }

    /** Column and row ranges {minCol, maxCol, minRow, maxRow} of the tiles that touch a lon/lat envelope. */
    long[] tileRange(int z, Envelope lonLat) {
        double minX = lonLat.getMinX();
        double maxX = lonLat.getMaxX();
        double minY = lonLat.getMinY();
        double maxY = lonLat.getMaxY();
        if (mercator) {
            minX = WebMercator.x(minX);
            maxX = WebMercator.x(maxX);
            minY = WebMercator.y(minY);
            maxY = WebMercator.y(maxY);
        }
        long cols = matrixWidth(z);
        long rows = matrixHeight(z);
        long minCol = clamp((long) Math.floor((minX - bounds[0]) / tileSpanX(z)), cols);
        long maxCol = clamp((long) Math.floor((maxX - bounds[0]) / tileSpanX(z)), cols);
        long minRow = clamp((long) Math.floor((bounds[3] - maxY) / tileSpanY(z)), rows);
        long maxRow = clamp((long) Math.floor((bounds[3] - minY) / tileSpanY(z)), rows);
        return new long[] {minCol, maxCol, minRow, maxRow};
    }

    private static long clamp(long v, long size) {
        return Math.max(0, Math.min(size - 1, v));
    }

    /** The OGC 2D-TMS JSON definition (version 2.0 encoding). */
    Map<String, Object> definition() {
        Map<String, Object> tms = new LinkedHashMap<>();
        tms.put("id", id);
        tms.put("title", title);
        tms.put("uri", "http://www.opengis.net/def/tilematrixset/OGC/1.0/" + id);
        tms.put("crs", crsUri);
        tms.put("orderedAxes", mercator ? List.of("E", "N") : List.of("Lon", "Lat"));
        tms.put("wellKnownScaleSet", mercator
                ? "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible"
                : "http://www.opengis.net/def/wkss/OGC/1.0/GoogleCRS84Quad");
        Map<String, Object> box = new LinkedHashMap<>();
        box.put("type", "BoundingBoxType");
        box.put("crs", crsUri);
        box.put("lowerLeft", List.of(bounds[0], bounds[1]));
        box.put("upperRight", List.of(bounds[2], bounds[3]));
        tms.put("boundingBox", box);
        List<Map<String, Object>> matrices = new ArrayList<>();
        double metresPerUnit = mercator ? 1 : 6378137 * 2 * Math.PI / 360;
        for (int z = 0; z <= maxZoom; z++) {
            Map<String, Object> m = new LinkedHashMap<>();
            double scale = scaleAtZero / (1L << z);
            m.put("id", String.valueOf(z));
            m.put("scaleDenominator", scale);
            m.put("cellSize", scale * PIXEL_M / metresPerUnit);
            m.put("cornerOfOrigin", "topLeft");
            m.put("pointOfOrigin", List.of(bounds[0], bounds[3]));
            m.put("tileWidth", TILE_PIXELS);
            m.put("tileHeight", TILE_PIXELS);
            m.put("matrixWidth", matrixWidth(z));
            m.put("matrixHeight", matrixHeight(z));
            matrices.add(m);
        }
        tms.put("tileMatrices", matrices);
        return tms;
    }

    /** Spherical Mercator (EPSG:3857) forward and inverse: exact, so no CRS library is needed for tiles. */
    public static final class WebMercator {
        static final double R = 6378137.0;
        static final double MAX_LAT = 85.0511287798066;

        private WebMercator() {
        }

        public static double x(double lon) {
            return Math.toRadians(lon) * R;
        }

        public static double y(double lat) {
            double clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
            return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2)) * R;
        }

        static double lon(double x) {
            return Math.toDegrees(x / R);
        }

        static double lat(double y) {
            return Math.toDegrees(2 * Math.atan(Math.exp(y / R)) - Math.PI / 2);
        }
    }
}
