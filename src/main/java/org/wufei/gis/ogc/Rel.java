package org.wufei.gis.ogc;

/** Link relation types used by the OGC API documents. */
public final class Rel {
    public static final String SELF = "self";
    public static final String ALTERNATE = "alternate";
    public static final String SERVICE_DESC = "service-desc";
    public static final String SERVICE_DOC = "service-doc";
    public static final String CONFORMANCE = "conformance";
    public static final String DATA = "data";
    public static final String ITEMS = "items";
    public static final String ITEM = "item";
    public static final String COLLECTION = "collection";
    public static final String NEXT = "next";
    public static final String PREV = "prev";
    public static final String QUERYABLES = "http://www.opengis.net/def/rel/ogc/1.0/queryables";
    public static final String SCHEMA = "http://www.opengis.net/def/rel/ogc/1.0/schema";
    public static final String TILING_SCHEMES = "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes";
    public static final String TILESETS_VECTOR = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";

    private Rel() {
    }
}
