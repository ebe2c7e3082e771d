package org.wufei.gis.export;

/**
 * A signed-in caller asked for a download: published on the request's thread before the file is written, so the
 * audit can record who exported what (a signed-in caller sees more than the public projection).
 *
 * @param fileStem the file name without date and extension, e.g. {@code waste_heaps}
 * @param layer    the layer written
 * @param format   the format code, e.g. {@code xlsx}
 */
public record ExportRequested(String fileStem, String layer, String format) {
}
