package org.wufei.gis.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;
import org.wufei.gis.tiles.encode.Generalisation;
import org.wufei.gis.tiles.encode.JavaTileEncoder;
import org.wufei.gis.tiles.encode.PostgisTileEncoder;
import org.wufei.gis.tiles.encode.TileDetail;

/**
 * The tiles contract on PostGIS (ST_AsMVT), plus the check that the Java encoder H2GIS uses gives the same
 * features, properties and geometry types as ST_AsMVT from the same rows.
 */
@ContextConfiguration(initializers = PostgisDatabase.class)
class TilesPostgisIT extends TilesContract {

    @BeforeAll
    static void postgis() {
        TestDatabases.requirePostgis();
    }

    @Test
    void javaEncoderAndStAsMvtGiveTheSameFeaturesAndProperties() {
        JavaTileEncoder java = new JavaTileEncoder(jdbc);
        PostgisTileEncoder postgis = (PostgisTileEncoder) encoder; // the service's own
        int compared = 0;
        for (TileLayer layer : layers.all()) {
            for (TileMatrixSet tms : TileMatrixSet.values()) {
                for (int z : new int[] {6, 9, 10, 11, 13, 15}) {
                    for (TileDetail detail : Generalisation.possibleDetails(layer, z)) {
                        long[] t = tileAt(tms, z, SEAT[0], SEAT[1]);
                        TileRequest r = new TileRequest(layer.id(), List.of(layer), tms, z, t[1], t[0], List.of());
                        DecodedTile fromDb = DecodedTile.of(postgis.encode(layer, r, detail));
                        DecodedTile fromJava = DecodedTile.of(java.encode(layer, r, detail));
                        String what = layer.id() + " " + tms.id() + " z" + z + " " + detail;
                        assertThat(fromJava.layers()).as(what).isEqualTo(fromDb.layers());
                        assertThat(fromJava.types()).as(what).isEqualTo(fromDb.types());
                        compared += fromDb.layer(layer.id()).size();
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(500);
    }
}
