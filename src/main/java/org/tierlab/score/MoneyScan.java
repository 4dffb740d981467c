package org.tierlab.score;

/**
 * One chunk's profile of a money column for {@link RfmAbc}, made by {@link RfmScan}'s pass: what
 * {@link ColumnProfile} gathers for the monetary score (count, range, wholeness, bucket counts) and what
 * {@link ShareCuts} gathers for ABC (the sum of the positive values per bucket). The buckets are fitted to the
 * positive values, so every value &lt;= 0 falls in bucket 0; counting those apart gives ABC its counts of
 * positive values.
 *
 * @param scan count, range, wholeness and bucket counts of the chunk's values, as {@link ColumnProfile} has them
 * @param bad some value is NaN or infinite: nothing else here is meaningful then
 * @param nonPositive values &lt;= 0 (all in bucket 0)
 * @param sums sum of the positive values per bucket
 */
record MoneyScan(ColumnProfile.Scanned scan, boolean bad, int nonPositive, double[] sums) {
    /** Values &gt; 0 per bucket, as ABC counts them. */
    int[] positiveCounts() {
        int[] positive = scan.buckets().clone();
        positive[0] -= nonPositive;
        return positive;
    }
}
