package org.wufei.gis.tiles.encode;

import org.wufei.gis.tiles.encode.TileDetail;
import org.wufei.gis.tiles.TileLayer;
import org.wufei.gis.tiles.TileRequest;

/** Encodes one layer of one tile as MVT 2.1 bytes (empty array when the layer has no feature there). */
public interface TileEncoder {
    byte[] encode(TileLayer layer, TileRequest request, TileDetail detail);
}
