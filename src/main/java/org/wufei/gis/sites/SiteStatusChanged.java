package org.wufei.gis.sites;

import org.locationtech.jts.geom.Envelope;

/** Published after a site's status changed; map caches listen to evict what showed the old status. */
public record SiteStatusChanged(Long siteId, String code, SiteKind kind, String from, String to, Envelope bounds) {
}
