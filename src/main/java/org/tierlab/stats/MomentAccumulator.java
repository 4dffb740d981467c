package org.tierlab.stats;

/**
 * Running mean and variance of a stream of values (Welford's algorithm), mergeable with {@link #combine} and
 * frozen into an immutable {@link Estimate}. NaN values (a metric undefined in a replication, such as an NPS
 * with no survey answers) are counted apart and left out.
 */
public final class MomentAccumulator {
    private long n;
    private long missing;
    private double mean;
    private double m2;

    /** Adds one value. */
    public void accept(double value) {
        if (Double.isNaN(value)) {
            missing++;
            return;
        }
        n++;
        double delta = value - mean;
        mean += delta / n;
        m2 += delta * (value - mean);
    }

    /** Merges another accumulator into this one (Chan et al.'s parallel update). */
    public MomentAccumulator combine(MomentAccumulator other) {
        if (other.n == 0) {
            missing += other.missing;
            return this;
        }
        long total = n + other.n;
        double delta = other.mean - mean;
        mean += delta * other.n / total;
        m2 += other.m2 + delta * delta * n * other.n / total;
        n = total;
        missing += other.missing;
        return this;
    }

    /** Number of values accepted (NaN excluded). */
    public long count() {
        return n;
    }

    /** Sample variance (n - 1 denominator); NaN for fewer than two values. */
    public double variance() {
        return n < 2 ? Double.NaN : m2 / (n - 1);
    }

    /** The mean with its 95 % Student-t confidence interval. */
    public Estimate estimate() {
        return Estimate.of(n, mean, variance(), 0.95);
    }
}
