package org.tierlab.score;

/**
 * One chunk's profile of all three RFM columns for {@link RfmAbc}, in one pass: the count of every recency and
 * frequency value (small whole numbers, as {@link ColumnProfile} counts them) and the money's {@link MoneyScan}.
 * The pass also keeps what it worked out per customer, compactly, so that the assignment pass after it is table
 * lookups on 6 bytes per customer instead of conversions and bucket arithmetic on 24: each customer's recency and
 * frequency count slots, written into the int array that later receives the customer's ABC class (so the
 * assignment pass reads and overwrites the same memory, and no scratch array of 4 bytes per customer is
 * allocated), and their money code (0 for money &lt;= 0, else 1 + the money's bucket).
 *
 * @param recency how many customers have each recency 0..SMALL-1 (NaN at SMALL)
 * @param frequency the same for frequency
 * @param money the money's profile
 * @param moneyCodes per customer of the chunk, in order: 0 if money &lt;= 0, else 1 + its bucket
 */
record RfmScan(int[] recency, int[] frequency, MoneyScan money, char[] moneyCodes) {
    /** Bits of one count slot (0..SMALL) in {@link #slots}. */
    static final int SLOT_BITS = 14;

    /**
     * The scan of values {@code from..to}, or null at the first recency or frequency that is not a small whole
     * number or NaN (the columns are then scored one by one). Writes {@code slots[i]} for i in from..to: recency
     * slot | frequency slot &lt;&lt; {@value #SLOT_BITS}.
     */
    static RfmScan of(double[] recency, double[] frequency, double[] money, Buckets buckets, boolean checkWhole,
            int from, int to, int[] slots) {
        int[] rc = new int[ColumnProfile.SMALL + 1];
        int[] fc = new int[ColumnProfile.SMALL + 1];
        int[] counts = new int[buckets.count()];
        double[] sums = new double[buckets.count()];
        char[] moneyCodes = new char[to - from];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean whole = checkWhole;
        boolean bad = false;
        int nonPositive = 0;
        for (int i = from; i < to; i++) {
            int r = ColumnProfile.slot(recency[i]);
            int f = ColumnProfile.slot(frequency[i]);
            if ((r | f) < 0) {
                return null;
            }
            rc[r]++;
            fc[f]++;
            slots[i] = r | f << SLOT_BITS;
            // the money part is MoneyScan's loop body
            double v = money[i];
            bad |= v - v != 0;
            whole = whole && v == (double) (long) v;
            min = v < min ? v : min;
            max = v > max ? v : max;
            int b = buckets.index(v);
            counts[b]++;
            boolean positive = v > 0;
            sums[b] += positive ? v : 0.0;
            nonPositive += positive ? 0 : 1;
            moneyCodes[i - from] = (char) (positive ? b + 1 : 0);
        }
        ColumnProfile.Scanned scan = new ColumnProfile.Scanned(to - from, min, max, whole, counts);
        return new RfmScan(rc, fc, new MoneyScan(scan, bad, nonPositive, sums), moneyCodes);
    }
}
