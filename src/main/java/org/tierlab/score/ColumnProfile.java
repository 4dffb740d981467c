package org.tierlab.score;

import java.util.List;

/**
 * What one parallel pass over a column tells the scorers and the input checks: how many values are NaN and how
 * many are not, their minimum and maximum, and whether all are whole numbers. When every value is a whole number
 * in [0, {@value #SMALL}) or NaN (recency in days, purchase counts) the same pass also counts every value, per
 * chunk, and every order statistic then follows from those counts with no further pass over the column. Any
 * other column gets, in the same pass, the per-chunk radix histogram {@link OrderStatistics} starts from.
 *
 * @param count values that are not NaN
 * @param nan NaN values
 * @param min smallest value (+inf if none)
 * @param max largest value (-inf if none)
 * @param whole all values (NaN aside) are whole numbers
 * @param counts when counted: how many values equal {@code min + k}, for k = 0..max-min; else null
 * @param chunkCounts when counted: per {@link Chunks} chunk, how many values equal k, for k = 0..SMALL-1; else null
 * @param buckets when not counted: the histogram buckets, fitted to a sample of the column; else null
 * @param bucketCounts when not counted: per chunk, how many values fall in each of the {@code buckets}
 */
record ColumnProfile(long count, long nan, double min, double max, boolean whole, int[] counts, int[][] chunkCounts,
        Buckets buckets, List<int[]> bucketCounts) {
    /** Whole numbers below this are counted in the first pass. */
    static final int SMALL = 1 << 13;
    /** log2 of {@link #SMALL}: a whole number x is below SMALL exactly when x &gt;&gt;&gt; SMALL_BITS is 0. */
    private static final int SMALL_BITS = Integer.numberOfTrailingZeros(SMALL);
    /** Whole numbers spanning less than this are scored through a histogram of the values themselves. */
    static final int MAX_RANGE = 1 << 20;

    /** Profiles {@code column}: counting first; a general scan if any value is not a small whole number. */
    static ColumnProfile of(double[] column) {
        ColumnProfile p = smallWholeNumbers(column);
        return p != null ? p : scan(column);
    }

    /** {min, max} if the values are whole numbers spanning less than 2^20 (and there is one), else null. */
    double[] integerRange() {
        return count > 0 && whole && max - min < MAX_RANGE ? new double[] {min, max} : null;
    }

    /** Whether some value is infinite. */
    boolean hasInfinity() {
        return count > 0 && (min == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY);
    }

    private static ColumnProfile smallWholeNumbers(double[] column) {
        List<int[]> parts = Chunks.map(column.length, (c, from, to) -> countChunk(column, from, to));
        return parts.contains(null) ? null : counted(parts, column.length);
    }

    /**
     * The profile of a column of {@code length} values from its per-chunk counts of each value 0..SMALL-1 (NaN at
     * index SMALL), as {@link #countChunk} makes them.
     */
    static ColumnProfile counted(List<int[]> parts, int length) {
        int[] total = new int[SMALL + 1];
        for (int[] part : parts) {
            for (int k = 0; k <= SMALL; k++) {
                total[k] += part[k];
            }
        }
        int lo = 0;
        while (lo < SMALL && total[lo] == 0) {
            lo++;
        }
        int hi = SMALL - 1;
        while (hi >= lo && total[hi] == 0) {
            hi--;
        }
        long nan = total[SMALL];
        if (lo > hi) {
            return new ColumnProfile(0, nan, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, true, null, null, null, null);
        }
        int[] counts = java.util.Arrays.copyOfRange(total, lo, hi + 1);
        return new ColumnProfile(length - nan, nan, lo, hi, true, counts, parts.toArray(new int[0][]), null, null);
    }

    /**
     * Counts of each value 0..SMALL-1 in one chunk, NaN counted at index SMALL; null at the first value that is
     * neither. Four interleaved count arrays: with heavy ties (40 % of customers with frequency 1) consecutive
     * increments of one counter would wait on each other.
     */
    private static int[] countChunk(double[] column, int from, int to) {
        int[] c0 = new int[SMALL + 1];
        // a short chunk counts into one array (the four names alias it) rather than allocate four
        boolean interleave = to - from >= SMALL;
        int[] c1 = interleave ? new int[SMALL + 1] : c0;
        int[] c2 = interleave ? new int[SMALL + 1] : c0;
        int[] c3 = interleave ? new int[SMALL + 1] : c0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            int s0 = slot(column[i]);
            int s1 = slot(column[i + 1]);
            int s2 = slot(column[i + 2]);
            int s3 = slot(column[i + 3]);
            if ((s0 | s1 | s2 | s3) < 0) {
                return null;
            }
            c0[s0]++;
            c1[s1]++;
            c2[s2]++;
            c3[s3]++;
        }
        for (; i < to; i++) {
            int s = slot(column[i]);
            if (s < 0) {
                return null;
            }
            c0[s]++;
        }
        if (interleave) {
            for (int k = 0; k <= SMALL; k++) {
                c0[k] += c1[k] + c2[k] + c3[k];
            }
        }
        return c0;
    }

    /** 2^52: adding it to a double in [0, 2^52) rounds it to a whole number held in the low bits. */
    private static final double ROUNDER = 0x1p52;
    private static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);

    /** The count index of v: itself if a whole number in [0, SMALL), SMALL for NaN, else -1. */
    static int slot(double v) {
        // no double-to-int conversion (the cost of this pass): v + 2^52 holds round(v) in its low bits when
        // 0 <= v < 2^52, and subtracting 2^52 again gives v back exactly when v was that whole number; every other
        // value (negative, too large, a fraction, infinite, NaN) fails one of the two tests
        double w = v + ROUNDER;
        long x = Double.doubleToRawLongBits(w) - ROUNDER_BITS;
        if (w - ROUNDER == v && x >>> SMALL_BITS == 0) {
            return (int) x;
        }
        return v != v ? SMALL : -1;
    }

    /** False if some value of an evenly spaced sample of 1,024 is finite and not a whole number. */
    static boolean sampledWhole(double[] column) {
        int step = Math.max(1, column.length / 1024);
        for (int i = 0; i < column.length; i += step) {
            double v = column[i];
            if (v - v == 0 && v != (double) (long) v) {
                return false;
            }
        }
        return true;
    }

    private static ColumnProfile scan(double[] column) {
        Buckets buckets = Buckets.sampled(column, false, false);
        // a sampled value with a fraction settles wholeness (money in cents) before the pass
        boolean checkWhole = sampledWhole(column);
        List<Scanned> parts = Chunks.map(column.length,
                (c, from, to) -> Scanned.of(column, buckets, checkWhole, from, to));
        return scanned(parts, buckets, column.length);
    }

    /** The profile of a column of {@code length} values from its per-chunk scans, in chunk order. */
    static ColumnProfile scanned(List<Scanned> parts, Buckets buckets, int length) {
        long n = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean whole = true;
        for (Scanned p : parts) {
            n += p.count;
            min = Math.min(min, p.min);
            max = Math.max(max, p.max);
            whole &= p.whole;
        }
        return new ColumnProfile(n, length - n, min, max, whole, null, null, buckets,
                parts.stream().map(p -> p.buckets).toList());
    }

    /** Count, min, max, wholeness and bucket histogram of the non-NaN values of one chunk. */
    record Scanned(long count, double min, double max, boolean whole, int[] buckets) {
        static Scanned of(double[] column, Buckets map, boolean checkWhole, int from, int to) {
            long n = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            boolean whole = checkWhole;
            int[] buckets = new int[map.count()];
            for (int i = from; i < to; i++) {
                double v = column[i];
                if (v == v) {
                    n++;
                    // a whole-number test only while it can still be true: two conversions per value
                    whole = whole && v == (double) (long) v;
                    // plain comparisons: Math.min/max on doubles check NaN and -0.0 and cost several times more
                    min = v < min ? v : min;
                    max = v > max ? v : max;
                    buckets[map.index(v)]++;
                }
            }
            return new Scanned(n, min, max, whole, buckets);
        }
    }
}
