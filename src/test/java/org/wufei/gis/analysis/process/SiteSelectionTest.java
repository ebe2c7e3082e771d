package org.wufei.gis.analysis.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wufei.gis.sites.Lifecycles;
import org.wufei.gis.sites.SiteKind;

class SiteSelectionTest {
    private static final Lifecycles LIFECYCLES = Lifecycles.load();

    @Test
    void everyKindIsNoConditionOnTheKind() {
        List<Object> params = new ArrayList<>();
        String where = SiteSelection.of(List.copyOf(LIFECYCLES.kinds().all()), LIFECYCLES).where(params);
        assertThat(where).isEqualTo("s.deleted_at IS NULL");
        assertThat(params).isEmpty();
    }

    @Test
    void oneKindIsBound() {
        SiteKind one = LIFECYCLES.kinds().all().iterator().next();
        List<Object> params = new ArrayList<>();
        assertThat(SiteSelection.of(List.of(one), LIFECYCLES).where(params))
                .isEqualTo("s.deleted_at IS NULL AND s.kind = ?");
        assertThat(params).containsExactly(one.id());
    }

    @Test
    void severalKindsExcludeTheOthers() {
        List<SiteKind> all = List.copyOf(LIFECYCLES.kinds().all());
        List<Object> params = new ArrayList<>();
        String where = SiteSelection.of(all.subList(0, 2), LIFECYCLES).where(params);
        assertThat(where).isEqualTo("s.deleted_at IS NULL AND s.kind NOT IN ("
                + String.join(", ", java.util.Collections.nCopies(all.size() - 2, "?")) + ")");
        assertThat(params).hasSize(all.size() - 2).doesNotContain(all.get(0).id(), all.get(1).id());
    }
}
