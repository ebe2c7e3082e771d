package org.wufei.gis.common;

import java.util.Map;
import java.util.Set;

/** The statuses of each kind's lifecycle, by kind id: what other modules (indicators) may refer to. */
public interface KindStatuses {

    Map<String, Set<String>> statusesByKind();
}
