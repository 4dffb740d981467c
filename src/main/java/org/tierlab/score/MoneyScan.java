package org.tierlab.score;

import java.util.List;

/**
 * One chunk's profile of a money column for {@link RfmAbc}, made by {@link RfmScan}'s pass: what
 * {@link ColumnProfile} gathers for the monetary score (count, range, wholeness, bucket counts) and what
 * {@link ShareCuts} gathers for ABC (the sum of the positive values per bucket). The buckets are fitted to the positive values, so every value
 * &lt;= 0 falls in bucket 0; counting those apart gives ABC its counts of positive values.
 *
 * @param count values in the chunk
 * @param min smallest value
 * @param max largest value
 * @param whole all values are whole numbers (false at once if the sample showed a fraction)
 * @param bad some value is NaN or infinite: nothing else here is meaningful then
 * @param nonPositive values &lt;= 0 (all in bucket 0)
 * @param counts values per bucket
 * @param sums sum of the positive values per bucket
 */
record MoneyScan(long count, double min, double max, boolean whole, boolean bad, int nonPositive, int[] counts,
        double[] sums) {

    /** Values &gt; 0 per bucket, as ABC counts them. */
    int[] positiveCounts() {
        int[] positive = counts.clone();
        positive[0] -= nonPositive;

        return positive;
    }

    /** The monetary column's profile from every chunk's scan (none bad), in chunk order. */
    static ColumnProfile profile(List<MoneyScan> parts, Buckets buckets) {
        long n = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean whole = true;
        for (MoneyScan p : parts) {
            n += p.count;
            min = Math.min(min, p.min);
            max = Math.max(max, p.max);
            whole &= p.whole;
        }
        return new ColumnProfile(n, 0, min, max, whole, null, null, buckets, parts.stream().map(MoneyScan::counts).toList());
    }
}
