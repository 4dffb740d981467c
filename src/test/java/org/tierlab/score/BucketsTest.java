package org.tierlab.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The histogram buckets keep value order, put equal values together and have exact lower edges. */
class BucketsTest {
    private static double[] values(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (r.nextInt(6)) {
                case 0 -> r.nextDouble() * 1000;
                case 1 -> -r.nextDouble() * 1e6;
                case 2 -> r.nextBoolean() ? 0.0 : -0.0;
                case 3 -> r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                case 4 -> Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL);
                default -> Math.round(r.nextDouble() * 1e5) / 100.0;
            };
        }
        return v;
    }

    @Test
    void orderIsTheNumericOrder() {
        double[] v = values(new SplittableRandom(1), 20_000);
        Arrays.sort(v);
        for (int i = 1; i < v.length; i++) {
            long a = Buckets.order(v[i - 1]);
            long b = Buckets.order(v[i]);
            assertTrue(v[i - 1] == v[i] ? a == b : a < b, v[i - 1] + " then " + v[i]);
            assertEquals(v[i] == 0 ? 0.0 : v[i], Buckets.value(b));
        }
    }

    @Test
    void bucketsAreMonotoneWithExactLowerEdges() {
        SplittableRandom r = new SplittableRandom(2);
        double[] column = values(r, 5_000);
        double[] narrow = new double[5_000];
        for (int i = 0; i < narrow.length; i++) {
            narrow[i] = 100 + r.nextDouble();
        }
        for (Buckets buckets : new Buckets[] {Buckets.all(), Buckets.sampled(column, false, false),
                Buckets.sampled(column, true, true), Buckets.sampled(narrow, false, false),
                Buckets.spanning(Buckets.order(-1), Buckets.order(1), 8), Buckets.spanning(0, Buckets.order(1), 8),
                Buckets.spanning(Buckets.order(0.5), Buckets.order(2), 64)}) {
            double[] v = values(r, 20_000);
            Arrays.sort(v);
            for (int i = 1; i < v.length; i++) {
                int a = buckets.index(v[i - 1]);
                int b = buckets.index(v[i]);
                assertTrue(a <= b && (v[i - 1] != v[i] || a == b), buckets + ": " + v[i - 1] + " then " + v[i]);
                assertTrue(b >= 0 && b < buckets.count());
                if (v[i] > 0 || buckets.lo() >= 0) {
                    assertEquals(b, buckets.indexOfPositive(v[i]), buckets + ": short index of " + v[i]);
                }
            }
            // buckets past the one of +inf hold no double
            for (int b = 1; b <= buckets.index(Double.POSITIVE_INFINITY); b++) {
                double edge = buckets.lowEdge(b);
                assertEquals(b, buckets.index(edge), buckets + " edge of " + b);
                assertEquals(b - 1, buckets.index(Math.nextDown(edge)), buckets + " below the edge of " + b);
            }
        }
    }

    @Test
    void aSampleOfANarrowRangeSpreadsItOverTheBuckets() {
        double[] narrow = new double[100_000];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < narrow.length; i++) {
            narrow[i] = 100 + r.nextDouble();
        }
        Buckets buckets = Buckets.sampled(narrow, false, false);
        int[] counts = new int[buckets.count()];
        for (double x : narrow) {
            counts[buckets.index(x)]++;
        }
        // evenly spread: 100,000 uniform values over at least half of the 4,096 buckets, none with 1 % of them
        assertTrue(Arrays.stream(counts).filter(c -> c > 0).count() > buckets.count() / 2, "buckets used");
        assertTrue(Arrays.stream(counts).max().getAsInt() < 1000, "largest bucket");
    }
}
