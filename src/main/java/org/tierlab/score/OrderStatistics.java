package org.tierlab.score;

import java.util.Arrays;

/**
 * Order statistics of a column without sorting it: the values at given ranks, and for each such value how
 * many values lie strictly below it. One pass builds a radix histogram over the top 16 bits of an
 * order-preserving 64-bit key of each value; a second pass gathers only the values of the few buckets that
 * hold a wanted rank, which are then sorted (small arrays). Both passes are linear in the column length.
 *
 * <p>Scoring needs only a handful of cut points (bins - 1 per column), so this replaces three full sorts
 * of ten million values with four sequential passes.
 */
final class OrderStatistics {
    private static final int BITS = 16;
    private static final int BUCKETS = 1 << BITS;

    private OrderStatistics() {
    }

    /** A 64-bit key whose unsigned order is the numeric order of the doubles (NaN excluded by callers). */
    static long key(double v) {
        long b = Double.doubleToRawLongBits(v == 0.0 ? 0.0 : v);
        return b ^ ((b >> 63) | Long.MIN_VALUE);
    }

    private static int bucket(double v) {
        return (int) (key(v) >>> (64 - BITS));
    }

    /**
     * What one pass over a column tells: how many values are not NaN, their minimum and maximum, and whether all
     * are whole numbers. Scoring needs all four; one pass instead of two.
     */
    record Scan(long count, double min, double max, boolean whole) {
        /** {min, max} if the values are whole numbers spanning less than 2^20 (and there is one), else null. */
        double[] integerRange() {
            return count > 0 && whole && max - min < MAX_RANGE ? new double[] {min, max} : null;
        }
    }

    /** Scans {@code column} once. */
    static Scan scan(double[] column) {
        long n = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean whole = true;
        for (double v : column) {
            if (v == v) {
                n++;
                whole &= v == (double) (long) v;
                // plain comparisons: Math.min/max on doubles check NaN and -0.0 and cost several times more
                min = v < min ? v : min;
                max = v > max ? v : max;
            }
        }
        return new Scan(n, min, max, whole);
    }

    /**
     * Result: the value at each wanted rank, the number of values strictly below it and equal to it, and (when
     * the values were gathered, else null) the index of the customer holding the rank when ties are broken by
     * input order.
     */
    record Cuts(double[] value, long[] below, long[] equal, int[] holder, double[] integerRange) {
    }

    /**
     * The values at the given ascending 0-based ranks among the non-NaN values of {@code column} (optionally
     * negated), with the count of values strictly below each. {@code n} is the number of non-NaN values.
     */
    static Cuts atRanks(double[] column, boolean negate, long[] ranks, Scan scan) {
        Cuts exact = smallIntegers(column, negate, ranks, scan.integerRange());
        if (exact != null) {
            return exact;
        }
        int[] counts = new int[BUCKETS];
        for (double raw : column) {
            if (raw == raw) {
                counts[bucket(negate ? -raw : raw)]++;
            }
        }
        long[] start = new long[BUCKETS + 1];
        for (int b = 0; b < BUCKETS; b++) {
            start[b + 1] = start[b] + counts[b];
        }
        int[] wantedBucket = new int[ranks.length];
        int[] slot = new int[BUCKETS];
        Arrays.fill(slot, -1);
        int distinct = 0;
        for (int j = 0; j < ranks.length; j++) {
            int b = upperBucket(start, ranks[j]);
            wantedBucket[j] = b;
            if (slot[b] < 0) {
                slot[b] = distinct++;
            }
        }
        double[][] gathered = new double[distinct][];
        int[][] index = new int[distinct][];
        int[] fill = new int[distinct];
        for (int b = 0; b < BUCKETS; b++) {
            if (slot[b] >= 0) {
                gathered[slot[b]] = new double[counts[b]];
                index[slot[b]] = new int[counts[b]];
            }
        }
        for (int i = 0; i < column.length; i++) {
            double raw = column[i];
            if (raw == raw) {
                double v = negate ? -raw : raw;
                int s = slot[bucket(v)];
                if (s >= 0) {
                    index[s][fill[s]] = i;
                    gathered[s][fill[s]++] = v;
                }
            }
        }
        double[] value = new double[ranks.length];
        long[] below = new long[ranks.length];
        long[] equal = new long[ranks.length];
        int[] holder = new int[ranks.length];
        for (int j = 0; j < ranks.length; j++) {
            int b = wantedBucket[j];
            double[] inOrder = gathered[slot[b]];
            double[] g = inOrder.clone();
            Arrays.sort(g);
            double v = g[(int) (ranks[j] - start[b])];
            value[j] = v;
            below[j] = start[b] + lowerBound(g, v);
            equal[j] = lowerBound(g, Math.nextUp(v)) - lowerBound(g, v);
            holder[j] = holder(inOrder, index[slot[b]], v, ranks[j] - below[j]);
        }
        return new Cuts(value, below, equal, holder, null);
    }

    /** The index of the {@code k}-th (0-based) of the gathered values equal to {@code v}, in input order. */
    private static int holder(double[] inOrder, int[] index, double v, long k) {
        long seen = 0;
        for (int i = 0; i < inOrder.length; i++) {
            if (inOrder[i] == v && seen++ == k) {
                return index[i];
            }
        }
        throw new IllegalStateException("no " + k + "-th value equal to " + v);
    }


    private static final int MAX_RANGE = 1 << 20;

    /**
     * The exact path for columns of whole numbers in a small range (frequencies, recency in whole days): a
     * histogram of the values themselves gives every order statistic with no gathering and no sort, however
     * heavily the values tie. Returns null when the column does not qualify.
     */
    private static Cuts smallIntegers(double[] column, boolean negate, long[] ranks, double[] range) {
        if (range == null) {
            return null;
        }
        double min = range[0];
        double max = range[1];
        double lo = negate ? -max : min;
        int size = (int) (max - min) + 1;
        int[] counts = histogram(column, negate, lo, size);
        double[] value = new double[ranks.length];
        long[] below = new long[ranks.length];
        long[] equal = new long[ranks.length];
        long cumulative = 0;
        int j = 0;
        for (int k = 0; k < size && j < ranks.length; k++) {
            while (j < ranks.length && ranks[j] < cumulative + counts[k]) {
                value[j] = lo + k;
                below[j] = cumulative;
                equal[j] = counts[k];
                j++;
            }
            cumulative += counts[k];
        }
        return new Cuts(value, below, equal, null, range);
    }

    /**
     * Counts of each whole value lo..lo+size-1 (NaN skipped). Four interleaved count arrays: with heavy ties (40 %
     * of customers with frequency 1) consecutive increments of one counter would wait on each other.
     */
    private static int[] histogram(double[] column, boolean negate, double lo, int size) {
        int[][] part = new int[4][size];
        int n = column.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            count(part[0], column[i], negate, lo);
            count(part[1], column[i + 1], negate, lo);
            count(part[2], column[i + 2], negate, lo);
            count(part[3], column[i + 3], negate, lo);
        }
        for (; i < n; i++) {
            count(part[0], column[i], negate, lo);
        }
        for (int k = 0; k < size; k++) {
            part[0][k] += part[1][k] + part[2][k] + part[3][k];
        }
        return part[0];
    }

    private static void count(int[] counts, double v, boolean negate, double lo) {
        if (v == v) {
            counts[(int) ((negate ? -v : v) - lo)]++;
        }
    }

    /** The bucket b with start[b] &lt;= rank &lt; start[b + 1]. */
    private static int upperBucket(long[] start, long rank) {
        int lo = 0;
        int hi = BUCKETS - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (start[mid] <= rank) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * For ABC classes: walking values from the largest down, the smallest value of each class (a cut-off:
     * class k holds values &gt;= cut[k]), where a value belongs to the class in which the running share of the
     * total before it starts. Bounds are cumulative shares (e.g. 0.8, 0.95). Values &lt;= 0 are not ranked.
     * A class that receives nobody gets +inf. Buckets that fall wholly inside one class are never gathered:
     * their class's cut-off is at least the bucket's lower edge, which separates it from all smaller buckets.
     */
    static double[] shareCuts(double[] column, double[] cumulativeBounds) {
        int[] counts = new int[BUCKETS];
        double[] sums = new double[BUCKETS];
        double total = 0;
        for (double v : column) {
            if (v > 0) {
                int b = bucket(v);
                counts[b]++;
                sums[b] += v;
            }
        }
        for (int b = 0; b < BUCKETS; b++) {
            total += sums[b];
        }
        double[] cut = new double[cumulativeBounds.length];
        Arrays.fill(cut, Double.POSITIVE_INFINITY);
        double running = 0;
        int k = 0;
        for (int b = BUCKETS - 1; b >= 0 && k < cut.length; b--) {
            if (counts[b] == 0) {
                continue;
            }
            while (k < cut.length && running >= limit(cumulativeBounds[k], total)) {
                k++;
            }
            if (k == cut.length) {
                break;
            }
            if (running + sums[b] < limit(cumulativeBounds[k], total)) {
                cut[k] = lowEdge(b);
                running += sums[b];
                continue;
            }
            double[] g = gather(column, b, counts[b]);
            for (int j = g.length - 1; j >= 0; j--) {
                while (k < cut.length && running >= limit(cumulativeBounds[k], total)) {
                    k++;
                }
                if (k == cut.length) {
                    break;
                }
                cut[k] = g[j];
                running += g[j];
            }
        }
        for (int c = 1; c < cut.length; c++) {
            cut[c] = Math.min(cut[c], cut[c - 1]);
        }
        return cut;
    }

    private static double limit(double bound, double total) {
        return bound * total * (1 - 1e-12);
    }

    /** The smallest positive double in bucket b (b in the positive half of the key space). */
    private static double lowEdge(int b) {
        return Double.longBitsToDouble(((long) b << (64 - BITS)) ^ Long.MIN_VALUE);
    }

    private static double[] gather(double[] column, int b, int count) {
        double[] g = new double[count];
        int f = 0;
        for (double v : column) {
            if (v > 0 && bucket(v) == b) {
                g[f++] = v;
            }
        }
        Arrays.sort(g);
        return g;
    }
}
