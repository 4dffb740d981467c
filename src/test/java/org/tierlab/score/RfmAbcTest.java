package org.tierlab.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@link RfmAbc} gives exactly what {@link RfmModel#scores} and {@link AbcModel#assign} give apart, on money
 * columns that take each of its paths: the fused pass, the fallback for heavy ties or whole money, and the
 * separate paths for bad input or another value column.
 */
class RfmAbcTest {
    private static final double[] SHARES = {0.8, 0.15, 0.05};

    private static CustomerFeatures features(SplittableRandom r, int n, int moneyKind) {
        return CustomerFeatures.of(n)
                .put(CustomerFeatures.RECENCY, recency(r, n))
                .put(CustomerFeatures.FREQUENCY, FastPathOracleTest.column(r, n, 0))
                .put(CustomerFeatures.MONETARY, money(r, n, moneyKind))
                .put(CustomerFeatures.PROFIT, FastPathOracleTest.column(r, n, 4));
    }

    /** Whole days, 5 % never bought (NaN). */
    private static double[] recency(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble() < 0.05 ? Double.NaN : r.nextInt(730);
        }
        return v;
    }

    private static double[] money(SplittableRandom r, int n, int kind) {
        if (kind < 10) {
            return FastPathOracleTest.column(r, n, kind);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (kind) {
                case 10 -> Math.exp(3 + 1.5 * r.nextDouble()) * (1 + r.nextDouble());  // spread money, few ties
                case 11 -> r.nextDouble() < 0.3 ? 0.0 : r.nextDouble() * 500;           // many zero spenders
                case 13 -> r.nextDouble() < 0.5 ? 0.0 : 10.0;                           // one bucket, half zeros
                case 14 -> r.nextDouble() < 0.3 ? -r.nextInt(5) : 10 + r.nextInt(3) * 0.01; // losses, near ties
                default -> r.nextDouble() < 0.5 ? 49.99 : 10 + r.nextDouble() * 90;    // one price half the base pays
            };
        }
        return v;
    }

    private static void assertSame(RfmModel rfm, AbcModel abc, CustomerFeatures f) {
        RfmAbc.Result together = RfmAbc.of(rfm, abc).score(f);
        RfmScores apart = rfm.scores(f);
        int[] classes = new int[f.size()];
        abc.assign(f, classes);
        assertArrayEquals(apart.r(), together.scores().r(), "r");
        assertArrayEquals(apart.f(), together.scores().f(), "f");
        assertArrayEquals(apart.m(), together.scores().m(), "m");
        assertArrayEquals(classes, together.classes(), "abc");
        // into arrays the caller keeps, filled with what no score or class is: every entry must be overwritten
        RfmAbc.Result kept = RfmAbc.Result.of(f.size());
        java.util.Arrays.fill(kept.scores().r(), (byte) 99);
        java.util.Arrays.fill(kept.scores().f(), (byte) 99);
        java.util.Arrays.fill(kept.scores().m(), (byte) 99);
        java.util.Arrays.fill(kept.classes(), -7);
        RfmAbc.of(rfm, abc).score(f, kept);
        assertArrayEquals(apart.r(), kept.scores().r(), "r into kept arrays");
        assertArrayEquals(apart.f(), kept.scores().f(), "f into kept arrays");
        assertArrayEquals(apart.m(), kept.scores().m(), "m into kept arrays");
        assertArrayEquals(classes, kept.classes(), "abc into kept arrays");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 6, 7, 8, 10, 11, 12, 13, 14})
    void equalsTheModelsApart(int moneyKind) {
        SplittableRandom r = new SplittableRandom(moneyKind);
        for (int n : new int[] {0, 1, 2, 1000, 200_000}) {
            CustomerFeatures f = features(r, n, moneyKind);
            for (Binning b : new Binning[] {new Binning.EqualCount(), new Binning.Quantile()}) {
                assertSame(RfmModel.of(5, b, null), AbcModel.of(CustomerFeatures.MONETARY, SHARES, null), f);
                assertSame(RfmModel.of(4, b, b, b, java.util.List.of()),
                        AbcModel.of(CustomerFeatures.MONETARY, new double[] {0.5, 0.5}, null), f);
            }
        }
    }

    @Test
    void anotherValueColumnRunsApart() {
        CustomerFeatures f = features(new SplittableRandom(5), 50_000, 10);
        assertSame(RfmModel.of(5, new Binning.EqualCount(), null), AbcModel.of(CustomerFeatures.PROFIT, SHARES, null), f);
    }

    @Test
    void badMoneyGetsTheSameErrorAsApart() {
        CustomerFeatures f = features(new SplittableRandom(9), 100_000, 10);
        f.numeric(CustomerFeatures.MONETARY)[77_777] = Double.POSITIVE_INFINITY;
        RfmModel rfm = RfmModel.of(5, new Binning.EqualCount(), null);
        AbcModel abc = AbcModel.of(CustomerFeatures.MONETARY, SHARES, null);
        String apart = assertThrows(IllegalArgumentException.class, () -> rfm.scores(f)).getMessage();
        String together = assertThrows(IllegalArgumentException.class, () -> RfmAbc.of(rfm, abc).score(f)).getMessage();
        assertEquals(apart, together);
        assertEquals("feature 'monetary' of customer #77778 is Infinity; expected a finite number", together);
    }

    @Test
    void keptArraysOfAnotherSizeAreRefused() {
        CustomerFeatures f = features(new SplittableRandom(3), 1000, 10);
        RfmAbc both = RfmAbc.of(RfmModel.of(5, new Binning.EqualCount(), null),
                AbcModel.of(CustomerFeatures.MONETARY, SHARES, null));
        String message = assertThrows(IllegalArgumentException.class, () -> both.score(f, RfmAbc.Result.of(999)))
                .getMessage();
        assertEquals("the result arrays hold 999 customers, the features 1000", message);
        assertThrows(IllegalArgumentException.class,
                () -> new RfmAbc.Result(new RfmScores(new byte[3], new byte[3], new byte[2]), new int[3]));
    }
}
