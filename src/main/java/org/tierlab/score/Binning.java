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
            long n = countFinite(values);
            if (n == 0) {
                java.util.Arrays.fill(out, (byte) 0);
                return;
            }
            long[] ranks = new long[bins - 1];
            for (int j = 1; j < bins; j++) {
                ranks[j - 1] = Math.max(0, (long) Math.ceil((double) j * n / bins) - 1);
            }
            double[] breaks = OrderStatistics.atRanks(values, negate, ranks).value();
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
            long n = countFinite(values);
            if (n == 0) {
                java.util.Arrays.fill(out, (byte) 0);
                return;
            }
            // the value at the first rank of each tile, and how many values lie below it
            long[] ranks = new long[bins - 1];
            for (int t = 1; t < bins; t++) {
                ranks[t - 1] = Math.min(n - 1, (long) Math.ceil((double) t * n / bins));
            }
            OrderStatistics.Cuts cuts = OrderStatistics.atRanks(values, negate, ranks);
            TieWalk ties = new TieWalk(cuts, ranks, bins);
            double[] c = cuts.value();
            if (cuts.integerRange() != null && c.length > 0) {
                scoreByTable(values, negate, c, cuts.integerRange(), ties, out);
                return;
            }
            for (int i = 0; i < values.length; i++) {
                double v = negate ? -values[i] : values[i];
                // branch-free comparisons: with random data, branches here would mispredict constantly
                int s = 1;
                boolean tie = false;
                for (double cut : c) {
                    s += v > cut ? 1 : 0;
                    tie |= v == cut;
                }
                if (v != v) {
                    s = 0;
                } else if (tie) {
                    s = ties.next(firstEqual(c, v));
                }
                out[i] = (byte) s;
            }
        }

        private static int firstEqual(double[] c, double v) {
            int t = 0;
            while (c[t] != v) {
                t++;
            }
            return t;
        }

        /** Whole numbers in a small range: one table lookup per customer gives the score or its tie group. */
        private static void scoreByTable(double[] values, boolean negate, double[] c, double[] range, TieWalk ties,
                byte[] out) {
            double lo = negate ? -range[1] : range[0];
            int size = (int) (range[1] - range[0]) + 1;
            int[] table = new int[size];
            for (int k = 0; k < size; k++) {
                double v = lo + k;
                int s = 1;
                int tie = -1;
                for (int t = 0; t < c.length; t++) {
                    s += v > c[t] ? 1 : 0;
                    if (v == c[t] && tie < 0) {
                        tie = t;
                    }
                }
                table[k] = tie >= 0 ? TIE_BASE + tie : s;
            }
            for (int i = 0; i < values.length; i++) {
                double raw = values[i];
                if (raw != raw) {
                    out[i] = 0;
                    continue;
                }
                int x = table[(int) ((negate ? -raw : raw) - lo)];
                out[i] = (byte) (x >= TIE_BASE ? ties.next(x - TIE_BASE) : x);
            }
        }
    }

    /** Table entries at or above this mark a tie group rather than a score. */
    int TIE_BASE = 1000;

    /**
     * The scores of customers whose value equals a tile's first value: in input order they take consecutive
     * ranks from the number of smaller values on, and the score steps up each time a rank reaches the next
     * tile's first rank. No division per customer.
     */
    final class TieWalk {
        private final long[] rank;
        private final int[] score;
        /** Customers of the tie group still to come before its score steps up (a countdown, no division). */
        private final long[] untilStep;
        private final long[] tileStarts;

        TieWalk(OrderStatistics.Cuts cuts, long[] tileStarts, int bins) {
            this.tileStarts = tileStarts;
            int k = cuts.value().length;
            rank = cuts.below().clone();
            score = new int[k];
            untilStep = new long[k];
            for (int t = 0; t < k; t++) {
                settle(t);
            }
        }

        /** Sets the score for the current rank and how many ranks it lasts. */
        private void settle(int t) {
            int s = 1;
            while (s - 1 < tileStarts.length && tileStarts[s - 1] <= rank[t]) {
                s++;
            }
            score[t] = s;
            untilStep[t] = s - 1 < tileStarts.length ? tileStarts[s - 1] - rank[t] : Long.MAX_VALUE;
        }

        int next(int t) {
            if (untilStep[t] == 0) {
                settle(t);
            }
            untilStep[t]--;
            rank[t]++;
            return score[t];
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

    private static long countFinite(double[] values) {
        long n = 0;
        for (double v : values) {
            if (v == v) {
                n++;
            }
        }
        return n;
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
