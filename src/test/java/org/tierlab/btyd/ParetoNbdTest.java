package org.tierlab.btyd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The Pareto/NBD building blocks checked against each other and against closed forms: the integral that replaces
 * the hypergeometric series near z = 1 must agree with the series where both work, and the predictions must
 * reduce to the unconditional expectation for a customer with no history.
 */
class ParetoNbdTest {
    /** Published CDNOW sample estimates (Fader, Hardie and Lee 2005, "Counting your customers the easy way"). */
    private static final double[] P = {0.553, 10.578, 0.606, 11.669};

    @Test
    void integralAgreesWithTheSeriesWhereTheSeriesConverges() {
        double[][] cases = { // r, alpha, s, beta, x, tx, T
            {0.55, 10.6, 0.61, 11.7, 0, 0, 39}, {0.55, 10.6, 0.61, 11.7, 3, 20, 39}, {0.55, 2, 0.61, 30, 12, 30, 38},
            {2.0, 40, 0.3, 0.5, 1, 1, 30}, {0.2, 0.5, 2.5, 60, 25, 60, 70}, {1.3, 100, 0.01, 0.2, 5, 3, 26},
            {0.5, 1e4, 0.005, 0.6, 2, 10, 26},
        };
        for (double[] c : cases) {
            double rsx = c[0] + c[2] + c[4];
            double viaSeries = seriesA0(c[0], c[1], c[2], c[3], (int) c[4], c[5], c[6]);
            double viaIntegral = Math.log(rsx) + ParetoNbd.lnIntegral(c[0], c[1], c[2], c[3], (int) c[4], c[5], c[6]);
            assertEquals(viaSeries, viaIntegral, 1e-9 * Math.abs(viaSeries) + 1e-10, java.util.Arrays.toString(c));
        }
    }

    /** The series formula without the switch to the integral (slow near z = 1 but exact). */
    private static double seriesA0(double r, double alpha, double s, double beta, int x, double tx, double T) {
        double rsx = r + s + x;
        double max = Math.max(alpha, beta);
        double diff = Math.abs(alpha - beta);
        double b = alpha >= beta ? s + 1 : r + x;
        double l1 = SpecialFunctions.lnHyp2f1(rsx, b, rsx + 1, diff / (max + tx)) - rsx * Math.log(max + tx);
        double l2 = SpecialFunctions.lnHyp2f1(rsx, b, rsx + 1, diff / (max + T)) - rsx * Math.log(max + T);
        return l1 + Math.log(-Math.expm1(l2 - l1));
    }

    @Test
    void equalAlphaAndBetaHaveAClosedForm() {
        // alpha = beta: the integral of (alpha+t)^-(r+s+x+1) from tx to T
        double r = 0.7;
        double s = 1.4;
        double a = 9;
        int x = 4;
        double k = r + s + x;
        double exact = Math.log((Math.pow(a + 5, -k) - Math.pow(a + 39, -k)) / k);
        assertEquals(exact, ParetoNbd.lnIntegral(r, a, s, a, x, 5, 39), 1e-12 * Math.abs(exact));
    }

    @Test
    void noHistoryMeansTheUnconditionalExpectation() {
        for (double t : new double[] {1, 10, 39, 78}) {
            assertEquals(ParetoNbd.expected(P, t), ParetoNbd.conditionalExpected(P, 0, 0, 0, t), 1e-12);
        }
        // s = 1 is the limit of the general formula
        double[] q = {0.5, 10, 1, 12};
        double[] near = {0.5, 10, 1 + 1e-7, 12};
        assertEquals(ParetoNbd.expected(near, 30), ParetoNbd.expected(q, 30), 1e-6);
    }

    @Test
    void initialSlopeIsTheMeanPurchaseRate() {
        // everyone is alive at t = 0, so dE[X(t)]/dt there is E[lambda] = r / alpha
        double h = 1e-6;
        assertEquals(P[0] / P[1], ParetoNbd.expected(P, h) / h, 1e-6);
    }

    /**
     * An independent check of P(alive) and the conditional expectation: simulate the Pareto/NBD story for 400,000
     * customers observed for T = 38.86 weeks, keep those with no repeat purchase, and average the expected holdout
     * purchases lambda * (time alive in the 39-week holdout). Fixed seed; the tolerance is 5 standard errors,
     * which a correct formula would exceed with probability below 1e-6 were the seed changed.
     */
    @Test
    void conditionalExpectationForZeroRepeatersMatchesSimulation() {
        org.apache.commons.math3.random.RandomGenerator rng = new org.apache.commons.math3.random.Well19937c(20261123);
        org.apache.commons.math3.distribution.GammaDistribution lambdas =
                new org.apache.commons.math3.distribution.GammaDistribution(rng, P[0], 1 / P[1]);
        org.apache.commons.math3.distribution.GammaDistribution mus =
                new org.apache.commons.math3.distribution.GammaDistribution(rng, P[2], 1 / P[3]);
        double T = 38.86;
        double t = 39;
        org.tierlab.stats.MomentAccumulator kept = new org.tierlab.stats.MomentAccumulator();
        int alive = 0;
        for (int i = 0; i < 400_000; i++) {
            double lambda = lambdas.sample();
            double lifetime = -Math.log(1 - rng.nextDouble()) / mus.sample();
            double firstRepeat = -Math.log(1 - rng.nextDouble()) / lambda;
            if (firstRepeat <= Math.min(lifetime, T)) {
                continue; // a repeat purchase in calibration: not x = 0
            }
            alive += lifetime > T ? 1 : 0;
            kept.accept(lambda * Math.max(0, Math.min(lifetime, T + t) - T));
        }
        double se = Math.sqrt(kept.variance() / kept.count());
        assertEquals(kept.estimate().mean(), ParetoNbd.conditionalExpected(P, 0, 0, T, t), 5 * se);
        double pAlive = (double) alive / kept.count();
        double seAlive = Math.sqrt(pAlive * (1 - pAlive) / kept.count());
        assertEquals(pAlive, ParetoNbd.probabilityAlive(P, 0, 0, T), 5 * seAlive);
    }

    @Test
    void probabilityAliveOrdersCustomersSensibly() {
        double recent = ParetoNbd.probabilityAlive(P, 3, 38, 39);
        double lapsed = ParetoNbd.probabilityAlive(P, 3, 5, 39);
        assertTrue(recent > lapsed && recent <= 1 && lapsed > 0, recent + " " + lapsed);
        assertEquals(1, ParetoNbd.probabilityAlive(P, 2, 30, 30), 0);
    }
}
