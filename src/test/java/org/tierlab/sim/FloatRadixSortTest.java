package org.tierlab.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The radix sort gives exactly the order of Arrays.sort, ties, signed zeros and NaN included. */
class FloatRadixSortTest {
    @Test
    void sameOrderAsArraysSort() {
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 20; trial++) {
            int n = r.nextInt(50_000);
            float[] a = new float[n + 3];
            for (int i = 0; i < n; i++) {
                a[i] = switch (r.nextInt(6)) {
                    case 0 -> (float) r.nextInt(20); // heavy ties
                    case 1 -> -(float) (r.nextDouble() * 1e6);
                    case 2 -> r.nextBoolean() ? 0.0f : -0.0f;
                    case 3 -> r.nextInt(100) == 0 ? Float.NaN : Float.MIN_VALUE * r.nextInt(5);
                    case 4 -> r.nextBoolean() ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
                    default -> (float) (r.nextDouble() * 1e9);
                };
            }
            a[n] = 7; // beyond n: left alone
            float[] expected = a.clone();
            Arrays.sort(expected, 0, n);
            int[] keys = new int[n + 3];
            for (int i = 0; i < n; i++) {
                keys[i] = FloatRadixSort.key(a[i]);
            }
            FloatRadixSort.sortKeys(keys, n);
            for (int i = 0; i < n; i++) {
                a[i] = FloatRadixSort.value(keys[i]);
            }
            assertArrayEquals(expected, a);
        }
    }
}
