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
            Tiles.quantile(values, negate, ColumnProfile.of(values), bins, out);
        }
    }

    /**
     * Equal-count n-tiles, as SQL's {@code NTILE} and dplyr's {@code ntile} (which the R rfm package uses) make
     * them: customers ranked by value fill the tiles in order, each tile holding n / bins customers (rounded down),
     * and the n mod bins first tiles one more each; with fewer customers than tiles, one customer per tile from
     * the first. Ties are broken by input order (the earlier customer ranks lower), as over a stable sort; the
     * only rule here whose result depends on input order.
     */
    record EqualCount() implements Binning {
        /** The 0-based rank at which tile {@code t} (1-based; t = bins + 1 gives n) starts among n ranked values. */
        static long tileStart(int t, long n, int bins) {
            long size = n / bins;
            long larger = n % bins; // the first tiles, one customer more each
            return (t - 1) * size + Math.min(t - 1, larger);
        }

        /** The tile (1-based score) of the value at 0-based {@code rank} among n ranked values. */
        static int tileOf(long rank, long n, int bins) {
            long size = n / bins;
            long larger = n % bins;
            long inLarger = larger * (size + 1);
            return (int) (rank < inLarger ? 1 + rank / (size + 1) : 1 + larger + (rank - inLarger) / size);
        }

        @Override
        public void score(double[] values, int bins, byte[] out) {
            score(values, false, bins, out);
        }

        @Override
        public void scoreNegated(double[] values, int bins, byte[] out) {
            score(values, true, bins, out);
        }

        private void score(double[] values, boolean negate, int bins, byte[] out) {
            Tiles.equalCount(values, negate, ColumnProfile.of(values), bins, out);
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

    /** Score 1 + the number of breaks strictly below each value (NaN: 0), in parallel chunks. */
    private static void byBreaks(double[] values, double[] breaks, byte[] out) {
        Chunks.forEach(values.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                double v = values[i];
                int s = 1;
                for (double b : breaks) {
                    s += v > b ? 1 : 0;
                }
                out[i] = (byte) (v != v ? 0 : s);
            }
        });
    }
}
