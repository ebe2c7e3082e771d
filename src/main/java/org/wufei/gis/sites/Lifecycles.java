package org.wufei.gis.sites;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.wufei.gis.common.KindStatuses;

/** The lifecycle tables of all kinds, as their definition files name them. */
public final class Lifecycles implements KindStatuses {
    private final KindRegistry kinds;

    public Lifecycles(KindRegistry kinds) {
        this.kinds = kinds;
    }

    /** The lifecycles of the definitions in {@code gis-data/kinds} (tools and tests). */
    public static Lifecycles load() {
        return new Lifecycles(KindRegistry.loadDefault());
    }

    public Lifecycle of(SiteKind kind) {
        return kind.lifecycle();
    }

    public Lifecycle of(String kindId) {
        return kinds.get(kindId).lifecycle();
    }

    @Override
    public Map<String, Set<String>> statusesByKind() {
        Map<String, Set<String>> out = new TreeMap<>();
        kinds.all().forEach(k -> out.put(k.id(), k.lifecycle().states()));
        return out;
    }

    public KindRegistry kinds() {
        return kinds;
    }
}
