package org.tierlab.score;

import java.util.Arrays;

/**
 * Quantile and equal-count scoring of one column ({@link Binning.Quantile}, {@link Binning.EqualCount}) given
 * its {@link ColumnProfile}: the few cut points from {@link OrderStatistics}, then one parallel assignment pass;
 * or, for a column with a bucket histogram, {@link BucketTiles}.
 * With {@code negate} the column is scored as if its values were negated (recency: more recent is better)
 * without materialising the negated column.
 */
final class Tiles {
    private Tiles() {
    }

    /** Scores by {@code binning}, reusing {@code profile}; custom breaks are never negated here. */
    static void score(Binning binning, double[] values, boolean negate, ColumnProfile profile, int bins, byte[] out) {
        if (binning instanceof Binning.Quantile) {
            quantile(values, negate, profile, bins, out);
        } else if (binning instanceof Binning.EqualCount) {
            equalCount(values, negate, profile, bins, out);
        } else if (negate) {
            binning.scoreNegated(values, bins, out);
        } else {
            binning.score(values, bins, out);
        }
    }

    /**
     * Quantile breaks: with the values sorted ascending, break j is the value at rank ceil(j * n / bins); a value's
     * score is 1 + the number of breaks strictly below it.
     */
    static void quantile(double[] values, boolean negate, ColumnProfile profile, int bins, byte[] out) {
        long n = profile.count();
        if (n == 0) {
            Arrays.fill(out, (byte) 0);
            return;
        }
        long[] ranks = breakRanks(n, bins);
        if (!negate && profile.integerRange() == null && BucketTiles.score(values, profile, ranks, false, out)) {
            return;
        }
        quantileCuts(values, negate, profile, ranks).assign(values, out);
    }

    /** Where quantile scores change: the break values, each counting for every customer strictly above it. */
    private static Cuts quantileCuts(double[] values, boolean negate, ColumnProfile profile, long[] ranks) {
        OrderStatistics.Cuts cuts = OrderStatistics.atRanks(values, negate, ranks, profile);
        // "strictly above break j" for every customer: as if tile j started after the last index
        int[] from = new int[ranks.length];
        Arrays.fill(from, values.length);
        return new Cuts(negate, cuts.value(), from, cuts.integerRange());
    }

    /**
     * The bucket-lookup scorer {@link #score} would use for a column that is not negated, or null where it takes
     * another path (custom breaks, no values, whole numbers in a small range, no bucket histogram).
     */
    static BucketTiles bucketTiles(Binning binning, double[] values, ColumnProfile profile, int bins) {
        if (profile.count() == 0 || profile.integerRange() != null) {
            return null;
        }
        if (binning instanceof Binning.EqualCount && profile.count() < bins) {
            return null; // fewer customers than tiles: scored exactly by equalCount
        }
        if (binning instanceof Binning.Quantile) {
            return BucketTiles.of(values, profile, breakRanks(profile.count(), bins), false);
        }
        if (binning instanceof Binning.EqualCount) {
            return BucketTiles.of(values, profile, tileStarts(profile.count(), bins), true);
        }
        return null;
    }

    /** The 0-based rank of each quantile break j = 1..bins-1 among n sorted values: ceil(j * n / bins) - 1. */
    private static long[] breakRanks(long n, int bins) {
        long[] ranks = new long[bins - 1];
        for (int j = 1; j < bins; j++) {
            ranks[j - 1] = Math.max(0, (long) Math.ceil((double) j * n / bins) - 1);
        }
        return ranks;
    }

    /** The 0-based rank at which each equal-count tile 2..bins starts among n &gt;= bins sorted values. */
    private static long[] tileStarts(long n, int bins) {
        long[] starts = new long[bins - 1];
        for (int t = 2; t <= bins; t++) {
            starts[t - 2] = Binning.EqualCount.tileStart(t, n, bins);
        }
        return starts;
    }

    /** Equal-count n-tiles, ties broken by input order; see {@link Binning.EqualCount}. */
    static void equalCount(double[] values, boolean negate, ColumnProfile profile, int bins, byte[] out) {
        long n = profile.count();
        if (n == 0) {
            Arrays.fill(out, (byte) 0);
            return;
        }
        if (n < bins) {
            fewerThanBins(values, negate, (int) n, bins, out);
            return;
        }
        long[] tileStarts = tileStarts(n, bins);
        if (!negate && profile.integerRange() == null && BucketTiles.score(values, profile, tileStarts, true, out)) {
            return;
        }
        equalCountCuts(values, negate, profile, tileStarts).assign(values, out);
    }

    /**
     * Equal-count tiles when there are fewer customers than tiles: one customer per tile from the first, so the
     * top tiles stay empty. The cut-point machinery needs every tile to start at a customer, and clamping the
     * empty tiles' starts to the last customer would give that customer the top score instead of its own.
     */
    private static void fewerThanBins(double[] values, boolean negate, int n, int bins, byte[] out) {
        Integer[] order = new Integer[n];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            out[i] = 0;
            if (!Double.isNaN(values[i])) {
                order[k++] = i;
            }
        }
        double sign = negate ? -1 : 1;
        // a stable sort on == order (0.0 ties -0.0): tied values keep input order, as on every other path
        Arrays.sort(order, (a, b) -> {
            double x = sign * values[a];
            double y = sign * values[b];
            return x < y ? -1 : x > y ? 1 : 0;
        });
        for (int rank = 0; rank < n; rank++) {
            out[order[rank]] = (byte) Binning.EqualCount.tileOf(rank, n, bins);
        }
    }

    /** Where equal-count scores change: the value at the first rank of each tile, and the index it starts at. */
    private static Cuts equalCountCuts(double[] values, boolean negate, ColumnProfile profile, long[] tileStarts) {
        OrderStatistics.Cuts cuts = OrderStatistics.atRanks(values, negate, tileStarts, profile);
        double[] c = cuts.value();
        int[] from = new int[c.length];
        for (int t = 0; t < c.length; t++) {
            // j == 0: the tile starts at the group's first customer, the same as from index 0
            long j = tileStarts[t] - cuts.below()[t];
            from[t] = j == 0 ? 0 : cuts.holder() != null ? cuts.holder()[t]
                    : position(values, negate, c[t], j, cuts.equal()[t], profile);
        }
        return new Cuts(negate, c, from, cuts.integerRange());
    }

    /**
     * The score tables of a column of whole numbers in a small range (recency in days, purchase counts), for
     * quantile or equal-count binning, or null where {@link #score} takes another path. {@link RfmAbc} runs
     * their lookups fused with other columns' passes.
     */
    static Tables tables(Binning binning, double[] values, boolean negate, ColumnProfile profile, int bins) {
        long n = profile.count();
        if (n == 0 || profile.integerRange() == null) {
            return null;
        }
        if (binning instanceof Binning.EqualCount && n < bins) {
            return null; // fewer customers than tiles: scored exactly by equalCount
        }
        Cuts cuts = binning instanceof Binning.Quantile ? quantileCuts(values, negate, profile, breakRanks(n, bins))
                : binning instanceof Binning.EqualCount ? equalCountCuts(values, negate, profile, tileStarts(n, bins))
                : null;
        return cuts == null || cuts.range == null ? null : cuts.tables(values.length);
    }

    /*
     * How ties are split without a per-customer rank. A customer's score is 1 + the number of tile starts at
     * or below their rank. Tile t starts at the customer of value c[t] whose rank is tileStarts[t]: customers
     * with values below c[t] are below it, those above are above, and of the customers equal to c[t], who take
     * consecutive ranks in input order from below[t] on, it counts for the (tileStarts[t] - below[t])-th one
     * and every later one. So tile t counts for value v if v > c[t], or if v == c[t] and the customer's index
     * is at least from[t], the index of that customer. Between consecutive from[] indices the rule is fixed:
     * the column is scored in at most bins segments with plain comparisons and no per-customer tie work.
     */

    /**
     * Index of the customer who is the {@code j}-th (0-based) in input order of the {@code equal} customers
     * with value {@code v}. With per-chunk value counts only the chunk that holds it is scanned, else the whole
     * column; either from whichever end is nearer.
     */
    private static int position(double[] values, boolean negate, double v, long j, long equal, ColumnProfile p) {
        double raw = negate ? -v : v;
        int[][] chunkCounts = p.chunkCounts();
        if (chunkCounts == null) {
            return position(values, raw, j, equal, 0, values.length);
        }
        int k = chunkCounts.length;
        for (int c = 0; c < k; c++) {
            int here = chunkCounts[c][(int) raw];
            if (j < here) {
                return position(values, raw, j, here, Chunks.start(values.length, c, k),
                        Chunks.start(values.length, c + 1, k));
            }
            j -= here;
        }
        throw new IllegalStateException("fewer than " + (j + 1) + " customers with value " + raw);
    }

    /** Index of the j-th of the {@code equal} values equal to {@code raw} in values[from, to). */
    private static int position(double[] values, double raw, long j, long equal, int from, int to) {
        long seen = 0;
        if (j < equal / 2) {
            for (int i = from; i < to; i++) {
                seen += values[i] == raw ? 1 : 0;
                if (seen > j) {
                    return i;
                }
            }
        } else {
            long fromEnd = equal - 1 - j;
            for (int i = to - 1; i >= from; i--) {
                seen += values[i] == raw ? 1 : 0;
                if (seen > fromEnd) {
                    return i;
                }
            }
        }
        throw new IllegalStateException("fewer than " + (j + 1) + " customers with value " + raw);
    }

    /** The segment boundaries: 0, the distinct from[] indices in order, and the column length. */
    private static int[] segments(int[] from, int length) {
        int[] b = Arrays.copyOf(from, from.length + 2);
        b[from.length] = 0;
        b[from.length + 1] = length;
        return Arrays.stream(b).filter(x -> x <= length).distinct().sorted().toArray();
    }

    /** Tile t counts for v if v &gt;= th[t]: c[t] once index from[t] is reached, the next double up before. */
    private static double[] thresholds(double[] c, int[] from, int index) {
        double[] th = new double[c.length];
        for (int t = 0; t < c.length; t++) {
            th[t] = index >= from[t] ? c[t] : Math.nextUp(c[t]);
        }
        return th;
    }

    private static int score(double v, double[] th) {
        int s = 1;
        for (double x : th) {
            s += v >= x ? 1 : 0;
        }
        return s;
    }

    /**
     * The cut values c[t] where scores change, and from[t], the first index at which a customer equal to c[t]
     * counts as having reached it; {@code range} is the column's whole-number range when it was counted, else null.
     */
    private record Cuts(boolean negate, double[] c, int[] from, double[] range) {
        /**
         * Scores every customer, in parallel chunks, each chunk segment by segment. Whole numbers in a small range
         * are scored by one table lookup each (the table fixed within a segment), others by comparisons.
         */
        void assign(double[] values, byte[] out) {
            if (range != null) {
                Tables tables = tables(values.length);
                Chunks.forEach(values.length, (start, end) -> tables.score(values, start, end, out));
                return;
            }
            int[] seg = segments(from, values.length);
            double[][] th = new double[seg.length - 1][];
            for (int k = 0; k < th.length; k++) {
                th[k] = thresholds(c, from, seg[k]);
            }
            Chunks.forEach(values.length, (start, end) -> {
                for (int k = 0; k < th.length; k++) {
                    int a = Math.max(start, seg[k]);
                    int b = Math.min(end, seg[k + 1]);
                    if (a < b) {
                        byComparisons(values, negate, th[k], a, b, out);
                    }
                }
            });
        }

        Tables tables(int length) {
            int[] seg = segments(from, length);
            byte[][] table = new byte[seg.length - 1][];
            double lo = negate ? -range[1] : range[0];
            for (int k = 0; k < table.length; k++) {
                double[] th = thresholds(c, from, seg[k]);
                table[k] = new byte[(int) (range[1] - range[0]) + 1];
                for (int x = 0; x < table[k].length; x++) {
                    table[k][x] = (byte) score(lo + x, th);
                }
            }
            return new Tables(negate, lo, seg, table);
        }
    }

    /**
     * Scores of a column of whole numbers by lookup: between consecutive segment starts {@code seg[k]} and
     * {@code seg[k + 1]} (at most bins segments, see above), value v scores {@code table[k][v - lo]} (v negated
     * first if asked); NaN scores 0.
     */
    record Tables(boolean negate, double lo, int[] seg, byte[][] table) {
        /** Scores {@code values[start, end)}. */
        void score(double[] values, int start, int end, byte[] out) {
            for (int k = 0; k < table.length; k++) {
                int a = Math.max(start, seg[k]);
                int b = Math.min(end, seg[k + 1]);
                if (a < b) {
                    byTable(values, negate, lo, table[k], a, b, out);
                }
            }
        }

        /** The segment holding index i. */
        int segmentOf(int i) {
            int k = 0;
            while (seg[k + 1] <= i) {
                k++;
            }
            return k;
        }
    }

    private static void byTable(double[] values, boolean negate, double lo, byte[] table, int a, int b, byte[] out) {
        for (int i = a; i < b; i++) {
            double raw = values[i];
            out[i] = raw != raw ? 0 : table[(int) ((negate ? -raw : raw) - lo)];
        }
    }

    private static void byComparisons(double[] values, boolean negate, double[] th, int a, int b, byte[] out) {
        if (th.length <= 4) {
            byFourComparisons(values, negate, th, a, b, out);
            return;
        }
        for (int i = a; i < b; i++) {
            double v = negate ? -values[i] : values[i];
            out[i] = (byte) (v != v ? 0 : score(v, th));
        }
    }

    /**
     * The same for up to four thresholds (five bins, the default) held in locals: the general loop over the
     * threshold array costs about twice as much per customer. Missing thresholds are NaN, which no value reaches.
     */
    private static void byFourComparisons(double[] values, boolean negate, double[] th, int a, int b, byte[] out) {
        double t0 = th.length > 0 ? th[0] : Double.NaN;
        double t1 = th.length > 1 ? th[1] : Double.NaN;
        double t2 = th.length > 2 ? th[2] : Double.NaN;
        double t3 = th.length > 3 ? th[3] : Double.NaN;
        double sign = negate ? -1 : 1;
        for (int i = a; i < b; i++) {
            double v = sign * values[i];
            int s = 1 + (v >= t0 ? 1 : 0) + (v >= t1 ? 1 : 0) + (v >= t2 ? 1 : 0) + (v >= t3 ? 1 : 0);
            out[i] = (byte) (v != v ? 0 : s);
        }
    }
}
