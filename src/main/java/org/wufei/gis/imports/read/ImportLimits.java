package org.wufei.gis.imports.read;

/**
 * Ceilings that keep a hostile or oversized upload from exhausting disk, memory or time.
 *
 * @param maxUploadBytes         largest upload file accepted
 * @param maxUncompressedBytes   largest total size of everything extracted from an archive
 * @param maxCompressionRatio    largest uncompressed/compressed ratio of an archive entry or of the whole archive
 * @param maxZipEntries          largest number of entries in an archive
 * @param maxFeatures            largest number of features read from one upload
 * @param maxStringLength        longest string attribute value kept (longer values are refused)
 */
public record ImportLimits(long maxUploadBytes, long maxUncompressedBytes, long maxCompressionRatio,
                           int maxZipEntries, long maxFeatures, int maxStringLength) {

    public static final long DEFAULT_MAX_UPLOAD_BYTES = 100L * 1024 * 1024;
    public static final long DEFAULT_MAX_UNCOMPRESSED_BYTES = 1024L * 1024 * 1024;
    public static final long DEFAULT_MAX_COMPRESSION_RATIO = 100;
    public static final int DEFAULT_MAX_ZIP_ENTRIES = 1_000;
    public static final long DEFAULT_MAX_FEATURES = 1_000_000;
    public static final int DEFAULT_MAX_STRING_LENGTH = 65_536;

    public static ImportLimits defaults() {
        return new ImportLimits(DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_MAX_UNCOMPRESSED_BYTES,
                DEFAULT_MAX_COMPRESSION_RATIO, DEFAULT_MAX_ZIP_ENTRIES, DEFAULT_MAX_FEATURES,
                DEFAULT_MAX_STRING_LENGTH);
    }
}
