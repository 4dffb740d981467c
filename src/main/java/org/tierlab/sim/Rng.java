package org.tierlab.sim;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A counter-based random number generator: every draw is a pure function of a key built from (root seed,
 * stream, replication, customer, period). Two strategies simulated on the same replication therefore see the
 * same draws for the same customer and period even after their histories diverge (common random numbers),
 * and results do not depend on which thread ran what.
 *
 * <p>An instance is a cheap mutable cursor: {@link #reset(long)} positions it at a key, then the {@code next*}
 * methods walk a SplitMix64 sequence from there. Keys are built with {@link #key}; the mixing function is the
 * SplitMix64 finaliser (Stafford's variant 13), a bijection on 64 bits with full avalanche.
 */
public final class Rng implements UniformRandomProvider {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;

    /** 1/k for the Poisson recursion: a multiplication instead of a division in the common case. */
    private static final double[] RECIPROCALS = reciprocals(64);

    private long state;
    /** Ziggurat normal sampler reading from this cursor: its draws are fixed by the cursor's position too. */
    private final NormalizedGaussianSampler gaussian = ZigguratSampler.NormalizedGaussian.of(this);

    private static double[] reciprocals(int n) {
        double[] r = new double[n];
        for (int k = 1; k < n; k++) {
            r[k] = 1.0 / k;
        }
        return r;
    }

    /** A cursor positioned at {@code key}. */
    public static Rng at(long key) {
        Rng r = new Rng();
        r.state = key;
        return r;
    }

    /** Moves the cursor to {@code key}; returns this. */
    public Rng reset(long key) {
        state = key;
        return this;
    }

    /**
     * Positions the cursor at stream {@code stream} of a customer-period {@code base} key. Streams are 2^32
     * draws apart on the same Weyl sequence, so they never overlap for any realistic number of draws, and
     * deriving them costs no mixing.
     */
    public Rng reset(long base, int stream) {
        state = base + ((long) stream << 32) * GOLDEN;
        return this;
    }

    /**
     * The key of one person in one period of a replication: a single mix of the packed (person, period)
     * pair, unique for person &lt; 2^39 and period &lt; 2^24, so every cell of the grid has its own key.
     */
    public static long cell(long replicationKey, int person, int period) {
        return mix(replicationKey + ((((long) person) << 24) | period) * GOLDEN);
    }

    /** The first uniform [0, 1) of stream {@code stream} at a cell: one mix, no cursor. */
    public static double uniform(long cell, int stream) {
        return (mix(cell + ((long) stream << 32) * GOLDEN + GOLDEN) >>> 11) * TWO_POW_MINUS_53;
    }

    /**
     * A Poisson draw by inversion of a given uniform. Inversion is monotone in the mean: with the same uniform
     * a larger mean never gives fewer events, which is what makes common random numbers effective.
     */
    public static int poisson(double u, double mean) {
        if (mean <= 0) {
            return 0;
        }
        double p = FastMath.expNegative(mean);
        double cdf = p;
        int k = 0;
        while (u >= cdf && p > 0) {
            k++;
            p *= mean * (k < RECIPROCALS.length ? RECIPROCALS[k] : 1.0 / k);
            cdf += p;
        }
        return k;
    }

    /** SplitMix64's finaliser: a 64-bit bijection with good avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Combines a parent key with one more coordinate. */
    public static long key(long parent, long coordinate) {
        return mix(parent + mix(coordinate + GOLDEN) * GOLDEN);
    }

    /** Key of (seed, stream, replication): the root of one replication's draws for one random process. */
    public static long key(long seed, int stream, int replication) {
        return key(key(mix(seed ^ 0x5DEECE66DL), stream), replication);
    }

    /** The next 64 random bits. */
    @Override
    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** A uniform double in [0, 1). */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * TWO_POW_MINUS_53;
    }

    /** A uniform double in (0, 1): safe to take the logarithm of. */
    public double nextOpen() {
        return ((nextLong() >>> 12) + 0.5) * 0x1.0p-52;
    }

    /** A standard normal draw (McFarland's modified ziggurat, from commons-rng). */
    public double nextGaussian() {
        return gaussian.sample();
    }

    /**
     * A Poisson draw by inversion from one uniform. Inversion is monotone in the mean: with the same uniform a
     * larger mean never gives fewer events, which is what makes common random numbers effective.
     */
    public int nextPoisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 500) {
            // Far beyond any per-period purchase rate; a rounded normal keeps the draw bounded in time.
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * nextGaussian()));
        }
        return poisson(nextDouble(), mean);
    }

    /** A Gamma(shape, 1) draw: Marsaglia and Tsang's method, with the shape &lt; 1 boost. */
    public double nextGamma(double shape) {
        if (shape < 1) {
            double g = nextGamma(shape + 1);
            return g * Math.pow(nextOpen(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        return nextGamma(d, 1 / Math.sqrt(9 * d));
    }

    /**
     * A Gamma(shape, 1) draw for shape &gt;= 1 given Marsaglia and Tsang's constants {@code d = shape - 1/3} and
     * {@code c = 1 / sqrt(9 d)}: a caller drawing the same few shapes millions of times computes them once.
     */
    public double nextGamma(double d, double c) {
        while (true) {
            double x;
            double v;
            do {
                x = nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = nextOpen();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /** A Beta(a, b) draw as a ratio of gammas. */
    public double nextBeta(double a, double b) {
        double x = nextGamma(a);
        double y = nextGamma(b);
        double s = x + y;
        return s > 0 ? x / s : (nextDouble() < a / (a + b) ? 1 : 0);
    }
}
