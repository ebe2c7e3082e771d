package org.wufei.gis.sites;

import org.locationtech.jts.geom.Envelope;

/**
 * Published after a site was created, edited or deleted; {@code before} is null on create and
 * {@code after} is null on delete, so listeners can evict tiles covering either.
 */
public record SiteChanged(Long siteId, SiteKind kind, Envelope before, Envelope after) {
}
