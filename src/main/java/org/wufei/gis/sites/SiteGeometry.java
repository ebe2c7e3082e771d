package org.wufei.gis.sites;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.wufei.gis.common.DomainException;
import org.wufei.gis.common.District;

/** Reads and checks a site's geometry: GeoJSON in lon/lat, right type for the kind, valid, in the district. */
public final class SiteGeometry {
    public static final int SRID = 4326;
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), SRID);

    private SiteGeometry() {
    }

    public static Geometry parse(String geoJson) {
        if (geoJson == null || geoJson.isBlank() || "null".equals(geoJson.strip())) {
            throw DomainException.invalid("geometry_missing", "geometry");
        }
        try {
            Geometry g = new GeoJsonReader(FACTORY).read(geoJson);
            g.setSRID(SRID);
            return g;
        } catch (ParseException | RuntimeException e) {
            throw DomainException.malformed("geometry_malformed", "geometry");
        }
    }

    /** Refuses what a site of this kind cannot have; returns the geometry normalised to SRID 4326. */
    public static Geometry check(SiteKind kind, Geometry g, District district) {
        if (g.isEmpty()) {
            throw DomainException.invalid("geometry_empty", "geometry");
        }
        Envelope allowed = district.envelopeWithMargin();
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                throw DomainException.invalid("coordinates_invalid", "geometry");
            }
            if (c.x < -180 || c.x > 180 || c.y < -90 || c.y > 90) {
                if (allowed.contains(c.y, c.x)) {
                    throw DomainException.invalid("coordinates_swapped", "geometry");
                }
                throw DomainException.invalid("coordinates_out_of_range", "geometry", c.x, c.y);
            }
        }
        boolean polygonal = g instanceof Polygon || g instanceof MultiPolygon;
        boolean typeAllowed = polygonal ? kind.allows("polygon") : g instanceof Point && kind.allows("point");
        if (!typeAllowed) {
            throw DomainException.invalid("geometry_type_not_allowed", "geometry", g.getGeometryType(),
                    kind.id(), kind.allows("polygon") && kind.allows("point") ? "Point/Polygon/MultiPolygon"
                            : kind.polygonal() ? "Polygon/MultiPolygon" : "Point");
        }
        if (!g.isValid()) {
            throw DomainException.invalid("geometry_invalid", "geometry");
        }
        if (!allowed.contains(g.getEnvelopeInternal())) {
            Coordinate c = g.getCentroid().getCoordinate();
            boolean swapped = allowed.contains(c.y, c.x);
            throw DomainException.invalid(swapped ? "coordinates_swapped" : "geometry_outside_district",
                    "geometry", district.name(), district.nameEn());
        }
        g.setSRID(SRID);
        return g;
    }

    public static String toGeoJson(Geometry g) {
        GeoJsonWriter w = new GeoJsonWriter(7);
        w.setEncodeCRS(false);
        return w.write(g);
    }
}
