package org.wufei.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wufei.gis.imports.Uploads.fixture;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A field team's KML and KMZ keep every placemark, whatever its geometry, with its folder, style, ExtendedData and
 * photos; the geometry type is judged when a detection is promoted, and the detections' tiles draw the points.
 */
@IntegrationTest
abstract class PlacemarkContract {
    @LocalServerPort
    int port;
    Http http;
    Uploads uploads;

    @BeforeEach
    void client() {
        http = new Http(port);
        uploads = new Uploads(http);
    }

    @Test
    void aDroneKmlOfEightPointsAndFourPolygonsKeepsEveryPlacemarkWithItsFolderStyleAndData() {
        JsonNode batch = uploads.imported("uploader", fixture("kml-drone-8-points-4-polygons.kml"), "source", "drone");
        assertThat(batch.path("state").asString()).as(batch.toString()).isEqualTo("succeeded");
        assertThat(batch.path("accepted").asLong()).as(batch.toString()).isEqualTo(12);
        assertThat(batch.path("rejected").asLong()).isZero();
        JsonNode features = http.get(batch.path("detections").asString(), "viewer").json().path("features");
        List<String> types = new ArrayList<>();
        features.forEach(f -> types.add(f.path("geometry").path("type").asString()));
        assertThat(types).filteredOn("Point"::equals).hasSize(8);
        assertThat(types).filteredOn("Polygon"::equals).hasSize(4);
        JsonNode point = features.get(0).path("properties");
        assertThat(point.path("name").asString()).isEqualTo("无人机点位 1");
        assertThat(point.path("confidence").asDouble()).isEqualTo(0.80);
        assertThat(point.path("attributes").path("folder").asString()).isEqualTo("点位");
        assertThat(point.path("attributes").path("style").asString()).isEqualTo("#heap-point");
        assertThat(point.path("attributes").path("航次").asString()).isEqualTo("F-2026-01");
        JsonNode polygon = features.get(8).path("properties");
        assertThat(polygon.path("attributes").path("folder").asString()).isEqualTo("图斑");
        assertThat(polygon.path("attributes").path("style_color").asString()).isEqualTo("7f0000ff");
        assertThat(polygon.path("category").asString()).isEqualTo("建筑垃圾");

        // the geometry type is judged at promotion, against the kind's definition: a heap may be a point
        Http.Response asPoint = http.post("/api/detections/" + features.get(0).path("id").asLong() + "/promote",
                "uploader", null, null);
        assertThat(asPoint.status()).as(asPoint.body()).isIn(200, 201);
        Http.Response promoted = http.post("/api/detections/" + features.get(8).path("id").asLong() + "/promote",
                "uploader", null, null);
        assertThat(promoted.status()).as(promoted.body()).isIn(200, 201);

        // the detections layer draws the points: a z14 tile over the first one has content
        double lon = features.get(0).path("geometry").path("coordinates").get(0).asDouble();
        double lat = features.get(0).path("geometry").path("coordinates").get(1).asDouble();
        int z = 14;
        int x = (int) Math.floor((lon + 180) / 360 * (1 << z));
        double r = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
        Http.Response tile = http.get("/ogc/collections/detections/tiles/WebMercatorQuad/" + z + "/" + y + "/" + x,
                "viewer");
        assertThat(tile.status()).as(tile.body()).isEqualTo(200);
        assertThat(tile.body()).contains("detections");
        JsonNode items = http.get("/ogc/collections/detections/items?limit=20&filter=batch_id%3D"
                + batch.path("id").asLong(), "viewer").json();
        assertThat(items.path("numberMatched").asLong()).as(items.toString()).isEqualTo(12);
    }

    @Test
    void aKmzKeepsItsPhotosLinkedToTheirPlacemarks() {
        JsonNode batch = uploads.imported("uploader", fixture("kmz-placemarks-with-photos.kmz"), "source", "drone");
        assertThat(batch.path("accepted").asLong()).as(batch.toString()).isEqualTo(3);
        JsonNode features = http.get(batch.path("detections").asString(), "viewer").json().path("features");
        JsonNode first = features.get(0).path("properties").path("attributes");
        assertThat(first.path("images").get(0).asString()).isEqualTo("files/photo-1.png");
        assertThat(first.path("folder").asString()).isEqualTo("现场照片");
        assertThat(features.get(1).path("properties").path("attributes").path("images").get(0).asString())
                .isEqualTo("files/photo-2.png");
        assertThat(features.get(2).path("properties").path("attributes").has("images")).isFalse();
        String media = "/api/imports/" + batch.path("id").asLong() + "/media/";
        Http.Response photo = http.get(media + "files/photo-1.png", "viewer");
        assertThat(photo.status()).isEqualTo(200);
        assertThat(photo.header("Content-Type")).isEqualTo("image/png");
        assertThat(http.get(media + "files/nothing.png", "viewer").status()).isEqualTo(404);
        assertThat(http.get(media + "..%2F..%2Fsecret", "viewer").status()).isIn(400, 404);
    }
}
