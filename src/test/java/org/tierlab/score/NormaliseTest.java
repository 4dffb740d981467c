package org.tierlab.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Z-score normalisation: the table path for small whole numbers gives exactly the per-value formula; min-max and
 * z-score stay finite on values near the largest double.
 */
class NormaliseTest {
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void zscoreIsTheNormalCdfOfEachValue(boolean whole) {
        SplittableRandom r = new SplittableRandom(5);
        int n = 2 * Chunks.MIN_CHUNK + 3;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = whole ? r.nextInt(3650) : r.nextGaussian() * 100;
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            expected[i] = 0.5 * (1 + Erf.erf((x[i] - mean) / (sd * Math.sqrt(2))));
        }
        assertArrayEquals(expected, WeightedScoreModel.normalise(x, WeightedScoreModel.Normalisation.ZSCORE));
    }

    /**
     * Values near the largest double overflowed the range (min-max) or the sum (z-score) to infinity: every score
     * was NaN, which no threshold rejects, so every customer landed in the top tier.
     */
    @Test
    void hugeValuesAreNormalisedAsTheirScaledDownCopies() {
        double[] huge = {1e308, -1e308, 1};
        assertArrayEquals(new double[] {1, 0, 0.5}, WeightedScoreModel.normalise(huge,
                WeightedScoreModel.Normalisation.MINMAX), 1e-12);
        double[] small = {1, -1, 1e-308};
        assertArrayEquals(WeightedScoreModel.normalise(small, WeightedScoreModel.Normalisation.ZSCORE),
                WeightedScoreModel.normalise(huge, WeightedScoreModel.Normalisation.ZSCORE), 1e-12);
        WeightedScoreModel m = WeightedScoreModel.of(List.of(new WeightedScoreModel.Factor("v", 1,
                WeightedScoreModel.Normalisation.ZSCORE)), new double[] {80, 50}, null);
        int[] tiers = new int[3];
        m.assign(CustomerFeatures.of(3).put("v", new double[] {1e308, 1e308, 1}), tiers);
        assertArrayEquals(new int[] {1, 1, 2}, tiers, "z = 0.577 and -1.155: 71.8 and 12.4");
    }
}
