package org.tierlab.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * From {@link Buckets#LARGE} values up the histograms have {@link Buckets#LARGE_COUNT} buckets, not
 * {@link Buckets#COUNT}: the scores and classes must stay exactly those of a plain sort there too, for each model
 * alone and for {@link RfmAbc}. Tagged slow: millions of customers, each reference sorts the column.
 */
@Tag("slow")
class LargeColumnOracleTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 6})
    void largeMoneyColumnsMatchTheReference(int kind) {
        SplittableRandom r = new SplittableRandom(kind);
        int n = Buckets.LARGE + 1 + r.nextInt(1000);
        double[] money = FastPathOracleTest.column(r, n, kind);
        assertEquals(Buckets.LARGE_COUNT, Buckets.sampled(money, false, true).count(), "the large histograms");
        double[] recency = FastPathOracleTest.column(r, n, 1);
        double[] frequency = FastPathOracleTest.column(r, n, 0);
        double[] shares = {0.8, 0.15, 0.05};

        byte[] m = new byte[n];
        new Binning.EqualCount().score(money, 5, m);
        assertArrayEquals(FastPathOracleTest.referenceNtile(money, 5), m, "ntile");
        new Binning.Quantile().score(money, 5, m);
        assertArrayEquals(FastPathOracleTest.referenceQuantile(money, 5), m, "quantile");
        int[] classes = new int[n];
        AbcModel.of("v", shares, null).assign(Fixtures.of("v", money), classes);
        int[] abc = FastPathOracleTest.referenceAbc(money, shares);
        assertArrayEquals(abc, classes, "abc");

        CustomerFeatures f = CustomerFeatures.of(n).put(CustomerFeatures.RECENCY, recency)
                .put(CustomerFeatures.FREQUENCY, frequency).put(CustomerFeatures.MONETARY, money);
        RfmAbc.Result both = RfmAbc.of(RfmModel.of(5, new Binning.EqualCount(), null),
                AbcModel.of(CustomerFeatures.MONETARY, shares, null)).score(f);
        double[] negated = new double[n];
        for (int i = 0; i < n; i++) {
            negated[i] = -recency[i]; // more recent is better
        }
        assertArrayEquals(FastPathOracleTest.referenceNtile(negated, 5), both.scores().r(), "RFM + ABC: r");
        assertArrayEquals(FastPathOracleTest.referenceNtile(frequency, 5), both.scores().f(), "RFM + ABC: f");
        assertArrayEquals(FastPathOracleTest.referenceNtile(money, 5), both.scores().m(), "RFM + ABC: m");
        assertArrayEquals(abc, both.classes(), "RFM + ABC: classes");
    }
}
