package org.wufei.gis.imports.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.wufei.gis.imports.read.Fixtures.path;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class GeoTiffFeatureSourceTest {

    @Test
    void footprintSizeResolutionAndDateOfASmallGeoTiff() {
        try (FeatureSource source = FeatureReaders.open(path("geotiff-footprint.tif"), ReadOptions.defaults())) {
            assertThat(source.crsHint()).isEqualTo(new CrsHint(4326, null, "geotiff"));
            SourceFeature footprint = source.stream().toList().get(0);
            assertThat(footprint.geometry().getGeometryType()).isEqualTo("Polygon");
            assertThat(footprint.geometry().getSRID()).isEqualTo(4326);
            Envelope env = footprint.geometry().getEnvelopeInternal();
            assertThat(env.getMinX()).isCloseTo(110.30, within(1e-9));
            assertThat(env.getMaxX()).isCloseTo(110.34, within(1e-9));
            assertThat(env.getMinY()).isCloseTo(40.70, within(1e-9));
            assertThat(env.getMaxY()).isCloseTo(40.73, within(1e-9));
            assertThat(footprint.attributes()).containsEntry("width", 4L).containsEntry("height", 3L);
            assertThat((Double) footprint.attributes().get("resolution")).isCloseTo(0.01, within(1e-12));
            assertThat(footprint.attributes().get("acquired")).isEqualTo(LocalDateTime.of(2024, 5, 1, 10, 30));
        }
    }

    @Test
    void detectedByMagicBytes() {
        assertThat(FormatDetector.detect(path("geotiff-footprint.tif"))).isEqualTo(ImportFormat.GEOTIFF);
    }
}
