package org.wufei.gis.sites.web;

import java.util.Map;
import java.util.Set;
import org.wufei.gis.common.DomainException;
import org.wufei.gis.sites.Lifecycles;
import org.wufei.gis.sites.SiteKind;

/** The parsed, checked query of GET /api/sites; unknown parameters are refused here, once. */
record SiteListParams(SiteKind kind, String status, String township, double[] bbox, int page, int size) {
    private static final Set<String> KNOWN = Set.of("kind", "status", "township", "bbox", "page", "size", "lang");

    static SiteListParams parse(Map<String, String> params, Lifecycles lifecycles) {
        for (String name : params.keySet()) {
            if (!KNOWN.contains(name)) {
                throw DomainException.malformed("parameter_unknown", name, name);
            }
        }
        SiteKind kind = null;
        if (params.get("kind") != null) {
            kind = lifecycles.kinds().byId(params.get("kind"))
                    .orElseThrow(() -> DomainException.malformed("kind_unknown", "kind", params.get("kind")));
        }
        String status = params.get("status");
        if (status != null) {
            boolean known = kind != null ? lifecycles.of(kind).hasState(status)
                    : lifecycles.kinds().all().stream().anyMatch(k -> lifecycles.of(k).hasState(status));
            if (!known) {
                throw DomainException.malformed("status_unknown", "status", status, kind == null ? "*" : kind.id());
            }
        }
        return new SiteListParams(kind, status, params.get("township"), bbox(params.get("bbox")),
                integer(params, "page", 0, 0, Integer.MAX_VALUE), integer(params, "size", 100, 1, 1000));
    }

    private static double[] bbox(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw DomainException.malformed("bbox_invalid", "bbox", text);
        }
        double[] b = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                b[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            throw DomainException.malformed("bbox_invalid", "bbox", text);
        }
        if (!(b[0] <= b[2] && b[1] <= b[3] && b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90)) {
            throw DomainException.malformed("bbox_invalid", "bbox", text);
        }
        return b;
    }

    private static int integer(Map<String, String> params, String name, int dflt, int min, int max) {
        String v = params.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(v.strip());
            if (i < min || i > max) {
                throw DomainException.malformed("parameter_out_of_range", name, name, min, max);
            }
            return i;
        } catch (NumberFormatException e) {
            throw DomainException.malformed("parameter_invalid", name, name);
        }
    }
}
