package org.wufei.gis.common;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * The district the service is set up for: read from gis-data/district.json, so another district is
 * a change of data, not of code.
 */
public record District(
        String id,
        String adminCode,
        String codePrefix,
        String name,
        String nameEn,
        String city,
        String cityEn,
        double[] bbox,
        double[] seat,
        int metricEpsg,
        double marginMetres,
        long seed,
        List<Township> townships,
        List<River> rivers) {

    public record Township(String code, String name, String nameEn, double[] anchor) {
    }

    public record River(String name, String nameEn, boolean seasonal, double[] from, double[] to) {
    }

    public Envelope envelope() {
        return new Envelope(bbox[0], bbox[2], bbox[1], bbox[3]);
    }

    /** The bounding box grown by the margin, in degrees (a metre of latitude is ~1/111,320 degree). */
    public Envelope envelopeWithMargin() {
        double dLat = marginMetres / 111_320.0;
        double dLon = dLat / Math.cos(Math.toRadians((bbox[1] + bbox[3]) / 2));
        Envelope e = envelope();
        e.expandBy(dLon, dLat);
        return e;
    }
}
