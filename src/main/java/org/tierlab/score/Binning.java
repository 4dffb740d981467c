package org.tierlab.score;

import java.util.Arrays;

/**
 * How a numeric column is cut into scores 1..bins (1 = lowest values). A closed set of three rules, because
 * users disagree and the choice matters when many customers tie.
 */
public sealed interface Binning {
    /**
     * Writes raw scores 1..bins for {@code values} (NaN values get score 0: "no value").
     */
    void score(double[] values, int bins, byte[] out);

    /**
     * Scores {@code -values} without materialising the negated column (recency: more recent is better).
     * Custom breaks do not support this; callers reverse those scores themselves.
     */
    default void scoreNegated(double[] values, int bins, byte[] out) {
        double[] negated = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            negated[i] = -values[i];
        }
        score(negated, bins, out);
    }

    /**
     * Quantile breaks where tied values always share a score (the default). With the values sorted ascending,
     * break j (j = 1..bins-1) is the value at rank ceil(j * n / bins); a value's score is 1 + the number of
     * breaks strictly below it. When many customers tie, some scores stay empty rather than splitting a tie.
     */
    record Quantile() implements Binning {
        @Override
        public void score(double[] values, int bins, byte[] out) {
            score(values, false, bins, out);
        }

        @Override
        public void scoreNegated(double[] values, int bins, byte[] out) {
            score(values, true, bins, out);
        }

        private void score(double[] values, boolean negate, int bins, byte[] out) {
            OrderStatistics.Scan scan = OrderStatistics.scan(values);
            long n = scan.count();
            if (n == 0) {
                java.util.Arrays.fill(out, (byte) 0);
                return;
            }
            long[] ranks = new long[bins - 1];
            for (int j = 1; j < bins; j++) {
                ranks[j - 1] = Math.max(0, (long) Math.ceil((double) j * n / bins) - 1);
            }
            double[] breaks = OrderStatistics.atRanks(values, negate, ranks, scan).value();
            if (negate) {
                // -v > b  <=>  v < -b
                for (int i = 0; i < values.length; i++) {
                    double v = values[i];
                    int sc = 0;
                    if (v == v) {
                        sc = 1;
                        for (double b : breaks) {
                            if (-v > b) {
                                sc++;
                            }
                        }
                    }
                    out[i] = (byte) sc;
                }
            } else {
                byBreaks(values, breaks, out);
            }
        }
    }

    /**
     * Equal-count n-tiles: customers ranked by value get scores by rank, 1 + floor(rank * bins / n), so every
     * score holds n / bins customers. Ties are broken by input order (the earlier customer ranks lower), as SQL's
     * NTILE over a stable sort does; the only rule here whose result depends on input order.
     */
    record EqualCount() implements Binning {
        @Override
        public void score(double[] values, int bins, byte[] out) {
            score(values, false, bins, out);
        }

        @Override
        public void scoreNegated(double[] values, int bins, byte[] out) {
            score(values, true, bins, out);
        }

        private void score(double[] values, boolean negate, int bins, byte[] out) {
            OrderStatistics.Scan scan = OrderStatistics.scan(values);
            long n = scan.count();
            if (n == 0) {
                java.util.Arrays.fill(out, (byte) 0);
                return;
            }
            // the value at the first rank of each tile, and how many values lie below it
            long[] tileStarts = new long[bins - 1];
            for (int t = 1; t < bins; t++) {
                tileStarts[t - 1] = Math.min(n - 1, (long) Math.ceil((double) t * n / bins));
            }
            OrderStatistics.Cuts cuts = OrderStatistics.atRanks(values, negate, tileStarts, scan);
            double[] c = cuts.value();
            int[] from = new int[c.length];
            for (int t = 0; t < c.length; t++) {
                // j == 0: the tile starts at the group's first customer, the same as from index 0
                long j = tileStarts[t] - cuts.below()[t];
                from[t] = j == 0 ? 0 : cuts.holder() != null ? cuts.holder()[t]
                        : position(values, negate, c[t], j, cuts.equal()[t]);
            }
            if (cuts.integerRange() != null) {
                scoreByTable(values, negate, c, from, cuts.integerRange(), out);
            } else {
                scoreByComparisons(values, negate, c, from, out);
            }
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
         * with value {@code v}: scanned from whichever end is nearer.
         */
        private static int position(double[] values, boolean negate, double v, long j, long equal) {
            long seen = 0;
            if (j < equal / 2) {
                for (int i = 0; i < values.length; i++) {
                    seen += (negate ? -values[i] : values[i]) == v ? 1 : 0;
                    if (seen > j) {
                        return i;
                    }
                }
            } else {
                long fromEnd = equal - 1 - j;
                for (int i = values.length - 1; i >= 0; i--) {
                    seen += (negate ? -values[i] : values[i]) == v ? 1 : 0;
                    if (seen > fromEnd) {
                        return i;
                    }
                }
            }
            throw new IllegalStateException("fewer than " + (j + 1) + " customers with value " + v);
        }

        /** The segment boundaries: 0, the distinct from[] indices in order, and the column length. */
        private static int[] segments(int[] from, int length) {
            int[] b = Arrays.copyOf(from, from.length + 2);
            b[from.length] = 0;
            b[from.length + 1] = length;
            return Arrays.stream(b).distinct().sorted().toArray();
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

        private static void scoreByComparisons(double[] values, boolean negate, double[] c, int[] from, byte[] out) {
            int[] seg = segments(from, values.length);
            for (int k = 0; k + 1 < seg.length; k++) {
                double[] th = thresholds(c, from, seg[k]);
                for (int i = seg[k]; i < seg[k + 1]; i++) {
                    double v = negate ? -values[i] : values[i];
                    out[i] = (byte) (v != v ? 0 : score(v, th));
                }
            }
        }

        /** Whole numbers in a small range: one table lookup per customer, the table fixed within a segment. */
        private static void scoreByTable(double[] values, boolean negate, double[] c, int[] from, double[] range,
                byte[] out) {
            double lo = negate ? -range[1] : range[0];
            int size = (int) (range[1] - range[0]) + 1;
            byte[] table = new byte[size];
            int[] seg = segments(from, values.length);
            for (int k = 0; k + 1 < seg.length; k++) {
                double[] th = thresholds(c, from, seg[k]);
                for (int x = 0; x < size; x++) {
                    table[x] = (byte) score(lo + x, th);
                }
                for (int i = seg[k]; i < seg[k + 1]; i++) {
                    double raw = values[i];
                    out[i] = raw != raw ? 0 : table[(int) ((negate ? -raw : raw) - lo)];
                }
            }
        }
    }

    /** User-given breaks (bins - 1 ascending values); a value's score is 1 + the number of breaks below it. */
    record Custom(double[] breaks) implements Binning {
        /** Checks the breaks ascend strictly. */
        public Custom {
            breaks = breaks.clone();
            for (int j = 1; j < breaks.length; j++) {
                if (!(breaks[j] > breaks[j - 1])) {
                    throw new IllegalArgumentException("custom breaks must increase strictly: " + Arrays.toString(breaks));
                }
            }
        }

        @Override
        public void score(double[] values, int bins, byte[] out) {
            if (breaks.length != bins - 1) {
                throw new IllegalArgumentException(bins + " bins need " + (bins - 1) + " breaks, found " + breaks.length);
            }
            byBreaks(values, breaks, out);
        }
    }

    private static void byBreaks(double[] values, double[] breaks, byte[] out) {
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                out[i] = 0;
                continue;
            }
            int s = 1;
            for (double b : breaks) {
                if (v > b) {
                    s++;
                }
            }
            out[i] = (byte) s;
        }
    }
}
