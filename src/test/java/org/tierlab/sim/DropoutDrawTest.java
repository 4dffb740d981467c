package org.tierlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The BG dropout draw by repeated multiplication against the closed-form geometric inversion it replaces. */
class DropoutDrawTest {
    /** Geometric(p) by inversion: 1 + floor(log(1 - u) / log(1 - p)), capped at "never" when beyond n. */
    private static int closedForm(double u, double p, int n) {
        if (p >= 1) {
            return n >= 1 ? 1 : Integer.MAX_VALUE;
        }
        if (p <= 0) {
            return Integer.MAX_VALUE;
        }
        double k = 1 + Math.floor(Math.log1p(-u) / Math.log1p(-p));
        return k <= n ? (int) k : Integer.MAX_VALUE;
    }

    @Test
    void agreesWithTheClosedFormInversion() {
        SplittableRandom r = new SplittableRandom(11);
        int disagreements = 0;
        for (int trial = 0; trial < 200_000; trial++) {
            double u = (r.nextLong() >>> 11) * 0x1.0p-53;
            double p = trial % 50 == 0 ? 1.3 : trial % 49 == 0 ? 0 : Math.pow(r.nextDouble(), 3);
            int n = r.nextInt(8);
            int expected = closedForm(u, p, n);
            int actual = Simulation.purchasesUntilDropout(u, p, n);
            if (expected != actual) {
                // the two can differ only where u lies within rounding of a step of the inverse CDF
                double step = 1 - Math.pow(1 - p, Math.min(expected, actual));
                assertEquals(step, u, 1e-12, "u " + u + ", p " + p + ", n " + n);
                disagreements++;
            }
        }
        assertEquals(0, disagreements, "no draw lands within rounding of a step with this seed");
    }
}
