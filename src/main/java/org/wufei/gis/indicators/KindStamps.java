package org.wufei.gis.indicators;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * For each site kind, the data version of the last catch-up that changed a site of that kind, so a value computed
 * from a few kinds (a straw coverage) stays cached while sites of other kinds change (a waste heap is rectified).
 * A catch-up whose changes are unknown here (the first build, another replica's catch-up) changes every kind.
 */
final class KindStamps {
    private String everyKind;
    private final Map<String, String> byKind = new HashMap<>();

    /** Every kind changed at {@code version}. */
    synchronized void everything(String version) {
        everyKind = version;
        byKind.clear();
    }

    /** These kinds changed at {@code version}, the others not since their stamp. */
    synchronized void changed(Collection<String> kinds, String version) {
        kinds.forEach(k -> byKind.put(k, version));
    }

    /** A cache key for values of these kinds: it changes whenever a site of one of them changes. */
    synchronized String stamp(Collection<String> kinds) {
        return kinds.stream().map(k -> byKind.getOrDefault(k, everyKind)).distinct().sorted()
                .collect(Collectors.joining(","));
    }

    synchronized boolean known() {
        return everyKind != null;
    }
}
