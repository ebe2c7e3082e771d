package org.wufei.gis.sites;

import java.util.Arrays;
import java.util.Optional;

/** The five kinds of managed site; the id is the value of the site.kind column and of the API. */
public enum SiteKind {
    WASTE_HEAP("waste_heap", "WH", "waste_heaps", true),
    TAILINGS_POND("tailings_pond", "TP", "tailings_ponds", true),
    GREEN_MINE("green_mine", "GM", "green_mines", true),
    STRAW_COLLECTION_POINT("straw_collection_point", "SP", "straw_collection_points", false),
    RECYCLING_SITE("recycling_site", "RS", "recycling_sites", false);

    private final String id;
    private final String codeAbbreviation;
    private final String collectionId;
    private final boolean polygonal;

    SiteKind(String id, String codeAbbreviation, String collectionId, boolean polygonal) {
        this.id = id;
        this.codeAbbreviation = codeAbbreviation;
        this.collectionId = collectionId;
        this.polygonal = polygonal;
    }

    public String id() {
        return id;
    }

    public String codeAbbreviation() {
        return codeAbbreviation;
    }

    /** The OGC API collection that serves this kind. */
    public String collectionId() {
        return collectionId;
    }

    /** Heaps, ponds and mines are areas; straw points and recycling sites are points. */
    public boolean polygonal() {
        return polygonal;
    }

    /** The side table holding this kind's attributes (same as the id). */
    public String table() {
        return id;
    }

    public static Optional<SiteKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    public static Optional<SiteKind> byCollectionId(String collectionId) {
        return Arrays.stream(values()).filter(k -> k.collectionId.equals(collectionId)).findFirst();
    }
}
