package org.wufei.gis.inspections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.wufei.gis.common.ApiException;

/** Photo checks without a server: images proven by content, limits before decoding, EXIF read or ignored. */
class PhotoCheckerTest {
    private final PhotoChecker checker = new PhotoChecker(new InspectionProperties(8L * 1024 * 1024, 8, 40_000_000));

    @Test
    void aJpegWithGpsInItsExifKeepsPositionAndTimeAndGetsAThumbnail() throws IOException {
        CheckedPhoto p = checker.check("p.jpg", fixture("photo-with-exif-gps.jpg"));
        assertThat(p.format()).isEqualTo("jpeg");
        assertThat(p.exifLat()).isCloseTo(40.6720, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(p.exifLon()).isCloseTo(110.2678, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(p.exifTime()).hasToString("2026-11-20T01:30:00Z");
        assertThat(p.thumbnail()).startsWith((byte) 0xff, (byte) 0xd8);
    }

    @Test
    void anExifBombGivesAPhotoWithoutExifQuickly() throws IOException {
        byte[] bomb = fixture("exif-bomb-looping-ifds.jpg");
        long start = System.nanoTime();
        CheckedPhoto p = checker.check("bomb.jpg", bomb);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(p.exifLat()).isNull();
        assertThat(p.jpeg()).isNotEmpty();
    }

    @Test
    void aPngDeclaringGigapixelsIsRefusedBeforeAnyPixelIsDecoded() throws IOException {
        assertThatThrownBy(() -> checker.check("big.png", fixture("png-declaring-60000x60000-pixels.png")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("photo_too_many_pixels"));
    }

    @Test
    void htmlNamedAsJpegIsNotAnImage() throws IOException {
        assertThatThrownBy(() -> checker.check("x.jpg", fixture("html-file-named-as.jpg")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("photo_not_image"));
    }

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(Path.of("src/test/resources/inspections", name));
    }
}
