package org.tierlab.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The count slot of a value, which the counting passes compute without a double-to-int conversion. */
class ColumnProfileTest {
    /** The definition the fast slot must agree with. */
    private static int plainSlot(double v) {
        if (Double.isNaN(v)) {
            return ColumnProfile.SMALL;
        }
        return v >= 0 && v < ColumnProfile.SMALL && v == Math.rint(v) ? (int) v : -1;
    }

    @Test
    void slotIsTheWholeNumberItselfNanIsSmallAndEverythingElseIsRefused() {
        double[] edges = {0.0, -0.0, 1, 2, 8191, 8192, 8193, -1, -0.5, 0.5, 1.5, 2.5, 8191.5, 1e-300, -1e-300,
            Double.MIN_VALUE, 0x1p52, 0x1p52 + 2, 0x1p53, -0x1p52, -0x1p52 - 1, 0x1p52 - 0.5, 1e300, -1e300,
            Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
            Double.longBitsToDouble(0x7ff8000000000123L), Math.nextUp(1.0), Math.nextDown(8191.0)};
        for (double v : edges) {
            assertEquals(plainSlot(v), ColumnProfile.slot(v), "slot of " + v);
        }
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (r.nextInt(4)) {
                case 0 -> r.nextInt(-100, 9000);
                case 1 -> r.nextInt(-100, 9000) + r.nextDouble();
                case 2 -> Double.longBitsToDouble(r.nextLong());
                default -> r.nextInt(9000) * Math.scalb(1.0, r.nextInt(-3, 4));
            };
            assertEquals(plainSlot(v), ColumnProfile.slot(v), "slot of " + v);
        }
    }
}
