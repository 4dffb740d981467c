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

    /**
     * 2F1(a, b; c; z) itself, by the same series, for c &lt; 0 (not an integer), where terms and the sum may be
     * negative and the logarithm of {@link #lnHyp2f1} does not exist: BG/NBD's conditional expectation meets it for
     * a customer with no repeat purchase when a + b &lt; 1.
     */
    static double hyp2f1(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("2F1 series needs 0 <= z < 1, found " + z);
        }
        double term = 1;
        double sum = 1;
        for (int k = 0; k < 1_000_000; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (Math.abs(term) < 1e-16 * Math.abs(sum) && k > 2 && c + k > 0) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1 series did not converge for a=" + a + ", b=" + b + ", c=" + c + ", z=" + z);
    }

    static double digamma(double x) {
        return Gamma.digamma(x);
    }

    /**
     * For each of the distinct counts {@code xs} (all between 0 and {@code maxX}): {@code ln[i]} = lnGamma(v + xs[i]) -
     * lnGamma(v) and {@code psi[i]} = digamma(v + xs[i]) - digamma(v). When the counts are dense (the usual case:
     * repeat purchases 0..maxX) by the recurrences lnGamma(v + 1) = lnGamma(v) + ln v and digamma(v + 1) =
     * digamma(v) + 1/v, one log per count up to maxX; otherwise directly. {@code lnScratch} and {@code psiScratch}
     * hold at least maxX + 1 values when the counts are dense.
     */
    static void gammaRatios(double v, int[] xs, int maxX, double[] lnScratch, double[] psiScratch, double[] ln,
            double[] psi) {
        if (dense(xs.length, maxX)) {
            double l = 0;
            double d = 0;
            for (int j = 0; j <= maxX; j++) {
                lnScratch[j] = l;
                psiScratch[j] = d;
                double vj = v + j;
                l += Math.log(vj);
                d += 1 / vj;
            }
            for (int i = 0; i < xs.length; i++) {
                ln[i] = lnScratch[xs[i]];
                psi[i] = psiScratch[xs[i]];
            }
        } else {
            double lv = lnGamma(v);
            double dv = digamma(v);
            for (int i = 0; i < xs.length; i++) {
                ln[i] = lnGamma(v + xs[i]) - lv;
                psi[i] = digamma(v + xs[i]) - dv;
            }
        }
    }

    /** True if {@link #gammaRatios} uses the recurrences for this many distinct counts up to maxX. */
    static boolean dense(int distinct, int maxX) {
        return maxX <= 8L * distinct + 64;
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
