package org.wufei.gis.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.wufei.gis.sites.Evidence;

/** One recorded step of a demo site's past: the status it reached, when, by whom, citing what. */
public record HistoryStep(String to, Instant at, String actor, String note, List<Evidence> evidence, String mode,
        LocalDate deadline) {
}
