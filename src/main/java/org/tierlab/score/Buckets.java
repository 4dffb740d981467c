package org.tierlab.score;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * An order-preserving map from doubles to a few thousand histogram buckets, fitted to where a column's values
 * lie. The radix passes ({@link OrderStatistics}, {@link ShareCuts}, {@link MidRanks}) count values per bucket,
 * then look again only at the few buckets that hold a wanted rank or share, so those buckets should be small.
 * Fixed buckets on the top bits of a double are not: money between 5 and 10,000 spans a dozen binades, so the
 * top 16 bits use about 200 of 65,536 buckets, and a wanted one holds hundreds of thousands of customers in ten
 * million. These buckets split the range of a sample of the column evenly in the order of the doubles' bits
 * (about evenly per binade); values outside it go to the first or last bucket, which only costs speed.
 *
 * <p>Buckets are numbered in value order: v &lt; w implies {@code index(v) <= index(w)}.
 *
 * @param lo the {@link #order} of the first bucket's lower edge; smaller values are counted in bucket 0
 * @param shift how many low bits of {@code order(v) - lo} one bucket spans (at least 1)
 * @param count the number of buckets
 */
record Buckets(long lo, int shift, int count) {
    /** Buckets per histogram below {@link #LARGE} values: 16 KB of counts per chunk, in the first-level cache. */
    static final int COUNT = 1 << 12;
    /**
     * Buckets per histogram from {@link #LARGE} values up: 64 KB of counts per chunk, in the second-level cache.
     * With a quarter as many, the buckets a cut falls in are four times as full, and their customers are set aside
     * and sorted: at ten million customers the set-aside step of {@link RfmAbc} took 4.2 ms with 4,096 buckets and
     * 1.3 ms with 16,384, the counting pass no slower. Below it the larger histograms cost more than they save:
     * at 100,000 customers ABC took 0.50 ms with 16,384 buckets against 0.34 to 0.42 with 4,096.
     */
    static final int LARGE_COUNT = 1 << 14;
    /** Values from which a histogram gets {@link #LARGE_COUNT} buckets. */
    static final int LARGE = 1 << 22;
    /** Values sampled to fit the buckets. */
    private static final int SAMPLE = 1024;

    /** Validates. */
    Buckets {
        if (shift < 1 || shift > 63 || count < 1) {
            throw new IllegalArgumentException("shift 1..63 and count >= 1, found " + shift + ", " + count);
        }
    }

    /**
     * A 64-bit key whose signed order is the numeric order of the doubles (-0.0 and 0.0 share a key; NaN is
     * excluded by callers).
     */
    static long order(double v) {
        // v + 0.0 is v, except that -0.0 becomes 0.0; cheaper than a comparison with zero
        long b = Double.doubleToRawLongBits(v + 0.0);
        return b ^ ((b >> 63) & Long.MAX_VALUE);
    }

    /** The double with this {@link #order}. */
    static double value(long order) {
        return Double.longBitsToDouble(order ^ ((order >> 63) & Long.MAX_VALUE));
    }

    /** {@code count} buckets covering the orders lo..hi (signed, lo &lt;= hi). */
    static Buckets spanning(long lo, long hi, int count) {
        long width = hi - lo; // unsigned
        int bits = 64 - Long.numberOfLeadingZeros(width);
        int shift = Math.max(1, bits - (31 - Integer.numberOfLeadingZeros(count)));
        return new Buckets(lo, shift, count);
    }

    /**
     * Buckets spanning every double: {@link #COUNT}, so that each bucket's lower edge is a double (with more, the
     * first buckets would begin inside the bit patterns of negative NaNs, below -inf).
     */
    static Buckets all() {
        return spanning(Long.MIN_VALUE, Long.MAX_VALUE, COUNT);
    }

    /** Buckets per histogram for {@code n} values. */
    static int countFor(int n) {
        return n >= LARGE ? LARGE_COUNT : COUNT;
    }

    /**
     * Buckets fitted to an evenly spaced sample of the finite values of {@code column} (negated if asked; only
     * values &gt; 0 if {@code positiveOnly}), or {@link #all} if the sample holds none.
     */
    static Buckets sampled(double[] column, boolean negate, boolean positiveOnly) {
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        int n = column.length;
        int step = Math.max(1, n / SAMPLE);
        for (int i = 0; i < n; i += step) {
            double v = negate ? -column[i] : column[i];
            if (v - v == 0 && (!positiveOnly || v > 0)) {
                long o = order(v);
                lo = Math.min(lo, o);
                hi = Math.max(hi, o);
            }
        }
        return lo > hi ? all() : spanning(lo, hi, countFor(n));
    }

    /** The bucket of {@code v} (not NaN). */
    int index(double v) {
        // buckets of values >= 0 (money): the raw bits serve as the order, since every value below +0.0
        // (negative, -0.0) falls below lo and goes to bucket 0 either way; fewer steps on the hot path
        long o = lo >= 0 ? Double.doubleToRawLongBits(v) : order(v);
        long d = (Math.max(o, lo) - lo) >>> shift;
        return (int) Math.min(d, count - 1);
    }

    /** The bucket of {@code v} &gt; 0 (not NaN): the same as {@link #index}, with fewer steps. */
    int indexOfPositive(double v) {
        // a positive double's bits are its order
        long d = (Math.max(Double.doubleToRawLongBits(v), lo) - lo) >>> shift;
        return (int) Math.min(d, count - 1);
    }

    /**
     * The smallest double of bucket {@code b}'s range: a value at least this is in bucket b or above, a smaller
     * one below. Bucket 0 also takes the values below its range, if any.
     */
    double lowEdge(int b) {
        return value(lo + ((long) b << shift));
    }

    /**
     * Per chunk, an index array with room for the chunk's customers in the buckets {@code setAside} flags: what a
     * lookup pass that sets those customers aside fills ({@link BucketTiles}, {@link ShareCuts}).
     */
    static int[][] setAsideRoom(List<int[]> perChunkCounts, IntPredicate setAside) {
        int[][] room = new int[perChunkCounts.size()][];
        for (int c = 0; c < room.length; c++) {
            int[] counts = perChunkCounts.get(c);
            int size = 0;
            for (int b = 0; b < counts.length; b++) {
                size += setAside.test(b) ? counts[b] : 0;
            }
            room[c] = new int[size];
        }
        return room;
    }
}
