package org.wufei.gis.ogc;

/** Media types the OGC API layers answer with, named once. */
public final class OgcMediaTypes {
    public static final String JSON = "application/json";
    public static final String GEO_JSON = "application/geo+json";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String OPENAPI_JSON = "application/vnd.oai.openapi+json;version=3.0";
    public static final String SCHEMA_JSON = "application/schema+json";
    public static final String HTML = "text/html";

    private OgcMediaTypes() {
    }
}
