package org.tierlab.btyd;

import org.apache.commons.math3.special.Gamma;

/** The special functions the customer-base models need, in log space where it matters. */
final class SpecialFunctions {
    private SpecialFunctions() {
    }

    static double lnGamma(double x) {
        return Gamma.logGamma(x);
    }

    static double lnBeta(double a, double b) {
        return Gamma.logGamma(a) + Gamma.logGamma(b) - Gamma.logGamma(a + b);
    }

    /**
     * log of the Gauss hypergeometric function 2F1(a, b; c; z) for 0 &lt;= z &lt; 1 and positive a, b, c, by
     * its power series (all terms positive, so no cancellation), summed relative to the running largest term
     * so that large parameters do not overflow.
     */
    static double lnHyp2f1(double a, double b, double c, double z) {
        if (z == 0) {
            return 0;
        }
        if (!(z > 0 && z < 1)) {
            throw new IllegalArgumentException("2F1 series needs 0 <= z < 1, found " + z);
        }
        double lnScale = 0;
        double term = 1;
        double sum = 1;
        for (int k = 0; k < 1_000_000; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (sum > 1e250) {
                lnScale += Math.log(sum);
                term /= sum;
                sum = 1;
            }
            if (term < 1e-16 * sum && k > 2) {
                return lnScale + Math.log(sum);
            }
        }
        throw new ArithmeticException("2F1 series did not converge for a=" + a + ", b=" + b + ", c=" + c + ", z=" + z);
    }

    /** log(exp(a) + exp(b)). */
    static double logAddExp(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double m = Math.max(a, b);
        return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
    }
}
