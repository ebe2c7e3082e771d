package org.wufei.gis.ogc.features;

import java.util.List;
import org.springframework.stereotype.Component;
import org.wufei.gis.ogc.ConformanceDeclaration;

/** The OGC API - Features classes (Parts 1-4) and CQL2 classes this service implements. */
@Component
class FeaturesConformance implements ConformanceDeclaration {
    private static final String F1 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/";
    private static final String F2 = "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/";
    private static final String F3 = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/";
    private static final String F4 = "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/";
    private static final String CQL2 = "http://www.opengis.net/spec/cql2/1.0/conf/";

    @Override
    public List<String> conformsTo() {
        return List.of(F1 + "core", F1 + "geojson", F1 + "oas30",
                F2 + "crs",
                F3 + "filter", F3 + "features-filter", F3 + "queryables", F3 + "queryables-query-parameters",
                CQL2 + "cql2-text", CQL2 + "cql2-json", CQL2 + "basic-cql2", CQL2 + "advanced-comparison-operators",
                CQL2 + "basic-spatial-functions", CQL2 + "spatial-functions",
                F4 + "create-replace-delete", F4 + "update", F4 + "features");
    }
}
