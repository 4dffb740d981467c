package org.tierlab.score;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * ABC classes by cumulative share of total value, found without sorting the column. Walking values from the
 * largest down, a value belongs to the class in which the running share of the total before it starts; cut[k] is
 * the smallest value of class k (class k holds values &gt;= cut[k]). Bounds are cumulative shares (e.g. 0.8, 0.95).
 * Values &lt;= 0 are not ranked and go to the last class. A class that receives nobody gets cut-off +inf.
 *
 * <p>One parallel pass builds a histogram with the count and the sum of the values in each of a few thousand
 * {@link Buckets} fitted to the positive values. Walking the bucket sums from the top gives every bucket that falls
 * wholly inside one class its class, with no look at its values. A second parallel pass classifies every customer
 * by a lookup on their bucket and sets aside the few in the (at most one per bound) buckets where a bound is
 * crossed. Their values are refined the same way with buckets fitted to them, and the few values left after that
 * are sorted, which gives the cut-offs that classify them.
 */
final class ShareCuts {
    /** Histogram levels before the values of a bucket are sorted. */
    private static final int LEVELS = 2;
    /** A bucket this small is sorted rather than refined. */
    private static final int SMALL_BUCKET = 64;
    /** The class of a bucket in which a bound is crossed: its customers are set aside. */
    private static final int CROSSED = -1;

    private final double[] limits;
    private final double[] cut;
    private double running;
    private int k;

    private ShareCuts(double[] limits) {
        this.limits = limits;
        this.cut = new double[limits.length];
        Arrays.fill(cut, Double.POSITIVE_INFINITY);
    }

    /** Per-chunk histogram: count and sum of the positive values in each bucket; whether NaN or inf was seen. */
    private record Histogram(int[] counts, double[] sums, boolean bad) {
        static Histogram of(double[] column, Buckets buckets, int from, int to) {
            int[] counts = new int[buckets.count()];
            double[] sums = new double[buckets.count()];
            boolean bad = false;
            for (int i = from; i < to; i++) {
                double v = column[i];
                bad |= v - v != 0; // NaN and +-inf
                if (v > 0) {
                    int b = buckets.indexOfPositive(v);
                    counts[b]++;
                    sums[b] += v;
                }
            }
            return new Histogram(counts, sums, bad);
        }
    }

    /**
     * Writes the class of every value of {@code column} into {@code out} (0 = first class, bounds.length = last)
     * and returns true; returns false, with {@code out} unspecified, if the column holds NaN or an infinite value.
     */
    static boolean classify(double[] column, double[] cumulativeBounds, int[] out) {
        Buckets buckets = Buckets.sampled(column, false, true);
        List<Histogram> perChunk = Chunks.map(column.length, (c, from, to) -> Histogram.of(column, buckets, from, to));
        for (Histogram h : perChunk) {
            if (h.bad()) {
                return false;
            }
        }
        Classes classes = Classes.of(buckets, perChunk.stream().map(Histogram::counts).toList(),
                perChunk.stream().map(Histogram::sums).toList(), cumulativeBounds);
        int[][] aside = classes.newSetAside();
        Chunks.map(column.length, (c, from, to) -> {
            classes.assign(column, from, to, aside[c], out);
            return null;
        });
        classes.classifySetAside(column, aside, out);
        return true;
    }

    /**
     * The classes of the buckets of one column's histogram, ready for the classifying pass: a lookup per customer,
     * with the customers of crossed buckets set aside and classified afterwards. Shared with {@link RfmAbc}, which
     * makes the histogram and the pass together with the monetary score's.
     */
    static final class Classes {
        private final Buckets buckets;
        private final List<int[]> perChunkCounts;
        private final int[] counts;
        private final double[] sums;
        private final double[] limits;
        private final int[] classOf;

        private Classes(Buckets buckets, List<int[]> perChunkCounts, int[] counts, double[] sums, double[] limits) {
            this.buckets = buckets;
            this.perChunkCounts = perChunkCounts;
            this.counts = counts;
            this.sums = sums;
            this.limits = limits;
            this.classOf = bucketClasses(counts, sums, limits);
        }

        /**
         * From per-chunk counts and sums of the positive values in each bucket (buckets fitted to positive values,
         * chunks as {@link Chunks} makes them), merged in chunk order so the sums are the same on any machine.
         */
        static Classes of(Buckets buckets, List<int[]> perChunkCounts, List<double[]> perChunkSums,
                double[] cumulativeBounds) {
            int[] counts = new int[buckets.count()];
            double[] sums = new double[buckets.count()];
            for (int c = 0; c < perChunkCounts.size(); c++) {
                int[] partCounts = perChunkCounts.get(c);
                double[] partSums = perChunkSums.get(c);
                for (int b = 0; b < counts.length; b++) {
                    counts[b] += partCounts[b];
                    sums[b] += partSums[b];
                }
            }
            double total = 0;
            for (double s : sums) {
                total += s;
            }
            double[] limits = new double[cumulativeBounds.length];
            for (int j = 0; j < limits.length; j++) {
                limits[j] = cumulativeBounds[j] * total * (1 - 1e-12);
            }
            return new Classes(buckets, perChunkCounts, counts, sums, limits);
        }

        /** Per bucket, the class of its positive values, or {@link #CROSSED}: set the customer aside. */
        int[] classOf() {
            return classOf;
        }

        /** The class of values &lt;= 0: the last. */
        int last() {
            return limits.length;
        }

        /** Per chunk, room for the customers of its crossed buckets. */
        int[][] newSetAside() {
            return Buckets.setAsideRoom(perChunkCounts, b -> classOf[b] == CROSSED);
        }

        /** Classifies {@code column[from, to)} by bucket, setting aside the customers of crossed buckets. */
        void assign(double[] column, int from, int to, int[] setAside, int[] out) {
            int last = limits.length;
            int kept = 0;
            for (int i = from; i < to; i++) {
                double v = column[i];
                int k = v > 0 ? classOf[buckets.indexOfPositive(v)] : last;
                out[i] = k;
                if (k == CROSSED) {
                    setAside[kept++] = i;
                }
            }
        }

        /** Classifies the set-aside customers. */
        void classifySetAside(double[] column, int[][] aside, int[] out) {
            ShareCuts.classifySetAside(column, buckets, counts, sums, limits, aside, out);
        }
    }

    /**
     * The class of every bucket whose values all share one, by the same arithmetic as {@link #walk}: the running
     * sum after a bucket is always the running sum before it plus the bucket's sum; {@link #CROSSED} where a
     * bound is crossed.
     */
    private static int[] bucketClasses(int[] counts, double[] sums, double[] limits) {
        int[] classOf = new int[counts.length];
        double running = 0;
        int k = 0;
        for (int b = counts.length - 1; b >= 0; b--) {
            while (k < limits.length && running >= limits[k]) {
                k++;
            }
            if (k == limits.length || counts[b] == 0) {
                classOf[b] = k;
                continue;
            }
            classOf[b] = running + sums[b] >= limits[k] ? CROSSED : k;
            running += sums[b];
        }
        return classOf;
    }

    /** The cut-offs from the walk over all buckets, the crossed ones refined from their set-aside values. */
    private static void classifySetAside(double[] column, Buckets buckets, int[] counts, double[] sums,
            double[] limits, int[][] aside, int[] out) {
        double[][] valuesOf = new double[counts.length][];
        int[] filled = new int[counts.length];
        for (int[] part : aside) {
            for (int i : part) {
                int b = buckets.index(column[i]);
                if (valuesOf[b] == null) {
                    valuesOf[b] = new double[counts[b]];
                }
                valuesOf[b][filled[b]++] = column[i];
            }
        }
        ShareCuts walk = new ShareCuts(limits);
        walk.walk(buckets, counts, sums, 0, b -> {
            if (valuesOf[b] == null) {
                throw new IllegalStateException("bucket " + b + " crosses a bound but was not set aside");
            }
            return valuesOf[b];
        });
        double[] cut = walk.cut;
        for (int c = 1; c < cut.length; c++) {
            cut[c] = Math.min(cut[c], cut[c - 1]);
        }
        for (int[] part : aside) {
            for (int i : part) {
                int k = 0;
                for (double c : cut) {
                    k += column[i] >= c ? 0 : 1;
                }
                out[i] = k;
            }
        }
    }

    private boolean advance() {
        while (k < limits.length && running >= limits[k]) {
            k++;
        }
        return k < limits.length;
    }

    /** Walks the buckets of one histogram level from the largest down; {@code valuesOf} gives a crossed bucket's values. */
    private void walk(Buckets buckets, int[] counts, double[] sums, int level, IntFunction<double[]> valuesOf) {
        for (int b = counts.length - 1; b >= 0 && advance(); b--) {
            if (counts[b] == 0) {
                continue;
            }
            if (running + sums[b] < limits[k]) {
                // the first top-level bucket also takes the positive values below the sample's range
                cut[k] = level == 0 && b == 0 ? Double.MIN_VALUE : buckets.lowEdge(b);
                running += sums[b];
                continue;
            }
            double before = running;
            refine(valuesOf.apply(b), level + 1);
            // as crossedBuckets assumed: summing value by value may round differently from the bucket sum
            running = before + sums[b];
        }
    }

    /** A crossed bucket: a histogram of its values on buckets fitted to them, or at the last level a sort. */
    private void refine(double[] values, int level) {
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (double v : values) {
            long o = Buckets.order(v);
            lo = Math.min(lo, o);
            hi = Math.max(hi, o);
        }
        if (level >= LEVELS || values.length <= SMALL_BUCKET || lo == hi) {
            double[] g = values.clone();
            Arrays.sort(g);
            for (int j = g.length - 1; j >= 0 && advance(); j--) {
                cut[k] = g[j];
                running += g[j];
            }
            return;
        }
        Buckets buckets = Buckets.spanning(lo, hi, Buckets.countFor(values.length));
        int[] counts = new int[buckets.count()];
        double[] sums = new double[buckets.count()];
        for (double v : values) {
            int b = buckets.index(v);
            counts[b]++;
            sums[b] += v;
        }
        walk(buckets, counts, sums, level, b -> {
            double[] sub = new double[counts[b]];
            int f = 0;
            for (double v : values) {
                if (buckets.index(v) == b) {
                    sub[f++] = v;
                }
            }
            return sub;
        });
    }
}
