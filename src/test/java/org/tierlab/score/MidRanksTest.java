package org.tierlab.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Percentile normalisation (mid-rank shares) against a plain sort-and-search reference. */
class MidRanksTest {
    static double[] reference(double[] x) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int below = OrderStatisticsReference.lowerBound(sorted, x[i]);
            int equal = OrderStatisticsReference.lowerBound(sorted, Math.nextUp(x[i])) - below;
            out[i] = (below + 0.5 * equal) / x.length;
        }
        return out;
    }

    /** The same search the model used before, kept here as the reference. */
    static final class OrderStatisticsReference {
        static int lowerBound(double[] sorted, double v) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] < v) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void matchesTheReference(int kind) {
        SplittableRandom r = new SplittableRandom(7 + kind);
        for (int n : new int[] {1, 2, 17, 5000, 3 * Chunks.MIN_CHUNK + 11}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = switch (kind) {
                    case 0 -> r.nextInt(50);                                   // small whole numbers: counted
                    case 1 -> Math.round(r.nextDouble() * 1e5) / 100.0;        // cents, many ties
                    case 2 -> 1000 + r.nextInt(40) * 1e-12;                    // differ only in the lowest bits
                    case 3 -> r.nextDouble() < 0.3 ? -r.nextInt(5) : r.nextGaussian(); // negatives, zeros
                    default -> r.nextInt(3) == 0 ? 0.0 : -0.0;                 // signed zeros tie
                };
            }
            double[] out = new double[n];
            MidRanks.of(x, ColumnProfile.of(x), out);
            assertArrayEquals(reference(x), out, "kind " + kind + ", n " + n);
        }
    }
}
