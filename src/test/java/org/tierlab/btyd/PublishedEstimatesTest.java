package org.tierlab.btyd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fits reproduce the published estimates for the 2,357-customer CDNOW sample (weeks, calibration period
 * to 1997-09-30, same-day purchases merged). Sources:
 * <ul>
 *   <li>BG/NBD: Fader, Hardie and Lee (2005), "Counting Your Customers the Easy Way: An Alternative to the
 *       Pareto/NBD Model", Marketing Science 24(2): r = 0.243, alpha = 4.414, a = 0.793, b = 2.426,
 *       LL = -9582.4.</li>
 *   <li>Pareto/NBD: Fader and Hardie (2005), "A Note on Deriving the Pareto/NBD Model and Related
 *       Expressions": r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669, LL = -9595.0.</li>
 *   <li>Gamma-Gamma: Fader, Hardie and Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base
 *       Analysis", JMR 42(4), on the 946 customers with repeat purchases: p = 6.25, q = 3.74, gamma = 15.44.</li>
 * </ul>
 */
class PublishedEstimatesTest {
    private static Summaries s;

    @BeforeAll
    static void load() {
        s = Cdnow.sampleWeeks();
    }

    private static void near(double published, double actual, double relative, String what) {
        assertEquals(published, actual, Math.abs(published) * relative, what);
    }

    @Test
    void theSampleHasTheKnownShape() {
        assertEquals(2357, s.size());
        int repeaters = 0;
        for (int x : s.x) {
            if (x > 0) {
                repeaters++;
            }
        }
        assertEquals(946, repeaters, "customers with at least one repeat purchase in calibration");
    }

    @Test
    void bgNbd() {
        Fit f = Fit.of(new BgNbd(), s, new double[] {1, 1, 1, 1}, 0);
        assertTrue(f.converged(), f.message());
        near(0.243, f.estimate()[0], 0.01, "r");
        near(4.414, f.estimate()[1], 0.01, "alpha");
        near(0.793, f.estimate()[2], 0.01, "a");
        near(2.426, f.estimate()[3], 0.01, "b");
        assertEquals(-9582.4, f.logLikelihood(), 0.5);
    }

    @Test
    void paretoNbd() {
        Fit f = Fit.of(new ParetoNbd(), s, new double[] {1, 1, 1, 1}, 0);
        assertTrue(f.converged(), f.message());
        near(0.553, f.estimate()[0], 0.01, "r");
        near(10.578, f.estimate()[1], 0.01, "alpha");
        near(0.606, f.estimate()[2], 0.01, "s");
        near(11.669, f.estimate()[3], 0.01, "beta");
        assertEquals(-9595.0, f.logLikelihood(), 0.5);
    }

    @Test
    void gammaGamma() {
        Fit f = Fit.of(new GammaGamma(), s, new double[] {1, 1, 1}, 0);
        assertTrue(f.converged(), f.message());
        assertEquals(946, f.observations());
        near(6.25, f.estimate()[0], 0.01, "p");
        near(3.74, f.estimate()[1], 0.01, "q");
        near(15.44, f.estimate()[2], 0.01, "gamma");
    }

    /**
     * --penalty is lifetimes' penalizer_coef: an L2 penalty on the mean log-likelihood per customer. Reference:
     * BG/NBD on this sample maximising mean LL - 0.01 * sum(params^2) with scipy (Nelder-Mead then BFGS):
     * r = 0.15751, alpha = 1.52946, a = 0.33521, b = 0.67837, LL = -9660.885. As a penalty on the summed
     * log-likelihood, 0.01 barely moved the estimates off the plain fit.
     */
    @Test
    void thePenaltyIsOnTheMeanLogLikelihoodAsInLifetimes() {
        Fit f = Fit.of(new BgNbd(), s, new double[] {1, 1, 1, 1}, 0.01);
        near(0.15751, f.estimate()[0], 1e-3, "r");
        near(1.52946, f.estimate()[1], 1e-3, "alpha");
        near(0.33521, f.estimate()[2], 1e-3, "a");
        near(0.67837, f.estimate()[3], 1e-3, "b");
        assertEquals(-9660.885, f.logLikelihood(), 0.01);
    }
}
