package org.tierlab.score;

/** Input checks shared by the models: a clear error instead of a silently wrong tier. */
final class Columns {
    private Columns() {
    }

    /** The column, checked to hold only finite values (and no negative ones unless allowed). */
    static double[] finite(CustomerFeatures f, String name, boolean allowNegative) {
        double[] v = f.numeric(name);
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("feature '" + name + "' of customer #" + (i + 1) + " is " + x
                        + "; expected a finite number");
            }
            if (!allowNegative && x < 0) {
                throw new IllegalArgumentException("feature '" + name + "' of customer #" + (i + 1) + " is " + x
                        + "; expected a number >= 0");
            }
        }
        return v;
    }
}
