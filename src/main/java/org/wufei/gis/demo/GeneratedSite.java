package org.wufei.gis.demo;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.wufei.gis.sites.SiteKind;

/** A synthetic site as the generator makes it; the history is empty for bulk (benchmark) sites. */
public record GeneratedSite(SiteKind kind, String code, String name, String status, String township,
        Geometry geometry, Map<String, Object> attributes, List<HistoryStep> history) {
}
