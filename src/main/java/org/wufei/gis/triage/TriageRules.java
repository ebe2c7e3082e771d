package org.wufei.gis.triage;

import java.util.List;
import java.util.Map;

/** The rules triage applies ({@code gis.imports.triage.*}); unset values take the defaults below. */
/*
 * @param knownIou         intersection over union at or above which a polygon is the same site
 * @param pointMetres      distance within which a point detection is the same site
 * @param areaChange       relative area difference above which an overlapping detection is "changed"
 * @param redFlagStatuses  site statuses whose re-appearance is a red flag ("changed")
 * @param kindsBySource    site kinds each source is compared with
 * @param preloadMaxSites  up to this many candidate sites are held in memory per batch; beyond, one query each
 */
public record TriageRules(Double knownIou, Double pointMetres, Double areaChange, List<String> redFlagStatuses,
        Map<String, List<String>> kindsBySource, Integer preloadMaxSites) {

    public TriageRules {
        knownIou = knownIou == null ? 0.3 : knownIou;
        pointMetres = pointMetres == null ? 30.0 : pointMetres;
        areaChange = areaChange == null ? 0.3 : areaChange;
        preloadMaxSites = preloadMaxSites == null ? 200_000 : preloadMaxSites;
        redFlagStatuses = redFlagStatuses == null ? List.of("closed", "written_off") : redFlagStatuses;
        kindsBySource = kindsBySource == null || kindsBySource.isEmpty() ? Map.of(
                "satellite", List.of("waste_heap"), "drone", List.of("waste_heap"),
                "inspection", List.of("waste_heap"), "manual", List.of("waste_heap")) : kindsBySource;
    }
}
