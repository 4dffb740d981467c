package org.tierlab.score;

import java.util.List;
import org.apache.commons.math3.util.KthSelector;

/**
 * Order statistics of a column without sorting it: the values at given ranks, and for each such value how
 * many values lie strictly below it and how many equal it. Columns of small whole numbers are answered from the
 * value counts of their {@link ColumnProfile}. Other columns take two parallel passes: a radix histogram over
 * the top 16 bits of an order-preserving 64-bit key of each value, then a gather of only the values of the few
 * buckets that hold a wanted rank, in which the rank is found by selection (linear time, no sort).
 *
 * <p>Scoring needs only a handful of cut points (bins - 1 per column), so this replaces three full sorts
 * of ten million values with a few sequential passes shared by both cores.
 */
final class OrderStatistics {
    private OrderStatistics() {
    }

    /**
     * Result: the value at each wanted rank, the number of values strictly below it and equal to it, and (when
     * the values were gathered, else null) the index of the customer holding the rank when ties are broken by
     * input order; {@code integerRange} is the profile's when the values were counted, else null.
     */
    record Cuts(double[] value, long[] below, long[] equal, int[] holder, double[] integerRange) {
    }

    /**
     * The values at the given ascending 0-based ranks among the non-NaN values of {@code column} (optionally
     * negated), with the count of values strictly below and equal to each.
     */
    static Cuts atRanks(double[] column, boolean negate, long[] ranks, ColumnProfile profile) {
        double[] range = profile.integerRange();
        if (range != null) {
            int[] counts = profile.counts() != null ? profile.counts() : histogram(column, range);
            return fromCounts(negate ? reversed(counts) : counts, negate ? -range[1] : range[0], ranks, range);
        }
        // the profile's histogram (if it has one) is of the values as given: usable unless negated
        return negate || profile.buckets() == null
                ? byRadix(column, negate, ranks, Buckets.sampled(column, negate, false), null)
                : byRadix(column, false, ranks, profile.buckets(), profile.bucketCounts());
    }

    /** Counts of each whole value min..max of the column (NaN skipped), for whole columns not counted already. */
    private static int[] histogram(double[] column, double[] range) {
        int[] counts = new int[(int) (range[1] - range[0]) + 1];
        for (double v : column) {
            if (v == v) {
                counts[(int) (v - range[0])]++;
            }
        }
        return counts;
    }

    private static int[] reversed(int[] counts) {
        int[] r = new int[counts.length];
        for (int k = 0; k < counts.length; k++) {
            r[counts.length - 1 - k] = counts[k];
        }
        return r;
    }

    /**
     * The exact path for whole numbers in a small range (frequencies, recency in whole days): the counts of the
     * values themselves give every order statistic with no gathering and no sort, however heavily values tie.
     * counts[k] is the number of values equal to lo + k.
     */
    private static Cuts fromCounts(int[] counts, double lo, long[] ranks, double[] range) {
        double[] value = new double[ranks.length];
        long[] below = new long[ranks.length];
        long[] equal = new long[ranks.length];
        long cumulative = 0;
        int j = 0;
        for (int k = 0; k < counts.length && j < ranks.length; k++) {
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

    private static Cuts byRadix(double[] column, boolean negate, long[] ranks, Buckets buckets,
            List<int[]> histogram) {
        List<int[]> perChunk = histogram != null ? histogram
                : Chunks.map(column.length, (c, from, to) -> bucketCounts(column, negate, buckets, from, to));
        int n = buckets.count();
        int[] counts = new int[n];
        for (int[] part : perChunk) {
            for (int b = 0; b < n; b++) {
                counts[b] += part[b];
            }
        }
        long[] start = new long[n + 1];
        for (int b = 0; b < n; b++) {
            start[b + 1] = start[b] + counts[b];
        }
        int[] wanted = new int[ranks.length];
        for (int j = 0; j < ranks.length; j++) {
            wanted[j] = upperBucket(start, ranks[j]);
        }
        Gathered g = Gathered.of(column, negate, buckets, wanted, perChunk);
        double[] value = new double[ranks.length];
        long[] below = new long[ranks.length];
        long[] equal = new long[ranks.length];
        int[] holder = new int[ranks.length];
        KthSelector selector = new KthSelector();
        double[][] work = new double[g.values.length][];
        for (int j = 0; j < ranks.length; j++) {
            int s = g.slot[wanted[j]];
            double[] inOrder = g.values[s];
            if (work[s] == null) {
                work[s] = inOrder.clone();
            }
            // selection leaves work[s] a permutation of the bucket, so later ranks in it can be selected again
            double v = selector.select(work[s], null, (int) (ranks[j] - start[wanted[j]]));
            long less = 0;
            long same = 0;
            for (double x : inOrder) {
                less += x < v ? 1 : 0;
                same += x == v ? 1 : 0;
            }
            value[j] = v;
            below[j] = start[wanted[j]] + less;
            equal[j] = same;
            holder[j] = g.index[s][holder(inOrder, v, ranks[j] - below[j])];
        }
        return new Cuts(value, below, equal, holder, null);
    }

    private static int[] bucketCounts(double[] column, boolean negate, Buckets buckets, int from, int to) {
        int[] counts = new int[buckets.count()];
        for (int i = from; i < to; i++) {
            double raw = column[i];
            if (raw == raw) {
                counts[buckets.index(negate ? -raw : raw)]++;
            }
        }
        return counts;
    }

    /** The position among {@code inOrder} of the {@code k}-th (0-based) value equal to {@code v}. */
    private static int holder(double[] inOrder, double v, long k) {
        long seen = 0;
        for (int i = 0; i < inOrder.length; i++) {
            if (inOrder[i] == v && seen++ == k) {
                return i;
            }
        }
        throw new IllegalStateException("no " + k + "-th value equal to " + v);
    }

    /**
     * The values of a few histogram buckets, gathered in input order with their indices in one parallel pass:
     * each chunk writes at offsets known from the per-chunk counts of the histogram pass.
     */
    static final class Gathered {
        /** slot[b]: where bucket b's values are, or -1 if not gathered. */
        final int[] slot;
        /** values[slot]: the bucket's values (negated if asked) in input order. */
        final double[][] values;
        /** index[slot]: the customer index of each gathered value. */
        final int[][] index;

        private Gathered(int[] slot, double[][] values, int[][] index) {
            this.slot = slot;
            this.values = values;
            this.index = index;
        }

        /**
         * Gathers the values of {@code buckets} (repeats allowed); {@code perChunk} are the bucket counts per
         * {@link Chunks} chunk of all non-NaN values.
         */
        static Gathered of(double[] column, boolean negate, Buckets map, int[] buckets, List<int[]> perChunk) {
            int[] slot = new int[map.count()];
            java.util.Arrays.fill(slot, -1);
            int[] bucketAt = new int[buckets.length];
            int distinct = 0;
            for (int b : buckets) {
                if (slot[b] < 0) {
                    bucketAt[distinct] = b;
                    slot[b] = distinct++;
                }
            }
            int[][] offset = new int[perChunk.size()][distinct];
            int[] size = new int[distinct];
            for (int c = 0; c < perChunk.size(); c++) {
                for (int s = 0; s < distinct; s++) {
                    offset[c][s] = size[s];
                    size[s] += perChunk.get(c)[bucketAt[s]];
                }
            }
            double[][] values = new double[distinct][];
            int[][] index = new int[distinct][];
            for (int s = 0; s < distinct; s++) {
                values[s] = new double[size[s]];
                index[s] = new int[size[s]];
            }
            Chunks.map(column.length, (c, from, to) -> {
                int[] fill = offset[c];
                for (int i = from; i < to; i++) {
                    double raw = column[i];
                    if (raw == raw) {
                        double v = negate ? -raw : raw;
                        int s = slot[map.index(v)];
                        if (s >= 0) {
                            index[s][fill[s]] = i;
                            values[s][fill[s]++] = v;
                        }
                    }
                }
                return null;
            });
            return new Gathered(slot, values, index);
        }
    }

    /** The bucket b with start[b] &lt;= rank &lt; start[b + 1]. */
    private static int upperBucket(long[] start, long rank) {
        int lo = 0;
        int hi = start.length - 2;
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
}
