package org.tierlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Fit charts name the time unit the fit used (--time-unit), which tracking.csv's start dates give. */
class FitChartsTest {

    /** A tracking table of {@code n} periods whose starts are {@code unitDays} apart, rounded up as Tracking does. */
    static Table tracking(double unitDays, int n) {
        StringColumn start = StringColumn.create("start_date");
        StringColumn phase = StringColumn.create("phase");
        Table t = Table.create("tracking", start, phase);
        for (String c : new String[] {"actual", "bgnbd", "pareto_nbd"}) {
            t.addColumns(DoubleColumn.create(c), DoubleColumn.create(c + "_cumulative"));
        }
        LocalDate origin = LocalDate.of(1997, 1, 1);
        for (int j = 0; j < n; j++) {
            start.append(origin.plusDays((long) Math.ceil(j * unitDays)).toString());
            phase.append(j < n / 2 ? "calibration" : "holdout");
            for (int c = 2; c < t.columnCount(); c++) {
                ((DoubleColumn) t.column(c)).append(j);
            }
        }
        return t;
    }

    @Test
    void trackingChartsNameTheFitsTimeUnit() {
        String[][] cases = {{"7", "Weekly repeat transactions", "week starting"},
            {String.valueOf(365.25 / 12), "Monthly repeat transactions", "month starting"},
            {"1", "Daily repeat transactions", "day"}};
        for (String[] c : cases) {
            Table t = tracking(Double.parseDouble(c[0]), 18);
            Chart chart = FitCharts.tracking(t, false, null);
            assertEquals(c[1], chart.title());
            assertTrue(chart.script("c").contains("\"" + c[2] + "\""), c[2]);
            Chart cumulative = FitCharts.tracking(t, true, null);
            assertEquals("Cumulative repeat transactions", cumulative.title());
            assertTrue(cumulative.script("c").contains("\"" + c[2] + "\""), c[2]);
        }
        Chart monthly = FitCharts.tracking(tracking(365.25 / 12, 18), false, null);
        assertFalse(monthly.script("c").contains("week"), "a monthly fit says nothing of weeks");
    }

    @Test
    void theTimeUnitIsReadFromTheStartDates() {
        assertEquals("week", FitCharts.timeUnit(tracking(7, 5)));
        assertEquals("month", FitCharts.timeUnit(tracking(365.25 / 12, 5)));
        assertEquals("day", FitCharts.timeUnit(tracking(1, 5)));
        // one period, or starts a fit never writes: no unit can be told, so none is claimed
        assertEquals("period", FitCharts.timeUnit(tracking(7, 1)));
        assertEquals("period", FitCharts.timeUnit(tracking(3, 5)));
    }

    /** parameters.csv rows of BG/NBD with the given converged column. */
    static Table bgnbd(String converged) {
        StringColumn model = StringColumn.create("model");
        StringColumn parameter = StringColumn.create("parameter");
        DoubleColumn estimate = DoubleColumn.create("estimate");
        StringColumn conv = StringColumn.create("converged");
        String[] names = {"r", "alpha", "a", "b"};
        double[] values = {0.243, 4.414, 0.793, 2.426};
        for (int i = 0; i < names.length; i++) {
            model.append("BG/NBD");
            parameter.append(names[i]);
            estimate.append(values[i]);
            conv.append(converged);
        }
        return Table.create("parameters", model, parameter, estimate, conv);
    }

    /** A BG/NBD fit that did not converge predicts nothing (docs/replay.md), so no P(alive) matrix is drawn from it. */
    @Test
    void probabilityAliveIsNotDrawnFromAFitThatDidNotConverge() {
        Chart good = FitCharts.probabilityAlive(bgnbd("yes"), 38.9, 10, "week");
        assertTrue(good.script("c").matches("(?s).*z: \\[\\[1\\.0,.*"), "a converged fit is drawn");
        Chart bad = FitCharts.probabilityAlive(bgnbd("no: ran out of evaluations"), 38.9, 10, "week");
        assertTrue(bad.caption().contains("BG/NBD did not converge (no: ran out of evaluations), so it predicts "
                + "nothing: no matrix is drawn."), bad.caption());
        String js = bad.script("c");
        String z = js.substring(js.indexOf("z: ["), js.indexOf('\n', js.indexOf("z: [")));
        assertFalse(z.matches("(?s).*\\d\\.\\d.*"), "no probability in the matrix: " + z);
    }

    /** The matrix stops at 30 repeat purchases; when customers made more, the caption says the rows stop there. */
    @Test
    void probabilityAliveSaysWhereItsFrequenciesStop() {
        Chart cut = FitCharts.probabilityAlive(bgnbd("yes"), 38.9, 45, "week");
        assertTrue(cut.caption().contains("Rows stop at 30 repeat purchases; the most frequent customer made 45."),
                cut.caption());
        Chart whole = FitCharts.probabilityAlive(bgnbd("yes"), 38.9, 29, "week");
        assertFalse(whole.caption().contains("Rows stop"), whole.caption());
    }

    /**
     * The calibration end is marked where it is, the day after origin + T (the longest observation, customers.csv),
     * not at the next period start: a monthly period that straddles it (1997-09-02 to 10-01) put the mark two days
     * late, at 1997-10-02.
     */
    @Test
    void theCalibrationEndIsMarkedOnItsDay() {
        double month = 365.25 / 12;
        Table monthly = tracking(month, 18);
        assertEquals("1997-10-02", monthly.stringColumn("start_date").get(9), "the period start after the end");
        String start = FitCharts.holdoutStart(monthly, 272 / month);
        assertEquals("1997-10-01", start, "1997-01-01 + 272 days is the calibration end, 1997-09-30");
        String js = FitCharts.tracking(monthly, false, start).script("c");
        assertTrue(js.contains("x0: \"1997-10-01\""), js);
        assertEquals("1997-10-01", FitCharts.holdoutStart(tracking(7, 60), 272 / 7.0));
        assertEquals(null, FitCharts.holdoutStart(tracking(3, 60), 90), "no unit, no exact day");
    }
}
