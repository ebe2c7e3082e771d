package org.wufei.gis.imports;

/** The totals a finished run writes onto its batch in the same transaction as its detections. */
record BatchOutcome(boolean succeeded, long total, long accepted, long rejected, long repaired, long merged,
        long triageNew, long triageKnown, long triageChanged, long triageDuplicate, String errorsJson, String errorCountsJson,
        String warningsJson, String crsUsed, String crsDetectedBy) {
}
