package org.wufei.gis.inspections;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.Set;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.wufei.gis.common.ApiException;

/**
 * Proves an uploaded photo is a JPEG or PNG image within the limits, reads its EXIF position and time
 * defensively, and re-encodes it (full size capped at 2048 px, thumbnail 320 px).
 */
@Component
public class PhotoChecker {
    static final int FULL_SIDE = 2048;
    static final int THUMB_SIDE = 320;
    private static final Set<String> FORMATS = Set.of("jpeg", "png");
    /** EXIF times carry no zone unless the camera wrote an offset tag: phones here keep China Standard Time. */
    private static final TimeZone CAMERA_ZONE = TimeZone.getTimeZone("Asia/Shanghai");

    private final InspectionProperties limits;

    PhotoChecker(InspectionProperties limits) {
        this.limits = limits;
    }

    public CheckedPhoto check(String name, byte[] bytes) {
        if (bytes.length > limits.maxPhotoBytes()) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "photo_too_large", "photos", name,
                    limits.maxPhotoBytes() / (1024 * 1024));
        }
        BufferedImage image;
        String format;
        int width;
        int height;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw notImage(name);
            }
            ImageReader reader = readers.next();
            try {
                format = reader.getFormatName().toLowerCase();
                if (format.equals("jpg")) {
                    format = "jpeg";
                }
                if (!FORMATS.contains(format)) {
                    throw ApiException.unprocessable("photo_format_unsupported", "photos", name, format);
                }
                reader.setInput(in, true, true);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
                if ((long) width * height > limits.maxPixels() || width <= 0 || height <= 0) {
                    throw ApiException.unprocessable("photo_too_many_pixels", "photos", name, width, height);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, (int) Math.ceil(Math.max(width, height) / (double) FULL_SIDE));
                param.setSourceSubsampling(step, step, 0, 0);
                image = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw notImage(name);
        }
        Exif exif = exif(bytes);
        return new CheckedPhoto(name, format, width, height, bytes.length, jpeg(scale(image, FULL_SIDE)),
                jpeg(scale(image, THUMB_SIDE)), exif.lat(), exif.lon(), exif.time());
    }

    private record Exif(Double lat, Double lon, Instant time) {
    }

    /** EXIF is a courtesy: a damaged, looping or oversized block (an "EXIF bomb") yields nothing, never a failure. */
    private static Exif exif(byte[] bytes) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
            Double lat = null;
            Double lon = null;
            Instant time = null;
            GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
            if (gps != null) {
                GeoLocation loc = gps.getGeoLocation();
                if (loc != null && !loc.isZero() && Math.abs(loc.getLatitude()) <= 90
                        && Math.abs(loc.getLongitude()) <= 180) {
                    lat = loc.getLatitude();
                    lon = loc.getLongitude();
                }
            }
            ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (sub != null) {
                Date d = sub.getDateOriginal(CAMERA_ZONE);
                time = d == null ? null : d.toInstant();
            }
            return new Exif(lat, lon, time);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return new Exif(null, null, null);
        }
    }

    private static BufferedImage scale(BufferedImage src, int maxSide) {
        double f = Math.min(1.0, maxSide / (double) Math.max(src.getWidth(), src.getHeight()));
        int w = Math.max(1, (int) Math.round(src.getWidth() * f));
        int h = Math.max(1, (int) Math.round(src.getHeight() * f));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding failed", e);
        }
    }

    private static ApiException notImage(String name) {
        return ApiException.unprocessable("photo_not_image", "photos", name);
    }
}
