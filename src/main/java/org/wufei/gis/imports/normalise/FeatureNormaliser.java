package org.wufei.gis.imports.normalise;

import org.wufei.gis.common.Texts;
import java.util.Arrays;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.wufei.gis.crs.CrsException;
import org.wufei.gis.crs.CrsRegistry;
import org.wufei.gis.crs.MetricCrs;
import org.wufei.gis.crs.SourceCrs;
import org.wufei.gis.imports.read.ImportException;

/**
 * Turns one read geometry into what a detection stores: 2D, in EPSG:4326, without repeated points, valid (repaired
 * and flagged when it was not), inside the district — or refuses it with a reason. Every geometry type is kept as
 * read (points, lines, polygons, multi and mixed collections): which types a kind accepts is checked at promotion.
 */
public final class FeatureNormaliser {
    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    /** A geometry fit to store, its area in m² (0 for points) and whether it had to be repaired. */
    public record Normalised(Geometry geometry, double areaM2, boolean repaired) {
    }

    private final CrsRegistry crs;
    private final MetricCrs metric;
    private final DistrictCheck district;

    public FeatureNormaliser(CrsRegistry crs, MetricCrs metric, DistrictCheck district) {
        this.crs = crs;
        this.metric = metric;
        this.district = district;
    }

    /** The box every normalised geometry lies in (the district and its margin). */
    public Envelope extent() {
        return district.allowed();
    }

    public Normalised normalise(long index, Geometry read, CrsResolver.Resolved resolved) {
        SourceCrs from = resolved.crs();
        if (read == null) {
            throw reject(index, "geometry_missing", Texts.zh("import.geometry_missing"), Texts.en("import.geometry_missing"));
        }
        if (read.isEmpty()) {
            throw reject(index, "geometry_empty", Texts.zh("import.geometry_empty"), Texts.en("import.geometry_empty"));
        }
        Geometry g = flatten(read);
        if (resolved.eitherAxisOrder()) {
            g = district.inAxisOrder(g);
        }
        checkNumbers(index, g, from);
        Geometry wgs84;
        try {
            wgs84 = crs.toWgs84Owned(g, from); // g is the fresh copy flatten made
        } catch (CrsException e) {
            throw reject(index, e.code(), Texts.zh(e), Texts.en(e));
        }
        district.check(index, wgs84);
        boolean repaired = false;
        if (!SimpleRing.isValid(wgs84)) {
            wgs84 = polygonsOfRepaired(wgs84, GeometryFixer.fix(wgs84));
            repaired = true;
        }
        if (wgs84.isEmpty()) {
            throw reject(index, "geometry_invalid", Texts.zh("import.geometry_unrepairable"),
                    Texts.en("import.geometry_unrepairable"));
        }
        wgs84.setSRID(4326);
        return new Normalised(wgs84, Math.round(metric.areaM2(wgs84) * 10) / 10.0, repaired);
    }

    /**
     * Z and M dropped, repeated consecutive points removed, in a fresh 2D geometry whose sequences are arrays of
     * numbers ({@link PackedCoordinateSequence}): one object per ring instead of one per point, for everything
     * downstream to read and for the batch to keep.
     */
    public static Geometry flatten(Geometry g) {
        Geometry out = new GeometryTransformer() {
            @Override
            protected CoordinateSequence transformCoordinates(CoordinateSequence coords, Geometry parent) {
                int n = coords.size();
                double[] xy = new double[2 * n];
                int kept = 0;
                for (int i = 0; i < n; i++) {
                    double x = coords.getX(i);
                    double y = coords.getY(i);
                    if (kept == 0 || x != xy[2 * kept - 2] || y != xy[2 * kept - 1]) {
                        xy[2 * kept] = x;
                        xy[2 * kept + 1] = y;
                        kept++;
                    }
                }
                boolean degenerateRing = parent instanceof LinearRing && kept < 4;
                if (kept < n && !degenerateRing) {
                    xy = Arrays.copyOf(xy, 2 * kept);
                } else if (kept < n) {
                    // keep a degenerate ring as it was; repair decides what it becomes
                    for (int i = 0; i < n; i++) {
                        xy[2 * i] = coords.getX(i);
                        xy[2 * i + 1] = coords.getY(i);
                    }
                }
                return new PackedCoordinateSequence.Double(xy, 2, 0);
            }
        }.transform(g);
        out.setSRID(g.getSRID());
        return out;
    }

    private static void checkNumbers(long index, Geometry g, SourceCrs from) {
        boolean geographic = from.datumEpsg() == 4326 || from.datumEpsg() == 4490 || from.datumEpsg() == 4610
                || from.datumEpsg() == 4214;
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double x = seq.getX(i);
                double y = seq.getY(i);
                if (!Double.isFinite(x) || !Double.isFinite(y)) {
                    throw reject(index, ImportException.COORDINATE_NOT_NUMBER,
                            Texts.zh("import.coordinate_not_finite"), Texts.en("import.coordinate_not_finite"));
                }
                if (geographic && (Math.abs(y) > 90 || Math.abs(x) > 180)) {
                    throw reject(index, "coordinate_out_of_range",
                            Texts.zh("import.coordinate_out_of_range", x, y),
                            Texts.en("import.coordinate_out_of_range", x, y));
                }
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return false;
            }
        });
    }

    /**
     * A polygonal geometry whose repair left a collection (slivers collapsed to lines or points) keeps only its
     * polygons; anything else stays as the repair made it.
     */
    private static Geometry polygonsOfRepaired(Geometry read, Geometry fixed) {
        boolean wasPolygonal = read instanceof Polygon || read instanceof MultiPolygon;
        if (wasPolygonal && fixed instanceof GeometryCollection && !(fixed instanceof MultiPolygon)) {
            var polygons = PolygonExtracter.getPolygons(fixed);
            return polygons.isEmpty() ? fixed.getFactory().createGeometryCollection() : WGS84.buildGeometry(polygons);
        }
        return fixed;
    }

    static ImportException reject(long index, String code, String zh, String en) {
        return new ImportException(code, "geometry", zh, en, index, null);
    }
}
