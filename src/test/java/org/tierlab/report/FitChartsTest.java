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
            Chart chart = FitCharts.tracking(t, false);
            assertEquals(c[1], chart.title());
            assertTrue(chart.script("c").contains("\"" + c[2] + "\""), c[2]);
            Chart cumulative = FitCharts.tracking(t, true);
            assertEquals("Cumulative repeat transactions", cumulative.title());
            assertTrue(cumulative.script("c").contains("\"" + c[2] + "\""), c[2]);
        }
        Chart monthly = FitCharts.tracking(tracking(365.25 / 12, 18), false);
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
}
