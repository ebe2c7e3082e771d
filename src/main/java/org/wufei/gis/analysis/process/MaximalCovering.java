package org.wufei.gis.analysis.process;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The maximal covering location problem: choose {@code p} candidates so that the demand weight they cover together
 * is largest. {@link #greedy} adds, each round, the candidate covering most still-uncovered weight (within
 * 1 - 1/e of the optimum in theory; the gap measured against {@link #exact} is in docs/analysis.md);
 * {@link #exact} tries every combination and is for small cases only.
 *
 * @param covers for each candidate, the demand points it covers
 * @param weights each demand point's weight
 */
record MaximalCovering(List<BitSet> covers, double[] weights) {

    /** The candidates chosen, in the order chosen, each with the weight it newly covers. */
    record Choice(List<Integer> candidates, List<Double> gains, double covered) {
    }

    Choice greedy(int p) {
        BitSet done = new BitSet(weights.length);
        List<Integer> chosen = new ArrayList<>();
        List<Double> gains = new ArrayList<>();
        double total = 0;
        for (int round = 0; round < p; round++) {
            int best = -1;
            double bestGain = 0;
            for (int c = 0; c < covers.size(); c++) {
                double gain = gain(covers.get(c), done);
                if (gain > bestGain + 1e-9) {
                    best = c;
                    bestGain = gain;
                }
            }
            if (best < 0) {
                break;
            }
            chosen.add(best);
            gains.add(bestGain);
            total += bestGain;
            done.or(covers.get(best));
        }
        return new Choice(chosen, gains, total);
    }

    /** The best weight any {@code p} candidates cover, by trying every combination. */
    double exact(int p) {
        return best(0, Math.min(p, covers.size()), new BitSet(weights.length));
    }

    private double best(int from, int left, BitSet done) {
        double here = weight(done);
        if (left == 0) {
            return here;
        }
        double best = here;
        for (int c = from; c < covers.size(); c++) {
            BitSet next = (BitSet) done.clone();
            next.or(covers.get(c));
            best = Math.max(best, best(c + 1, left - 1, next));
        }
        return best;
    }

    private double gain(BitSet cover, BitSet done) {
        double g = 0;
        for (int i = cover.nextSetBit(0); i >= 0; i = cover.nextSetBit(i + 1)) {
            if (!done.get(i)) {
                g += weights[i];
            }
        }
        return g;
    }

    private double weight(BitSet set) {
        double w = 0;
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            w += weights[i];
        }
        return w;
    }
}
