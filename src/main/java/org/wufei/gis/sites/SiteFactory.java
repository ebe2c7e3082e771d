package org.wufei.gis.sites;

/** Creates the entity class of a kind. */
final class SiteFactory {
    private SiteFactory() {
    }

    static Site create(SiteKind kind) {
        return switch (kind) {
            case WASTE_HEAP -> new WasteHeap();
            case TAILINGS_POND -> new TailingsPond();
            case GREEN_MINE -> new GreenMine();
            case STRAW_COLLECTION_POINT -> new StrawCollectionPoint();
            case RECYCLING_SITE -> new RecyclingSite();
        };
    }
}
