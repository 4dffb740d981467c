package org.tierlab.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Z-score normalisation: the table path for small whole numbers gives exactly the per-value formula. */
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
}
