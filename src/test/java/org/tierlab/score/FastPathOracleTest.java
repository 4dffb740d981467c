package org.tierlab.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The linear-time scoring paths (radix-histogram order statistics) against plain sort-based reference
 * implementations of the same documented rules, on random columns with heavy ties, narrow ranges (many values
 * in one histogram bucket), values far outside the range the histogram buckets were fitted to, signed zeros,
 * negative values and NaN.
 */
class FastPathOracleTest {
    static double[] column(SplittableRandom r, int n, int kind) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (kind) {
                case 0 -> r.nextDouble() < 0.4 ? 1 : 2 + r.nextInt(20);               // frequency, heavy ties
                case 1 -> r.nextInt(730);                                            // recency in whole days
                case 2 -> Math.round(r.nextDouble() * 1e5) / 100.0;                  // money, cents
                case 3 -> 1000 + r.nextDouble() * 1e-9;                              // all in one bucket
                case 5 -> r.nextDouble() < 0.05 ? Double.NaN : r.nextInt(20_000);    // days beyond the counted range
                case 6 -> outlier(r, 100 + r.nextDouble() * 100);                    // extremes a sample misses
                case 7 -> r.nextDouble() < 0.3 ? (r.nextBoolean() ? 0.0 : -0.0) : r.nextDouble() * 1e-300;
                default -> r.nextDouble() < 0.2 ? -r.nextInt(50) : r.nextInt(400);   // profit with losses
            };
        }
        return v;
    }

    /** x, or rarely a value far outside the range of the others, so that it lies beyond any sample of them. */
    private static double outlier(SplittableRandom r, double x) {
        double u = r.nextDouble();
        return u < 0.001 ? x * 1e6 : u < 0.002 ? x * 1e-6 : u < 0.0025 ? x + 1e-9 : x;
    }

    static byte[] referenceQuantile(double[] v, int bins) {
        double[] sorted = Arrays.stream(v).filter(x -> !Double.isNaN(x)).sorted().toArray();
        int n = sorted.length;
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                continue;
            }
            int s = 1;
            for (int j = 1; j < bins; j++) {
                if (v[i] > sorted[Math.max(0, (int) Math.ceil((double) j * n / bins) - 1)]) {
                    s++;
                }
            }
            out[i] = (byte) s;
        }
        return out;
    }

    static byte[] referenceNtile(double[] v, int bins) {
        Integer[] idx = new Integer[v.length];
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i])) {
                idx[n++] = i;
            }
        }
        Integer[] order = Arrays.copyOf(idx, n);
        Arrays.sort(order, (a, b) -> v[a] != v[b] ? Double.compare(v[a], v[b]) : Integer.compare(a, b));
        // SQL's NTILE: tiles filled in rank order, the n % bins first ones holding one customer more
        byte[] out = new byte[v.length];
        int rank = 0;
        for (int tile = 1; tile <= bins; tile++) {
            int size = n / bins + (tile <= n % bins ? 1 : 0);
            for (int k = 0; k < size; k++) {
                out[order[rank++]] = (byte) tile;
            }
        }
        return out;
    }

    static int[] referenceAbc(double[] v, double[] shares) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double total = 0;
        for (double x : sorted) {
            if (x > 0) {
                total += x;
            }
        }
        // the class of the first customer of each tie group, walking from the largest value down
        int[] out = new int[v.length];
        java.util.Map<Double, Integer> classOf = new java.util.HashMap<>();
        double running = 0;
        for (int j = sorted.length - 1; j >= 0; j--) {
            double x = sorted[j];
            if (!(x > 0)) {
                break;
            }
            if (!classOf.containsKey(x)) {
                double bound = 0;
                int k = 0;
                while (k < shares.length - 1 && running >= (bound + shares[k]) * total * (1 - 1e-12)) {
                    bound += shares[k];
                    k++;
                }
                classOf.put(x, k);
            }
            running += x;
        }
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] > 0 ? classOf.get(v[i]) : shares.length - 1;
        }
        return out;
    }

    /** The top-N rule as the model first computed it: a full sort, the value at each cumulative count. */
    static int[] referenceTop(double[] v, int[] counts) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        int n = v.length;
        double[] cut = new double[counts.length];
        int rank = 0;
        for (int k = 0; k < counts.length; k++) {
            rank += counts[k];
            cut[k] = rank <= n ? sorted[n - rank] : Double.NEGATIVE_INFINITY;
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int k = 0;
            while (k < cut.length && v[i] < cut[k]) {
                k++;
            }
            out[i] = k;
        }
        return out;
    }

    static void checkTop(double[] v, int[] counts) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int k = 0; k <= counts.length; k++) {
            names.add("T" + k);
        }
        int[] fast = new int[v.length];
        TopCountModel.of("v", counts, names).assign(Fixtures.of("v", v), fast);
        assertArrayEquals(referenceTop(v, counts), fast, "top " + Arrays.toString(counts));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void fastPathsMatchTheReference(int seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int kind = 0; kind < 8; kind++) {
            int n = 1 + r.nextInt(5000);
            double[] v = column(r, n, kind);
            if (kind == 1 && n > 3) {
                v[0] = Double.NaN;
            }
            for (int bins : new int[] {2, 3, 5, 10}) {
                byte[] fast = new byte[n];
                new Binning.Quantile().score(v, bins, fast);
                assertArrayEquals(referenceQuantile(v, bins), fast, "quantile kind " + kind + " bins " + bins);
                new Binning.EqualCount().score(v, bins, fast);
                assertArrayEquals(referenceNtile(v, bins), fast, "ntile kind " + kind + " bins " + bins);
            }
            if (kind != 1 && kind != 5) {
                double[] shares = kind == 4 ? new double[] {0.5, 0.3, 0.2} : new double[] {0.8, 0.15, 0.05};
                int[] fast = new int[n];
                AbcModel.of("v", shares, null).assign(Fixtures.of("v", v), fast);
                assertArrayEquals(referenceAbc(v, shares), fast, "abc kind " + kind);
                checkTop(v, new int[] {1 + r.nextInt(40), 1 + r.nextInt(2000), 1 + r.nextInt(4000)});
            }
        }
    }

    /**
     * Columns long enough to be split into several parallel chunks ({@link Chunks}), scored as given and negated
     * (recency), so that per-chunk histograms, gathers and tie positions are combined correctly.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void chunkedColumnsMatchTheReference(int kind) {
        SplittableRandom r = new SplittableRandom(100 + kind);
        int n = 4 * Chunks.MIN_CHUNK + 1 + r.nextInt(1000);
        double[] v = column(r, n, kind);
        v[n / 2] = Double.NaN;
        double[] negated = new double[n];
        for (int i = 0; i < n; i++) {
            negated[i] = -v[i];
        }
        byte[] fast = new byte[n];
        int bins = kind == 3 ? 7 : 5;
        new Binning.Quantile().score(v, bins, fast);
        assertArrayEquals(referenceQuantile(v, bins), fast, "quantile");
        new Binning.EqualCount().score(v, bins, fast);
        assertArrayEquals(referenceNtile(v, bins), fast, "ntile");
        new Binning.Quantile().scoreNegated(v, bins, fast);
        assertArrayEquals(referenceQuantile(negated, bins), fast, "quantile, negated");
        new Binning.EqualCount().scoreNegated(v, bins, fast);
        assertArrayEquals(referenceNtile(negated, bins), fast, "ntile, negated");
        if (kind != 1 && kind != 5) {
            v[n / 2] = 0;
            double[] shares = {0.6, 0.25, 0.1, 0.05};
            int[] classes = new int[n];
            AbcModel.of("v", shares, null).assign(Fixtures.of("v", v), classes);
            assertArrayEquals(referenceAbc(v, shares), classes, "abc");
            checkTop(v, new int[] {30, 170, n / 2});
        }
    }
}
