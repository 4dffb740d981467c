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
     * Quantile breaks where tied values always share a score (the default). With the values sorted ascending,
     * break j (j = 1..bins-1) is the value at rank ceil(j * n / bins); a value's score is 1 + the number of
     * breaks strictly below it. When many customers tie, some scores stay empty rather than splitting a tie.
     */
    record Quantile() implements Binning {
        @Override
        public void score(double[] values, int bins, byte[] out) {
            long n = countFinite(values);
            if (n == 0) {
                java.util.Arrays.fill(out, (byte) 0);
                return;
            }
            long[] ranks = new long[bins - 1];
            for (int j = 1; j < bins; j++) {
                ranks[j - 1] = Math.max(0, (long) Math.ceil((double) j * n / bins) - 1);
            }
            byBreaks(values, OrderStatistics.atRanks(values, false, ranks).value(), out);
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
            OrderStatistics.Cuts cuts = OrderStatistics.atRanks(values, false, ranks);
            double[] c = cuts.value();
            long[] seen = new long[c.length];
            for (int i = 0; i < values.length; i++) {
                double v = values[i];
                if (v != v) {
                    out[i] = 0;
                    continue;
                }
                int s = 1;
                int tie = -1;
                for (int t = 0; t < c.length; t++) {
                    if (v > c[t]) {
                        s++;
                    } else if (v == c[t] && tie < 0) {
                        tie = t;
                    }
                }
                if (tie >= 0) {
                    long rank = cuts.below()[tie] + seen[tie]++;
                    s = (int) (1 + rank * bins / n);
                }
                out[i] = (byte) s;
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
