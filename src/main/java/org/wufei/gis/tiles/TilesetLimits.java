package org.wufei.gis.tiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.District;

/**
 * Where our tilesets have tiles: the district (with its margin) from zoom 0 to {@link #MAX_ZOOM}. Published as
 * tileMatrixSetLimits; a tile outside them is 404, as OGC API - Tiles requirement /req/core/tc-error asks.
 */
@Component
public class TilesetLimits {
    static final int MIN_ZOOM = 0;
    public static final int MAX_ZOOM = 18;

    private final Envelope bounds;

    TilesetLimits(District district) {
        this.bounds = district.envelopeWithMargin();
    }

    Envelope bounds() {
        return bounds;
    }

    void check(TileRequest r) {
        long[] range = r.tms().tileRange(r.z(), bounds);
        if (r.z() > MAX_ZOOM || r.x() < range[0] || r.x() > range[1] || r.y() < range[2] || r.y() > range[3]) {
            throw new ApiException(HttpStatus.NOT_FOUND, "tile_outside_limits", null, r.tms().id(), r.z(), r.y(),
                    r.x());
        }
    }

    List<Map<String, Object>> of(TileMatrixSet tms) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int z = MIN_ZOOM; z <= MAX_ZOOM; z++) {
            long[] r = tms.tileRange(z, bounds);
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("tileMatrix", String.valueOf(z));
            l.put("minTileRow", r[2]);
            l.put("maxTileRow", r[3]);
            l.put("minTileCol", r[0]);
            l.put("maxTileCol", r[1]);
            out.add(l);
        }
        return out;
    }
}
