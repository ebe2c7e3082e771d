package org.wufei.gis.ogc;

import java.util.List;

/**
 * Conformance classes one part of the service implements. Every bean of this type is read by the landing page
 * and {@code /ogc/conformance}, so the tiles module declares its classes by adding a bean, not by editing ogc.
 */
public interface ConformanceDeclaration {

    /** Conformance class URIs, e.g. {@code http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core}. */
    List<String> conformsTo();
}
