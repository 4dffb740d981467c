package org.tierlab.score;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Percentile normalisation: each value's mid-rank share, (number of values below + half the number equal) / n,
 * for a column of finite values. Columns of small whole numbers are answered from their value counts
 * ({@link ColumnProfile}) in two linear passes. Others are ranked by sorting 64-bit words holding the top bits
 * of the value's order-preserving key and the customer's index: scattered into the profile's radix buckets,
 * then each bucket sorted; the few values whose keys agree in those top bits are then ordered exactly. Either way no per-customer search of a sorted array (a cache miss
 * at each of its 24 steps at ten million customers).
 */
final class MidRanks {
    private MidRanks() {
    }

    /** Writes the mid-rank share of each value of {@code x} (profiled as {@code p}) into {@code out}. */
    static void of(double[] x, ColumnProfile p, double[] out) {
        int n = x.length;
        if (p.counts() != null) {
            fromCounts(x, p, out);
        } else if (n > 0) {
            bySort(x, p, out);
        }
    }

    private static void fromCounts(double[] x, ColumnProfile p, double[] out) {
        int[] counts = p.counts();
        int lo = (int) p.min();
        double[] share = new double[counts.length];
        long below = 0;
        for (int k = 0; k < counts.length; k++) {
            share[k] = (below + 0.5 * counts[k]) / x.length;
            below += counts[k];
        }
        Chunks.forEach(x.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = share[(int) x[i] - lo];
            }
        });
    }

    private static void bySort(double[] x, ColumnProfile profile, double[] out) {
        int n = x.length;
        int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
        long indexMask = (1L << indexBits) - 1;
        long[] words = bucketed(x, profile, indexMask);
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && (words[end] & ~indexMask) == (words[start] & ~indexMask)) {
                end++;
            }
            rankGroup(x, words, indexMask, start, end, out);
            start = end;
        }
    }

    /**
     * The words (top key bits, index) of all values in ascending order: scattered by the profile's histogram
     * {@link Buckets} in one parallel pass, then each bucket sorted on its own, in
     * parallel; the buckets are small enough to be sorted in cache.
     */
    private static long[] bucketed(double[] x, ColumnProfile profile, long indexMask) {
        List<int[]> perChunk = profile.bucketCounts();
        Buckets buckets = profile.buckets();
        int count = buckets.count();
        int[] start = new int[count + 1];
        for (int[] part : perChunk) {
            for (int b = 0; b < count; b++) {
                start[b + 1] += part[b];
            }
        }
        for (int b = 0; b < count; b++) {
            start[b + 1] += start[b];
        }
        int[][] fill = new int[perChunk.size()][];
        int[] next = java.util.Arrays.copyOf(start, count);
        for (int c = 0; c < fill.length; c++) {
            fill[c] = next.clone();
            for (int b = 0; b < count; b++) {
                next[b] += perChunk.get(c)[b];
            }
        }
        long[] words = new long[x.length];
        Chunks.map(x.length, (c, from, to) -> {
            int[] at = fill[c];
            for (int i = from; i < to; i++) {
                words[at[buckets.index(x[i])]++] = (Buckets.order(x[i]) & ~indexMask) | i;
            }
            return null;
        });
        IntStream.range(0, count).parallel().filter(b -> start[b + 1] - start[b] > 1)
                .forEach(b -> Arrays.sort(words, start[b], start[b + 1]));
        return words;
    }

    /**
     * Words start..end-1 share their key's top bits, so they hold the ranks start..end-1; within them, values
     * are ordered exactly and each tie group gets its mid-rank share.
     */
    private static void rankGroup(double[] x, long[] words, long indexMask, int start, int end, double[] out) {
        int n = x.length;
        int first = (int) (words[start] & indexMask);
        boolean allEqual = true;
        for (int j = start + 1; j < end && allEqual; j++) {
            allEqual = x[(int) (words[j] & indexMask)] == x[first];
        }
        if (allEqual) {
            double share = (start + 0.5 * (end - start)) / n;
            for (int j = start; j < end; j++) {
                out[(int) (words[j] & indexMask)] = share;
            }
            return;
        }
        double[] values = new double[end - start];
        for (int j = start; j < end; j++) {
            values[j - start] = x[(int) (words[j] & indexMask)];
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int j = start; j < end; j++) {
            double v = values[j - start];
            int below = SortedSearch.lowerBound(sorted, v);
            int equal = SortedSearch.lowerBound(sorted, Math.nextUp(v)) - below;
            out[(int) (words[j] & indexMask)] = (start + below + 0.5 * equal) / n;
        }
    }
}
