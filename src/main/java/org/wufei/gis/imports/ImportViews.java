package org.wufei.gis.imports;

import org.wufei.gis.imports.run.RunErrors;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wufei.gis.common.Locales;
import org.wufei.gis.detections.Detections;
import org.wufei.gis.triage.Triage;

/** The JSON shapes of the imports API, in the caller's language. */
final class ImportViews {
    private ImportViews() {
    }

    /** New, known and changed count the detections that open a queue entry; a duplicate joins an earlier one. */
    record Triage(@JsonProperty("new") long newCount, long known, long changed, long duplicate) {
    }

    record Crs(String requested, String used, String detectedBy) {
    }

    record Error(Long feature, String layer, String field, String code, String message) {
    }

    record BatchView(long id, String href, String fileName, String format, String source, Crs crs,
            LocalDate acquired, String state, double progress, Long total, long accepted, long rejected,
            long repaired, long merged, Triage triage, List<Error> errors, Map<String, Long> errorCounts,
            @JsonRawValue String warnings, boolean strict, String uploadedBy, Instant created, Instant started,
            Instant finished, String detections) {
    }

    record BatchPage(List<BatchView> items, long total, int offset, int limit) {
    }

    static BatchView of(ImportBatches.BatchRow b, Locale locale) {
        boolean en = !Locales.ZH.getLanguage().equals(locale.getLanguage());
        List<Error> errors = RunErrors.read(b.errorsJson()).stream()
                .map(e -> new Error(e.feature(), e.layer(), e.field(), e.code(), en ? e.en() : e.zh())).toList();
        return new BatchView(b.id(), "/api/imports/" + b.id(), b.fileName(), b.format(), b.source(),
                new Crs(b.requestedCrs(), b.crsUsed(), b.crsDetectedBy()), b.acquired(), b.state(), b.progress(),
                b.total(), b.accepted(), b.rejected(), b.repaired(), b.merged(),
                new Triage(b.triageNew(), b.triageKnown(), b.triageChanged(), b.triageDuplicate()), errors,
                RunErrors.readCounts(b.errorCountsJson()), b.warningsJson(), b.strict(), b.uploadedBy(),
                b.createdAt(), b.startedAt(), b.finishedAt(), "/api/imports/" + b.id() + "/detections");
    }
}
