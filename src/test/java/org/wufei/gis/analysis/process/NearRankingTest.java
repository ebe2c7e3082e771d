package org.wufei.gis.analysis.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.wufei.gis.analysis.ProcessResult;

/** The worklist's ranking on sorted keys gives exactly the order of its comparator, ties and all. */
class NearRankingTest {

    @Test
    void rankingOnKeysEqualsTheComparatorsOrder() {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int round = 0; round < 50; round++) {
            List<RiverScreening.Near> rows = new ArrayList<>();
            int n = 1 + rnd.nextInt(2_000);
            for (int i = 0; i < n; i++) {
                // few distinct centimetres, so that many rows tie on open and distance and fall back on the id
                double metres = rnd.nextInt(300) / 100.0 + (rnd.nextBoolean() ? 0.001 : 0.0);
                String id = "S-" + rnd.nextInt(5_000);
                rows.add(new RiverScreening.Near("site:" + i, rnd.nextBoolean(), metres, "五当沟",
                        new ProcessResult.Feature(id, null, Map.of())));
            }
            List<RiverScreening.Near> expected = new ArrayList<>(rows);
            expected.sort(RiverScreening.Near.WORKLIST);
            assertThat(RiverScreening.Near.ranked(rows)).containsExactlyElementsOf(expected); // keys are distinct
        }
    }

    @Test
    void aDistanceBeyondTheKeysRangeStillRanks() {
        List<RiverScreening.Near> rows = List.of(
                new RiverScreening.Near("a", true, 2.0e7, "黄河", new ProcessResult.Feature("B", null, Map.of())),
                new RiverScreening.Near("b", true, 1.0, "黄河", new ProcessResult.Feature("A", null, Map.of())));
        assertThat(RiverScreening.Near.ranked(rows)).extracting(RiverScreening.Near::key).containsExactly("b", "a");
    }
}
