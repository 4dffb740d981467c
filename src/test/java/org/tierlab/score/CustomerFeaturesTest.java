package org.tierlab.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Lazy columns: computed on first use, released on request, and models that hold one column at a time. */
class CustomerFeaturesTest {
    @Test
    void lazyColumnIsComputedOnceUntilReleased() {
        AtomicInteger calls = new AtomicInteger();
        CustomerFeatures f = CustomerFeatures.of(2).putLazy("x", () -> {
            calls.incrementAndGet();
            return new double[] {1, 2};
        });
        assertEquals(0, calls.get());
        double[] first = f.numeric("x");
        assertSame(first, f.numeric("x"));
        assertEquals(1, calls.get());
        f.release("x");
        assertArrayEquals(first, f.numeric("x"));
        assertEquals(2, calls.get());
        assertEquals(List.of("x"), f.numericNames());
    }

    @Test
    void releaseKeepsColumnsThatWereGiven() {
        double[] given = {3, 4};
        CustomerFeatures f = CustomerFeatures.of(2).putLazy("x", () -> new double[] {1, 2}).put("x", given);
        f.release("x");
        assertSame(given, f.numeric("x"));
    }

    /** A subset holds the chosen rows' values in the given order and names them as the whole set does. */
    @Test
    void subsetGathersTheRowsInOrderAndNamesThemAsTheWholeSet() {
        CustomerFeatures f = CustomerFeatures.of(4).put("x", new double[] {10, 11, 12, 13})
                .putCategorical("region", new int[] {0, 1, 1, 0}, List.of("north", "south"))
                .describedBy(i -> "row " + (i + 2));
        int[] rows = {9, 3, 0, 2};
        CustomerFeatures group = f.subset(rows, 1, 3);
        assertEquals(2, group.size());
        assertArrayEquals(new double[] {13, 10}, group.numeric("x"));
        assertArrayEquals(new int[] {0, 0}, group.categorical("region").codes());
        assertEquals(List.of("north", "south"), group.categorical("region").levels());
        assertEquals("row 5", group.describe(0), "the subset's first customer is customer 3 of the whole set");
        assertEquals(0, f.subset(rows, 2, 2).size());
        assertEquals(List.of("x"), f.subset(rows, 2, 2).numericNames());
    }

    /**
     * A lazy column is computed once for all the groups cut from a set and kept there until the set releases it;
     * a group's copy is made only when read and is freed by the group's release.
     */
    @Test
    void subsetsCopyColumnsOnFirstUseAndShareTheWholeSetsLazyColumn() {
        AtomicInteger calls = new AtomicInteger();
        CustomerFeatures f = CustomerFeatures.of(3).putLazy("x", () -> {
            calls.incrementAndGet();
            return new double[] {1, 2, 3};
        });
        int[] rows = {2, 0, 1};
        CustomerFeatures first = f.subset(rows, 0, 2);
        CustomerFeatures second = f.subset(rows, 2, 3);
        assertEquals(0, calls.get(), "nothing is computed before a group reads the column");
        double[] copy = first.numeric("x");
        assertArrayEquals(new double[] {3, 1}, copy);
        assertArrayEquals(new double[] {2}, second.numeric("x"));
        assertEquals(1, calls.get(), "both groups read the one cached column");
        first.release("x");
        double[] again = first.numeric("x");
        assertArrayEquals(copy, again);
        assertTrue(copy != again, "the released group copy is made anew");
        f.release("x");
        f.subset(rows, 0, 1).numeric("x");
        assertEquals(2, calls.get(), "released in the whole set, the column is computed again");
    }

    /** RFM and the weighted score give the same tiers from lazy columns, and leave none of them cached. */
    @Test
    void modelsReleaseLazyColumnsAndGiveTheSameTiers() {
        int n = 50_000;
        java.util.Random rnd = new java.util.Random(3);
        double[] r = new double[n];
        double[] fr = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = rnd.nextInt(365);
            fr[i] = 1 + rnd.nextInt(6);
            m[i] = rnd.nextDouble() * 500;
        }
        AtomicInteger calls = new AtomicInteger();
        for (TieringModel model : List.of(RfmModel.of(5, new Binning.Quantile(), null), WeightedScoreModel.of(List.of(
                new WeightedScoreModel.Factor(CustomerFeatures.FREQUENCY, 1, WeightedScoreModel.Normalisation.MINMAX),
                new WeightedScoreModel.Factor(CustomerFeatures.MONETARY, 2, WeightedScoreModel.Normalisation.ZSCORE)),
                new double[] {60, 30}, List.of("A", "B", "C")))) {
            CustomerFeatures eager = CustomerFeatures.of(n).put(CustomerFeatures.RECENCY, r)
                    .put(CustomerFeatures.FREQUENCY, fr).put(CustomerFeatures.MONETARY, m);
            CustomerFeatures lazy = CustomerFeatures.of(n);
            for (String name : List.of(CustomerFeatures.RECENCY, CustomerFeatures.FREQUENCY, CustomerFeatures.MONETARY)) {
                double[] column = eager.numeric(name);
                lazy.putLazy(name, () -> {
                    calls.incrementAndGet();
                    return column.clone();
                });
            }
            int[] expected = new int[n];
            int[] actual = new int[n];
            model.assign(eager, expected);
            model.assign(lazy, actual);
            assertArrayEquals(expected, actual);
            int before = calls.get();
            lazy.numeric(CustomerFeatures.FREQUENCY);
            assertEquals(before + 1, calls.get(), "the column was released after use, so it is computed again");
        }
    }
}
