package org.wufei.gis.imports;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.wufei.gis.imports.read.ImportLimits;
import org.wufei.gis.triage.Triage;
import org.wufei.gis.triage.TriageRules;

/**
 * Settings of the import pipeline ({@code gis.imports.*}): where uploads wait, how many run at once, the reading
 * limits, the district margin, triage thresholds and the attribute alias table. Every value has a default.
 *
 * @param workDir           where uploaded files wait for their job (kept after a failure so it can be retried)
 * @param workers           worker threads running imports in parallel
 * @param queueCapacity     imports waiting for a worker before uploads are answered 503
 * @param retryAfterSeconds the Retry-After sent with that 503
 * @param progressEvery     features between two progress updates
 * @param maxStoredErrors   per-feature errors kept on a batch (counts per code are always complete)
 * @param marginMetres      how far outside the district bounding box a feature may lie
 * @param limits            reading limits (upload size, archive ratio and size, entries, features, string length)
 * @param triage            triage thresholds and which site kinds each source is compared with
 * @param aliases           our field → the attribute names (case-insensitive) that mean it in uploaded files
 * @param ownPartitionAboveBytes PostGIS: an upload larger than this gets a detection partition of its own, indexed
 *                          in bulk when the batch ends; smaller ones share one (docs/imports.md)
 * @param maxWaitSeconds    the longest a {@code GET /api/imports/{id}} with {@code Prefer: wait=N} is held
 */
@ConfigurationProperties("gis.imports")
public record ImportsProperties(Path workDir, Integer workers, Integer queueCapacity, Integer retryAfterSeconds,
        Integer progressEvery, Integer maxStoredErrors, Double marginMetres, Limits limits, TriageRules triage,
        Map<String, List<String>> aliases, Long ownPartitionAboveBytes,
        Integer maxWaitSeconds) {

    public ImportsProperties {
        workDir = workDir == null ? Path.of("data", "imports") : workDir;
        workers = workers == null ? 1 : workers;
        queueCapacity = queueCapacity == null ? 4 : queueCapacity;
        retryAfterSeconds = retryAfterSeconds == null ? 30 : retryAfterSeconds;
        progressEvery = progressEvery == null ? 1000 : progressEvery;
        maxStoredErrors = maxStoredErrors == null ? 100 : maxStoredErrors;
        marginMetres = marginMetres == null ? 2000.0 : marginMetres;
        limits = limits == null ? new Limits(null, null, null, null, null, null) : limits;
        triage = triage == null ? new TriageRules(null, null, null, null, null, null) : triage;
        aliases = aliases == null || aliases.isEmpty() ? DEFAULT_ALIASES : aliases;
        ownPartitionAboveBytes = ownPartitionAboveBytes == null ? 4L << 20 : ownPartitionAboveBytes;
        maxWaitSeconds = maxWaitSeconds == null ? 60 : Math.max(0, maxWaitSeconds);
    }

    /** The attribute names that mean our fields, Chinese and English as they occur in real files. */
    public static final Map<String, List<String>> DEFAULT_ALIASES = Map.of(
            "name", List.of("名称", "名字", "点位名称", "图斑名称", "name", "title", "mc"),
            "category", List.of("类别", "类型", "种类", "图斑类型", "category", "type", "class", "lb", "lx"),
            "area", List.of("面积", "面积_m2", "面积m2", "area", "area_m2", "mj"),
            "note", List.of("备注", "说明", "描述", "note", "remark", "remarks", "description", "comment", "bz"),
            "confidence", List.of("置信度", "可信度", "confidence", "score", "prob", "probability", "zxd"),
            "acquired", List.of("获取日期", "采集日期", "影像日期", "拍摄日期", "日期", "acquired", "date",
                    "acquisition_date"));

    /** Reading ceilings; see docs/imports-formats.md for what each guards. */
    public record Limits(Long maxUploadBytes, Long maxUncompressedBytes, Long maxCompressionRatio,
            Integer maxZipEntries, Long maxFeatures, Integer maxStringLength) {

        public ImportLimits toImportLimits() {
            ImportLimits d = ImportLimits.defaults();
            return new ImportLimits(or(maxUploadBytes, d.maxUploadBytes()),
                    or(maxUncompressedBytes, d.maxUncompressedBytes()),
                    or(maxCompressionRatio, d.maxCompressionRatio()),
                    maxZipEntries == null ? d.maxZipEntries() : maxZipEntries,
                    or(maxFeatures, d.maxFeatures()),
                    maxStringLength == null ? d.maxStringLength() : maxStringLength);
        }

        private static long or(Long v, long d) {
            return v == null ? d : v;
        }
    }
}
