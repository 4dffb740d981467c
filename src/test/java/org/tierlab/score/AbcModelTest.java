package org.tierlab.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AbcModelTest extends TieringModelContract {
    @Override
    TieringModel model() {
        return AbcModel.of(CustomerFeatures.MONETARY, new double[] {0.8, 0.15, 0.05}, null);
    }

    private static int[] classes(double[] shares, double... values) {
        int[] out = new int[values.length];
        AbcModel.of("v", shares, null).assign(Fixtures.of("v", values), out);
        return out;
    }

    @Test
    void defaultClassNamesGoOnPastZAsSpreadsheetColumns() {
        double[] shares = new double[703];
        java.util.Arrays.fill(shares, 1.0 / shares.length);
        shares[0] += 1 - java.util.Arrays.stream(shares).sum();
        java.util.List<String> names = AbcModel.of("v", shares, null).tierNames();
        assertEquals(java.util.List.of("A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"), java.util.List.of(
                names.get(0), names.get(1), names.get(25), names.get(26), names.get(27), names.get(51), names.get(52),
                names.get(701), names.get(702)));
        assertEquals(names.size(), new java.util.HashSet<>(names).size(), "no two classes share a name");
    }

    @Test
    void handComputedClasses() {
        // total 100; ranked 50, 30, 10, 5, 5. Running share before each: 0, 50, 80, 90, 95.
        // A while the share before is < 80: 50, 30. Then B while < 95: 10, 5 (the first 5, but its tie goes
        // with it). C: nothing left after the tie. So [A, A, B, B, B].
        assertArrayEquals(new int[] {0, 0, 1, 1, 1}, classes(new double[] {0.8, 0.15, 0.05}, 50, 30, 10, 5, 5));
        // the customer who crosses the bound belongs to the class where its share starts: 70 starts at 0
        assertArrayEquals(new int[] {0, 1, 2}, classes(new double[] {0.6, 0.3, 0.1}, 70, 25, 5));
    }

    @Test
    void tiesNeverSplitAcrossClasses() {
        double[] v = new double[100];
        java.util.Arrays.fill(v, 10);
        int[] out = classes(new double[] {0.8, 0.15, 0.05}, v);
        for (int c : out) {
            assertTrue(c == 0, "all tied customers share the first class");
        }
    }

    @Test
    void zeroAndNegativeValuesAreInTheLastClass() {
        assertArrayEquals(new int[] {0, 2, 2, 1}, classes(new double[] {0.5, 0.3, 0.2}, 60, 0, -20, 40));
    }

    @Test
    void badInputIsAClearError() {
        assertThrows(IllegalArgumentException.class, () -> classes(new double[] {0.8, 0.15, 0.05}, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> AbcModel.of("v", new double[] {0.8, 0.1}, null));
        assertThrows(IllegalArgumentException.class, () -> AbcModel.of("v", new double[] {1.2, -0.2}, null));
    }
}
