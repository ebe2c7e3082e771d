package org.wufei.gis.sites;

import org.locationtech.jts.geom.Geometry;

/** A checked edit of a site's descriptive fields; nulls mean "leave as is". */
record SiteEdit(String name, String township, Geometry geometry, Double areaM2, AttributeValues attributes,
        String note) {
}
