package org.tierlab.score;

/** Input checks shared by the models: a clear error instead of a silently wrong tier. */
final class Columns {
    private Columns() {
    }

    /**
     * The column, checked to hold only finite values (and no negative ones unless allowed). Checked in parallel
     * chunks; the error names the first bad customer of the whole column.
     */
    static double[] finite(CustomerFeatures f, String name, boolean allowNegative) {
        double[] v = f.numeric(name);
        boolean count = isCount(name);
        for (int i : Chunks.map(v.length, (c, from, to) -> firstBad(v, from, to, allowNegative && !count, count))) {
            if (i < 0) {
                continue;
            }
            double x = v[i];
            if (Double.isNaN(x)) {
                // no value: the reader says how (an empty cell of a table names its line and column)
                throw new IllegalArgumentException(f.describeMissing(name, i) + "; expected a number");
            }
            throw new IllegalArgumentException("feature '" + name + "' of " + f.describe(i) + " is " + x
                    + (count ? "; expected a whole number >= 0 (a count of purchases)"
                            : Double.isFinite(x) ? "; expected a number >= 0" : "; expected a finite number"));
        }
        return v;
    }

    /**
     * Whether the feature is a count (frequency: purchases), which every model reading it takes as a whole number
     * &gt;= 0 whatever it allows for other columns: 2.5 purchases or -1 would be scored as if they were counts.
     */
    static boolean isCount(String name) {
        return CustomerFeatures.FREQUENCY.equals(name);
    }

    /**
     * The column's {@link ColumnProfile}, which is also its input check: only when the profile shows a NaN, an
     * infinite value, (unless allowed) a negative one, or in a count a fraction, is the column searched for the first
     * bad customer to name.
     * One pass instead of a check and then a profile.
     */
    static ColumnProfile profile(CustomerFeatures f, String name, boolean allowNegative) {
        ColumnProfile p = ColumnProfile.of(f.numeric(name));
        boolean count = isCount(name);
        if (p.nan() > 0 || p.hasInfinity() || (!allowNegative || count) && p.min() < 0 || count && !p.whole()) {
            finite(f, name, allowNegative); // throws, naming the first bad customer
        }
        return p;
    }

    private static int firstBad(double[] v, int from, int to, boolean allowNegative, boolean whole) {
        for (int i = from; i < to; i++) {
            double x = v[i];
            // x - x is 0 for finite x, NaN for NaN and infinities
            if (x - x != 0 || !allowNegative && x < 0 || whole && x != Math.rint(x)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The 0/1 flag column (lead, churned), checked: an empty cell or a value other than 0 or 1 is an error naming
     * the first such customer. Read as "set", it would silently make a customer a lead or gone.
     */
    static double[] flags(CustomerFeatures f, String name) {
        double[] v = f.numeric(name);
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                throw new IllegalArgumentException(f.describeMissing(name, i) + "; expected 0 (no) or 1 (yes)");
            }
            if (v[i] != 0 && v[i] != 1) {
                throw new IllegalArgumentException("feature '" + name + "' of " + f.describe(i) + " is " + v[i]
                        + "; expected 0 (no) or 1 (yes)");
            }
        }
        return v;
    }

    /**
     * The recency column, checked: days since the last purchase are finite and never negative; NaN (an empty cell)
     * is allowed, a customer who never bought.
     */
    static double[] recency(CustomerFeatures f) {
        double[] recency = f.numeric(CustomerFeatures.RECENCY);
        for (int i = 0; i < recency.length; i++) {
            double v = recency[i];
            if (v < 0 || Double.isInfinite(v)) {
                throw new IllegalArgumentException("feature 'recency' of " + f.describe(i) + " is " + v
                        + "; expected days >= 0 (or empty for never)");
            }
        }
        return recency;
    }
}
