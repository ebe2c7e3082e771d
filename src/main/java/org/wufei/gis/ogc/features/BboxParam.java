package org.wufei.gis.ogc.features;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.crs.CrsException;
import org.wufei.gis.crs.CrsRegistry;
import org.wufei.gis.crs.OgcCrsUri;

/**
 * The {@code bbox} parameter read in its {@code bbox-crs} and brought to storage boxes (EPSG:4326, lon/lat).
 * In a geographic CRS a box whose west edge lies east of its east edge crosses the antimeridian and becomes two
 * boxes; in a projected CRS it is refused.
 */
final class BboxParam {

    private BboxParam() {
    }

    static List<Envelope> parse(String value, OgcCrsUri crs, CrsRegistry registry) {
        if (value == null) {
            return List.of();
        }
        String[] parts = value.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw ApiException.badRequest("bbox_invalid", OgcParams.BBOX, value);
        }
        double[] n = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                n[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("bbox_invalid", OgcParams.BBOX, value);
            }
            if (!Double.isFinite(n[i])) {
                throw ApiException.badRequest("bbox_invalid", OgcParams.BBOX, value);
            }
        }
        int hi = parts.length / 2;
        double a1 = n[0];
        double b1 = n[1];
        double a2 = n[hi];
        double b2 = n[hi + 1];
        boolean northFirst = crs.northFirst();
        double minX = northFirst ? b1 : a1;
        double minY = northFirst ? a1 : b1;
        double maxX = northFirst ? b2 : a2;
        double maxY = northFirst ? a2 : b2;
        boolean geographic = registry.isGeographic(crs.srid());
        if (minY > maxY) {
            throw ApiException.badRequest("bbox_invalid", OgcParams.BBOX, value);
        }
        if (geographic) {
            if (Math.abs(minY) > 90 || Math.abs(maxY) > 90 || Math.abs(minX) > 180 || Math.abs(maxX) > 180) {
                throw ApiException.badRequest("bbox_out_of_range", OgcParams.BBOX, value);
            }
            if (minX > maxX) {
                return List.of(toStorage(new Envelope(minX, 180, minY, maxY), crs, registry),
                        toStorage(new Envelope(-180, maxX, minY, maxY), crs, registry));
            }
        } else if (minX > maxX) {
            throw ApiException.badRequest("bbox_invalid", OgcParams.BBOX, value);
        }
        return List.of(toStorage(new Envelope(minX, maxX, minY, maxY), crs, registry));
    }

    private static Envelope toStorage(Envelope e, OgcCrsUri crs, CrsRegistry registry) {
        if (crs.srid() == 4326) {
            return e;
        }
        try {
            return registry.transform(e, crs.srid(), 4326);
        } catch (CrsException ex) {
            throw ApiException.badRequest("bbox_invalid", OgcParams.BBOX, e.toString());
        }
    }
}
