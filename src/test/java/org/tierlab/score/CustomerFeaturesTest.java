package org.tierlab.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
