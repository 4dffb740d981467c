package org.tierlab.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TieringModel} must keep; each model's test class extends this (as jenetics'
 * SelectorTester does for selectors). Subclasses say how to build the model and its input.
 */
abstract class TieringModelContract {
    /** The model under test. */
    abstract TieringModel model();

    /** A realistic input of {@code n} customers: heavy ties (about 40 % with frequency 1), whole-day recency. */
    CustomerFeatures features(int n, long seed) {
        return Fixtures.customers(n, seed);
    }

    /** True if the model's result may depend on input order for tied values (documented tie-breaks). */
    boolean orderDependentTies() {
        return false;
    }

    @Test
    void everyCustomerGetsExactlyOneValidTier() {
        CustomerFeatures f = features(2000, 1);
        int[] out = new int[f.size()];
        java.util.Arrays.fill(out, -7);
        model().assign(f, out);
        int tiers = model().tierNames().size();
        for (int t : out) {
            assertTrue(t >= 0 && t < tiers, "tier " + t + " outside 0.." + (tiers - 1));
        }
    }

    /** The interface promises the first size() entries: a caller may pass a longer array it reuses. */
    @Test
    void writesOnlyTheFirstSizeEntries() {
        CustomerFeatures f = features(700, 5);
        int[] exact = new int[f.size()];
        model().assign(f, exact);
        int[] longer = new int[f.size() + 3];
        java.util.Arrays.fill(longer, -7);
        model().assign(features(700, 5), longer);
        assertArrayEquals(exact, java.util.Arrays.copyOf(longer, f.size()));
        assertArrayEquals(new int[] {-7, -7, -7}, java.util.Arrays.copyOfRange(longer, f.size(), f.size() + 3));
    }

    @Test
    void tierNamesAreDistinctAndStable() {
        List<String> names = model().tierNames();
        assertEquals(names.size(), names.stream().distinct().count(), "duplicate tier names " + names);
        assertEquals(names, model().tierNames());
    }

    @Test
    void deterministic() {
        CustomerFeatures f = features(1500, 2);
        int[] a = new int[f.size()];
        int[] b = new int[f.size()];
        model().assign(f, a);
        model().assign(features(1500, 2), b);
        assertArrayEquals(a, b);
    }

    @Test
    void invariantToInputOrder() {
        if (orderDependentTies()) {
            return;
        }
        int n = 1200;
        CustomerFeatures f = features(n, 3);
        int[] perm = permutation(n, 99);
        CustomerFeatures shuffled = Fixtures.permute(f, perm);
        int[] a = new int[n];
        int[] b = new int[n];
        model().assign(f, a);
        model().assign(shuffled, b);
        for (int j = 0; j < n; j++) {
            assertEquals(a[perm[j]], b[j], "customer " + perm[j] + " changed tier when the input was reordered");
        }
    }

    @Test
    void emptyInputAndOneCustomer() {
        model().assign(Fixtures.permute(features(5, 4), new int[0]), new int[0]);
        CustomerFeatures one = Fixtures.permute(features(5, 4), new int[] {2});
        int[] out = {-1};
        model().assign(one, out);
        assertTrue(out[0] >= 0 && out[0] < model().tierNames().size());
    }

    static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
