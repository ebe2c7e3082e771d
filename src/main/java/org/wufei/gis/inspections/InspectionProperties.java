package org.wufei.gis.inspections;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on inspection photos: bytes per photo, photos per inspection, and decoded pixels (a small file can
 * declare a huge image; the header is read before any pixel is).
 */
@ConfigurationProperties("gis.inspections")
record InspectionProperties(long maxPhotoBytes, int maxPhotos, long maxPixels) {

    InspectionProperties {
        maxPhotoBytes = maxPhotoBytes <= 0 ? 8L * 1024 * 1024 : maxPhotoBytes;
        maxPhotos = maxPhotos <= 0 ? 8 : maxPhotos;
        maxPixels = maxPixels <= 0 ? 40_000_000L : maxPixels;
    }
}
