package org.tierlab.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A mean over replications with its confidence interval. Replications are independent, so the interval is the
 * Student-t interval {@code mean +- t(level, n-1) * sd / sqrt(n)}.
 *
 * @param n number of replications with a defined value
 * @param mean their mean (NaN if none)
 * @param low lower bound (NaN if n &lt; 2)
 * @param high upper bound (NaN if n &lt; 2)
 */
public record Estimate(long n, double mean, double low, double high) {
    /** Builds the estimate from moments. */
    public static Estimate of(long n, double mean, double variance, double level) {
        if (n == 0) {
            return new Estimate(0, Double.NaN, Double.NaN, Double.NaN);
        }
        if (n < 2) {
            return new Estimate(n, mean, Double.NaN, Double.NaN);
        }
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + level / 2);
        double half = t * Math.sqrt(variance / n);
        return new Estimate(n, mean, mean - half, mean + half);
    }

    /** True if the interval excludes zero: the difference is significant at the interval's level. */
    public boolean excludesZero() {
        return low > 0 || high < 0;
    }
}
