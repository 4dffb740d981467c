package org.tierlab.btyd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Closed-form properties of the BG/NBD predictions, at the published CDNOW estimates. */
class BgNbdPredictionsTest {
    private static final double[] P = {0.243, 4.414, 0.793, 2.426};

    @Test
    void countDistributionSumsToOneAndItsMeanIsTheExpectedCount() {
        double t = 39;
        double total = 0;
        double mean = 0;
        for (int x = 0; x < 2000; x++) {
            double px = BgNbd.probabilityOfCount(P, x, t);
            total += px;
            mean += x * px;
        }
        assertEquals(1, total, 1e-9);
        assertEquals(BgNbd.expected(P, t), mean, 1e-6);
    }

    @Test
    void aNewCustomerIsTheConditionalExpectationWithNoHistory() {
        for (double t : new double[] {1, 10, 39, 78}) {
            assertEquals(BgNbd.expected(P, t), BgNbd.conditionalExpected(P, 0, 0, 0, t), 1e-9);
        }
    }

    @Test
    void probabilityAlive() {
        assertEquals(1, BgNbd.probabilityAlive(P, 0, 0, 30), 0);
        // a repeat buyer whose last purchase was at T is more likely alive than one who stopped early
        double recent = BgNbd.probabilityAlive(P, 3, 30, 30);
        double lapsed = BgNbd.probabilityAlive(P, 3, 2, 30);
        assertEquals(1 / (1 + 0.793 / (2.426 + 2)), recent, 1e-12, "tx = T: (alpha+T)/(alpha+tx) = 1");
        assertEquals(true, lapsed < recent);
    }

    @Test
    void expectedCountStartsAtZeroAndGrows() {
        assertEquals(0, BgNbd.expected(P, 1e-12), 1e-9);
        double prev = 0;
        for (int t = 1; t <= 78; t++) {
            double e = BgNbd.expected(P, t);
            assertEquals(true, e > prev, "E[X(t)] increases");
            prev = e;
        }
    }

    /**
     * With a + b &lt; 1 a customer with no repeat purchase has a negative hypergeometric factor (c = a + b - 1 &lt; 0),
     * whose logarithm does not exist; the expectation must still come out. Reference from mpmath 1.x
     * ({@code hyp2f1(r, b, a+b-1, z)}, 2F1 = -0.288083876872494; expectation 0.648102376016646) for the BG/NBD fit
     * of the CDNOW sample calibrated to 1997-01-31 (r 0.3644, alpha 5.9756, a 0.0817, b 0.4194).
     */
    @Test
    void conditionalExpectationWhereTheHypergeometricFactorIsNegative() {
        double[] p = {0.3644, 5.9756, 0.0817, 0.4194};
        assertEquals(-0.28808387687249432, SpecialFunctions.hyp2f1(0.3644, 0.4194, 0.0817 + 0.4194 - 1,
                20 / (5.9756 + 4 + 20)), 1e-12);
        assertEquals(0.64810237601664644, BgNbd.conditionalExpected(p, 0, 0, 4, 20), 1e-10);
    }
}
