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
            double[] sorted = finiteSorted(values);
            double[] breaks = new double[bins - 1];
            int n = sorted.length;
            for (int j = 1; j < bins; j++) {
                breaks[j - 1] = n == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil((double) j * n / bins) - 1)];
            }
            byBreaks(values, breaks, out);
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
            int n = 0;
            for (double v : values) {
                if (!Double.isNaN(v)) {
                    n++;
                }
            }
            long[] keyed = new long[n];
            int k = 0;
            for (int i = 0; i < values.length; i++) {
                if (!Double.isNaN(values[i])) {
                    keyed[k++] = i;
                }
            }
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                order[j] = (int) keyed[j];
            }
            Arrays.sort(order, (a, b) -> {
                int c = Double.compare(values[a], values[b]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            Arrays.fill(out, (byte) 0);
            for (int rank = 0; rank < n; rank++) {
                out[order[rank]] = (byte) (1 + (long) rank * bins / n);
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

    private static double[] finiteSorted(double[] values) {
        double[] copy = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                copy[n++] = v;
            }
        }
        double[] sorted = Arrays.copyOf(copy, n);
        Arrays.sort(sorted);
        return sorted;
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
