package org.tierlab.btyd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Tracking on the CDNOW sample against the figures in Fader, Hardie and Lee (2005). */
class TrackingTest {
    @Test
    void cumulativeRepeatTransactionsTrackTheSample() {
        Summaries s = Cdnow.sampleWeeks();
        double[] bg = {0.243, 4.414, 0.793, 2.426};
        double[] pn = {0.553, 10.578, 0.606, 11.669};
        Table t = Tracking.of(Cdnow.sample(), s, Cdnow.CALIBRATION_END, Cdnow.HOLDOUT_END, bg, pn);
        assertEquals(78, t.rowCount());
        double actualTotal = t.doubleColumn("actual_cumulative").get(77);
        // every repeat transaction of the sample (same-day merged) up to 1998-06-30 is counted once
        int repeats = 0;
        for (int i = 0; i < s.size(); i++) {
            repeats += s.x[i] + s.holdoutX[i];
        }
        assertEquals(repeats, actualTotal, 0);
        // at the end of calibration the cumulative expectation is the sum of each customer's E[X(T)]
        int week39 = 38;
        double sumExpected = 0;
        for (int i = 0; i < s.size(); i++) {
            sumExpected += BgNbd.expected(bg, s.T[i]);
        }
        assertEquals(sumExpected, t.doubleColumn("bgnbd_cumulative").get(week39), 1e-9 * sumExpected);
        // and close to the actual count: the paper's Figure 2 shows the curves on top of each other to week 39
        double actual39 = t.doubleColumn("actual_cumulative").get(week39);
        assertEquals(actual39, t.doubleColumn("bgnbd_cumulative").get(week39), 0.05 * actual39);
        assertEquals(actual39, t.doubleColumn("pareto_nbd_cumulative").get(week39), 0.05 * actual39);
        // over the holdout the paper reports a prediction within a few per cent of the actual total
        assertEquals(actualTotal, t.doubleColumn("bgnbd_cumulative").get(77), 0.05 * actualTotal);
        assertTrue(t.stringColumn("phase").get(40).equals("holdout"));
    }

    /**
     * With months (30.44 days from the cohort's first purchase, 1997-01-01), the ninth period runs from 1997-09-02 to
     * 1997-10-01: it holds the last 29 days of calibration and the first of the holdout, and is labelled
     * {@code straddles}, not {@code calibration}. The periods before are wholly calibration, those after holdout.
     */
    @Test
    void aMonthHoldingBothPeriodsIsLabelledStraddles() {
        Summaries s = Summaries.of(Cdnow.sample(), Cdnow.CALIBRATION_END, Cdnow.HOLDOUT_END, 365.25 / 12);
        Table t = Tracking.of(Cdnow.sample(), s, Cdnow.CALIBRATION_END, Cdnow.HOLDOUT_END, null, null);
        assertEquals("1997-09-02", t.stringColumn("start_date").get(8));
        assertEquals("1997-10-02", t.stringColumn("start_date").get(9));
        assertEquals("straddles", t.stringColumn("phase").get(8));
        for (int j = 0; j < t.rowCount(); j++) {
            assertEquals(j < 8 ? "calibration" : j == 8 ? "straddles" : "holdout", t.stringColumn("phase").get(j),
                    "period " + (j + 1));
        }
    }

    /**
     * A period ending on the calibration end is calibration and the next holdout, with nothing straddling: weeks
     * from 1997-01-01 end on 1997-09-30 after 39 weeks. Days never straddle.
     */
    @Test
    void periodsThatEndOnTheCalibrationEndDoNotStraddle() {
        for (double unit : new double[] {7, 1}) {
            Summaries s = Summaries.of(Cdnow.sample(), Cdnow.CALIBRATION_END, Cdnow.HOLDOUT_END, unit);
            Table t = Tracking.of(Cdnow.sample(), s, Cdnow.CALIBRATION_END, Cdnow.HOLDOUT_END, null, null);
            int calibration = (int) (273 / unit);
            for (int j = 0; j < t.rowCount(); j++) {
                assertEquals(j < calibration ? "calibration" : "holdout", t.stringColumn("phase").get(j),
                        unit + "-day period " + (j + 1));
            }
        }
    }
}
