package org.tierlab.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Run charts say what their lines are, including where a line cannot be read as the chart's other lines. */
class RunChartsTest {

    /** A periods.csv-style table: every strategy gets {@code value} for each metric in each of 3 periods. */
    static Table periods(List<String> strategies, List<String> metrics, double value) {
        StringColumn strategy = StringColumn.create("strategy");
        DoubleColumn period = DoubleColumn.create("period");
        StringColumn metric = StringColumn.create("metric");
        DoubleColumn mean = DoubleColumn.create("mean");
        DoubleColumn low = DoubleColumn.create("ci_low");
        DoubleColumn high = DoubleColumn.create("ci_high");
        for (String s : strategies) {
            for (int t = 1; t <= 3; t++) {
                for (String m : metrics) {
                    strategy.append(s);
                    period.append(t);
                    metric.append(m);
                    mean.append(value);
                    low.append(value);
                    high.append(value);
                }
            }
        }
        return Table.create("periods", strategy, period, metric, mean, low, high);
    }

    /** The uniform baseline books every role's pooled hours on its action's role, so it can pass that capacity. */
    @Test
    void staffHoursSayTheUniformBaselinePoolsEveryRolesHours() {
        List<String> metrics = List.of("staff_hours:am", "unmet_hours:am", "capacity_hours:am");
        Chart withUniform = Charts.staffHours(periods(List.of("no-maintenance", "uniform", "s"), metrics, 5), "am");
        assertTrue(withUniform.caption().contains("The uniform baseline pools the hours of every role"),
                withUniform.caption());
        Chart without = Charts.staffHours(periods(List.of("s"), metrics, 5), "am");
        assertFalse(without.caption().contains("uniform"), without.caption());
    }
}
