package org.wufei.gis.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class BatchFootprintsTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void everyKeptGeometryWhoseBoxMeetsTheEnvelopeIsTestedOnceAndNoOtherIs() {
        Random random = new Random(3);
        // smaller than the boxes' spread, so footprints beyond its edges are filed in its edge cells
        BatchFootprints kept = new BatchFootprints(new Envelope(110.21, 110.24, 40.71, 40.74));
        List<Geometry> all = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Geometry g = box(random, 0.0001 + random.nextDouble() * 0.005); // up to three cells wide
            kept.add(Triage.Footprint.of(g));
            all.add(g);
        }
        for (int q = 0; q < 500; q++) {
            Envelope e = box(random, random.nextDouble() * 0.006).getEnvelopeInternal();
            Map<Geometry, Integer> tested = new HashMap<>();
            boolean any = kept.anyNear(e, f -> {
                tested.merge(f.geometry(), 1, Integer::sum);
                return false;
            });
            assertThat(any).isFalse();
            List<Geometry> expected = all.stream().filter(g -> g.getEnvelopeInternal().intersects(e)).toList();
            assertThat(tested.keySet()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(tested.values()).allMatch(n -> n == 1);
        }
    }

    @Test
    void theSearchStopsAtTheFirstMatch() {
        BatchFootprints kept = new BatchFootprints(new Envelope(110, 111, 40, 41));
        Geometry a = GF.toGeometry(new Envelope(110.2, 110.201, 40.7, 40.701));
        Geometry b = GF.toGeometry(new Envelope(110.2005, 110.2015, 40.7, 40.701));
        kept.add(Triage.Footprint.of(a));
        kept.add(Triage.Footprint.of(b));
        List<Geometry> tested = new ArrayList<>();
        assertThat(kept.anyNear(a.getEnvelopeInternal(), f -> tested.add(f.geometry()))).isTrue();
        assertThat(tested).containsExactly(a);
    }

    private static Geometry box(Random random, double size) {
        double x = 110.2 + random.nextDouble() * 0.05;
        double y = 40.7 + random.nextDouble() * 0.05;
        return GF.toGeometry(new Envelope(x, x + size, y, y + size * (0.5 + random.nextDouble())));
    }

    @Test
    void aDistrictTooLargeForTheFineGridGetsLargerCells() {
        BatchFootprints kept = new BatchFootprints(new Envelope(70, 140, 15, 55)); // all of China's longitudes
        Geometry a = GF.toGeometry(new Envelope(110.2, 110.201, 40.7, 40.701));
        kept.add(Triage.Footprint.of(a));
        List<Geometry> tested = new ArrayList<>();
        assertThat(kept.anyNear(new Envelope(110.2005, 110.3, 40.7005, 40.8), f -> tested.add(f.geometry()))).isTrue();
        assertThat(tested).containsExactly(a);
    }
}
