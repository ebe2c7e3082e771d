package org.wufei.gis.tiles;

/** Encodes one layer of one tile as MVT 2.1 bytes (empty array when the layer has no feature there). */
interface TileEncoder {
    byte[] encode(TileLayer layer, TileRequest request, TileDetail detail);
}
