package org.wufei.gis.catalog;

import java.util.List;

/** Collections that come from configuration rather than one bean each (e.g. one per kind definition). */
public interface CollectionGroup {

    /** The group's collections, in the order the catalog lists them (before the single-bean sources). */
    List<CollectionSource> sources();
}
