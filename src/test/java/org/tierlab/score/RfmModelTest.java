package org.tierlab.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RfmModelTest extends TieringModelContract {
    @Override
    TieringModel model() {
        return RfmModel.of(5, new Binning.Quantile(), null);
    }

    private static byte[] scores(Binning b, int bins, double... values) {
        byte[] out = new byte[values.length];
        b.score(values, bins, out);
        return out;
    }

    @Test
    void quantileBreaksKeepTiesTogether() {
        // ten values, five bins: breaks at ranks 2, 4, 6, 8 of the sorted values (1,1,1,1,2,3,4,5,6,7):
        // 1, 1, 3, 5. Score = 1 + breaks strictly below: 1 -> 1; 2 -> 3; 3 -> 3; 4 -> 4; 5 -> 4; 6, 7 -> 5.
        assertArrayEquals(new byte[] {1, 1, 1, 1, 3, 3, 4, 4, 5, 5},
                scores(new Binning.Quantile(), 5, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7));
    }

    @Test
    void equalCountNtilesBreakTiesByInputOrder() {
        assertArrayEquals(new byte[] {1, 1, 2, 2, 3, 3, 4, 4, 5, 5},
                scores(new Binning.EqualCount(), 5, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7));
        assertArrayEquals(new byte[] {1, 1, 2}, scores(new Binning.EqualCount(), 2, 5, 5, 5), "as SQL NTILE: the first tile takes the extra row");
        assertArrayEquals(new byte[] {1, 1, 2, 2, 3, 4, 5}, scores(new Binning.EqualCount(), 5, 0, 1, 2, 3, 4, 5, 6),
                "as SQL NTILE and dplyr ntile: tile sizes 2, 2, 1, 1, 1");
    }

    @Test
    void equalCountWithFewerCustomersThanBinsGivesOneTilePerCustomerFromTheFirst() {
        // as SQL NTILE: one customer per tile from the first, so two customers in five tiles score 1 and 2, three
        // score 1, 2 and 3; the empty tiles do not push the top customer up to 5
        assertArrayEquals(new byte[] {2, 1}, scores(new Binning.EqualCount(), 5, 20, 10));
        assertArrayEquals(new byte[] {1, 2, 3}, scores(new Binning.EqualCount(), 5, 7, 7, 7));
        byte[] negated = new byte[4];
        new Binning.EqualCount().scoreNegated(new double[] {5, Double.NaN, 30, 5}, 5, negated);
        assertArrayEquals(new byte[] {2, 0, 1, 3}, negated, "recency: NaN unscored, ties in input order");
        CustomerFeatures f = CustomerFeatures.of(2).put(CustomerFeatures.RECENCY, new double[] {5, 30})
                .put(CustomerFeatures.FREQUENCY, new double[] {1, 2}).put(CustomerFeatures.MONETARY, new double[] {10, 20});
        RfmModel m = RfmModel.of(5, new Binning.EqualCount(), null);
        RfmScores s = m.scores(f);
        assertArrayEquals(new byte[] {2, 1}, s.r());
        RfmScores both = RfmAbc.of(m, AbcModel.of(CustomerFeatures.MONETARY, new double[] {0.8, 0.2}, null))
                .score(f).scores();
        assertArrayEquals(new byte[] {1, 2}, both.f(), "the RFM-with-ABC path agrees");
        assertArrayEquals(new byte[] {1, 2}, both.m());
    }

    @Test
    void othersIsReservedNotRepeated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RfmModel.of(2,
                new Binning.Quantile(), List.of(new RfmModel.Segment("Others", new int[] {1, 2}, new int[] {1, 2},
                        new int[] {1, 2}))));
        assertEquals("segment name 'Others' is reserved for customers matching no segment; expected another name",
                e.getMessage());
    }

    @Test
    void customBreaks() {
        assertArrayEquals(new byte[] {1, 1, 2, 3}, scores(new Binning.Custom(new double[] {10, 100}), 3, 0, 10, 11, 500));
        assertThrows(IllegalArgumentException.class, () -> new Binning.Custom(new double[] {10, 10}));
        assertThrows(IllegalArgumentException.class, () -> scores(new Binning.Custom(new double[] {10}), 3, 1));
    }

    @Test
    void recencyIsReversedAndSegmentsFollowFirstMatch() {
        // three customers: a recent big spender, an old one-off, a middle one; 3 bins
        CustomerFeatures f = CustomerFeatures.of(3)
                .put(CustomerFeatures.RECENCY, new double[] {2, 400, 60})
                .put(CustomerFeatures.FREQUENCY, new double[] {20, 1, 5})
                .put(CustomerFeatures.MONETARY, new double[] {900, 20, 150});
        RfmModel m = RfmModel.of(3, new Binning.Quantile(), List.of(
                new RfmModel.Segment("Best", new int[] {3, 3}, new int[] {3, 3}, new int[] {3, 3}),
                new RfmModel.Segment("Gone", new int[] {1, 1}, new int[] {1, 3}, new int[] {1, 3})));
        RfmScores s = m.scores(f);
        assertArrayEquals(new byte[] {3, 1, 2}, s.r());
        assertArrayEquals(new byte[] {3, 1, 2}, s.f());
        int[] out = new int[3];
        m.assign(f, out);
        assertArrayEquals(new int[] {0, 1, 2}, out);
        assertEquals(List.of("Best", "Gone", RfmModel.OTHERS), m.tierNames());
    }

    @Test
    void heavyTiesWithFortyPercentOneTimeBuyers() {
        double[] freq = new double[100];
        for (int i = 0; i < 100; i++) {
            freq[i] = i < 40 ? 1 : 2 + i % 10;
        }
        byte[] s = scores(new Binning.Quantile(), 5, freq);
        for (int i = 0; i < 40; i++) {
            assertEquals(1, s[i], "all one-time buyers share the lowest score");
        }
    }

    @Test
    void neverPurchasedHasRecencyScoreOneAndBadInputIsAnError() {
        CustomerFeatures f = CustomerFeatures.of(2).put(CustomerFeatures.RECENCY, new double[] {Double.NaN, 3})
                .put(CustomerFeatures.FREQUENCY, new double[] {0, 2}).put(CustomerFeatures.MONETARY, new double[] {0, 9});
        assertEquals(1, RfmModel.of(5, new Binning.Quantile(), null).scores(f).r()[0]);
        CustomerFeatures bad = CustomerFeatures.of(1).put(CustomerFeatures.RECENCY, new double[] {-1})
                .put(CustomerFeatures.FREQUENCY, new double[] {1}).put(CustomerFeatures.MONETARY, new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> model().assign(bad, new int[1]));
        assertThrows(IllegalArgumentException.class, () -> RfmModel.of(4, new Binning.Quantile(), null));
    }
}
