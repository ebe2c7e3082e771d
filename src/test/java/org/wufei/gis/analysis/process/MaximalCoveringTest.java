package org.wufei.gis.analysis.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Greedy maximal covering against the exact answer on small cases, hand-made and random. */
class MaximalCoveringTest {

    private static BitSet set(int... members) {
        BitSet b = new BitSet();
        for (int m : members) {
            b.set(m);
        }
        return b;
    }

    @Test
    void greedyTakesTheHeaviestCandidateFirstThenWhatIsStillUncovered() {
        // demand 0..3 weighing 5, 4, 3, 2; candidate 0 covers {0,1}, 1 covers {1,2}, 2 covers {2,3}
        MaximalCovering m = new MaximalCovering(List.of(set(0, 1), set(1, 2), set(2, 3)), new double[] {5, 4, 3, 2});
        MaximalCovering.Choice c = m.greedy(2);
        assertThat(c.candidates()).containsExactly(0, 2);
        assertThat(c.gains()).containsExactly(9.0, 5.0);
        assertThat(c.covered()).isEqualTo(14.0);
        assertThat(m.exact(2)).isEqualTo(14.0);
    }

    @Test
    void greedyCanMissTheOptimumAndTheExactSearchFindsIt() {
        // the classic trap: one big middle set, two disjoint halves that together cover everything
        MaximalCovering m = new MaximalCovering(List.of(set(0, 1, 2, 3), set(0, 1, 4), set(2, 3, 5)),
                new double[] {1, 1, 1, 1, 1, 1});
        assertThat(m.greedy(2).covered()).isEqualTo(5.0);
        assertThat(m.exact(2)).isEqualTo(6.0);
    }

    @Test
    void onTwoHundredRandomSmallCasesGreedyStaysWithinTheMeasuredGapOfTheOptimum() {
        SplittableRandom rnd = new SplittableRandom(13);
        double worst = 1.0;
        double sum = 0;
        int cases = 200;
        for (int n = 0; n < cases; n++) {
            int demand = 20 + rnd.nextInt(20);
            int candidates = 8 + rnd.nextInt(8);
            double[] w = new double[demand];
            for (int i = 0; i < demand; i++) {
                w[i] = 1 + rnd.nextInt(100);
            }
            List<BitSet> covers = new ArrayList<>();
            for (int c = 0; c < candidates; c++) {
                BitSet b = new BitSet();
                for (int i = 0; i < demand; i++) {
                    if (rnd.nextDouble() < 0.2) {
                        b.set(i);
                    }
                }
                covers.add(b);
            }
            MaximalCovering m = new MaximalCovering(covers, w);
            int p = 2 + rnd.nextInt(3);
            double exact = m.exact(p);
            double ratio = exact == 0 ? 1 : m.greedy(p).covered() / exact;
            assertThat(ratio).isLessThanOrEqualTo(1.0 + 1e-9).isGreaterThanOrEqualTo(1 - 1 / Math.E);
            worst = Math.min(worst, ratio);
            sum += ratio;
        }
        System.out.printf("greedy/exact over %d cases: worst %.4f, mean %.4f%n", cases, worst, sum / cases);
        assertThat(worst).isGreaterThan(0.9);
        assertThat(sum / cases).isCloseTo(1.0, within(0.02));
    }
}
