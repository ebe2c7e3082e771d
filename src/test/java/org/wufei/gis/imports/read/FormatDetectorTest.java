package org.wufei.gis.imports.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wufei.gis.imports.read.Fixtures.assertRefused;
import static org.wufei.gis.imports.read.Fixtures.path;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatDetectorTest {

    @TempDir
    Path tmp;

    @Test
    void pngNamedGeojsonIsUnrecognised() {
        assertRefused("format_unrecognised", () -> FormatDetector.detect(path("png-named-as.geojson")));
        assertRefused("format_unrecognised", () -> FeatureReaders.open(path("png-named-as.geojson"), null));
    }

    @Test
    void unrecognisedIsAnUnsupportedMediaType() {
        try {
            FormatDetector.detect(path("png-named-as.geojson"));
        } catch (ImportException e) {
            assertThat(e.status()).isEqualTo(415);
        }
    }

    @Test
    void zeroByteFilesAreEmptyNotUnrecognised() {
        assertRefused("file_empty", () -> FormatDetector.detect(path("empty-file.geojson")));
        assertRefused("file_empty", () -> FeatureReaders.open(path("zero-byte.zip"), null));
    }

    @Test
    void contentDecidesNotTheName() throws IOException {
        Path json = Files.writeString(tmp.resolve("sites.csv"), " \n{\"type\":\"FeatureCollection\",\"features\":[]}");
        Path kml = Files.writeString(tmp.resolve("sites.json"),
                "<?xml version=\"1.0\"?>\n<!-- c -->\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document/></kml>");
        Path csv = Files.writeString(tmp.resolve("sites.kml"), "name,lon,lat\na,110.3,40.7\n");
        assertThat(FormatDetector.detect(json)).isEqualTo(ImportFormat.GEOJSON);
        assertThat(FormatDetector.detect(kml)).isEqualTo(ImportFormat.KML);
        assertThat(FormatDetector.detect(csv)).isEqualTo(ImportFormat.CSV);
    }

    @Test
    void otherXmlIsUnrecognised() throws IOException {
        Path gpx = Files.writeString(tmp.resolve("track.kml"), "<?xml version=\"1.0\"?><gpx version=\"1.1\"/>");
        assertRefused("format_unrecognised", () -> FormatDetector.detect(gpx));
    }
}
