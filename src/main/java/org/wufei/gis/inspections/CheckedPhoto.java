package org.wufei.gis.inspections;

import java.time.Instant;

/**
 * A photo that was proven to be an image: re-encoded as JPEG (which drops anything smuggled beside the pixels),
 * a thumbnail, and the position and time its camera wrote into EXIF, when it did.
 */
public record CheckedPhoto(String originalName, String format, int width, int height, long sizeBytes, byte[] jpeg,
        byte[] thumbnail, Double exifLat, Double exifLon, Instant exifTime) {
}
