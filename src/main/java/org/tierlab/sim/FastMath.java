package org.tierlab.sim;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Table-driven approximations for the simulator's per-customer, per-period hot loop, where the exact
 * functions would dominate the run time. Used only where the approximation error is far below the model's own
 * uncertainty (satisfaction noise and survey answers); purchases, dropout and spend use exact methods.
 */
final class FastMath {
    private static final int NORMAL_SIZE = 1 << 14;
    private static final double[] NORMAL = normalTable();

    private FastMath() {
    }

    private static double[] normalTable() {
        NormalDistribution n = new NormalDistribution(null, 0, 1);
        double[] t = new double[NORMAL_SIZE + 1];
        for (int i = 0; i <= NORMAL_SIZE; i++) {
            // cell midpoints keep the table symmetric and away from the infinite tails
            double p = (i + 0.5) / (NORMAL_SIZE + 1);
            t[i] = n.inverseCumulativeProbability(p);
        }
        return t;
    }

    /**
     * A standard normal deviate from a uniform in [0, 1) by table lookup with linear interpolation of the
     * inverse CDF (2^14 cells: tails truncated near +-4.0 sd, max interior error below 1e-4).
     */
    static double normal(double u) {
        double x = u * NORMAL_SIZE;
        int i = (int) x;
        double frac = x - i;
        return NORMAL[i] + frac * (NORMAL[Math.min(i + 1, NORMAL_SIZE)] - NORMAL[i]);
    }

    private static final int EXP_STEPS = 64;
    private static final double EXP_LIMIT = 700;
    private static final double[] EXP_TABLE = expTable();

    private static double[] expTable() {
        double[] t = new double[(int) (EXP_LIMIT * EXP_STEPS) + 2];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.exp(-(double) i / EXP_STEPS);
        }
        return t;
    }

    /**
     * exp(-x) for x &gt;= 0: a table of exp(-k/64) times a cubic Taylor term for the remainder r &lt; 1/64
     * (relative error below 3e-9), a few times faster than {@link Math#exp} in the Poisson inversion.
     */
    static double expNegative(double x) {
        if (x >= EXP_LIMIT) {
            return Math.exp(-x);
        }
        double y = x * EXP_STEPS;
        int k = (int) y;
        double r = (y - k) / EXP_STEPS;
        return EXP_TABLE[k] * (1 - r * (1 - r * (0.5 - r * (1.0 / 6))));
    }

    /** exp(k * (s - ref)) for satisfaction s in [0, 10], tabulated once per simulation. */
    static final class SatisfactionCurve {
        private static final int STEPS = 1000;
        private final double[] table = new double[STEPS + 2];

        SatisfactionCurve(double k, double reference) {
            for (int i = 0; i <= STEPS + 1; i++) {
                table[i] = Math.exp(k * (i * 10.0 / STEPS - reference));
            }
        }

        double at(double s) {
            double x = s * (STEPS / 10.0);
            int i = (int) x;
            return table[i] + (x - i) * (table[i + 1] - table[i]);
        }
    }
}
