package org.tierlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        Chart withUniform = Charts.staffHours(periods(List.of("no-maintenance", "uniform", "s"), metrics, 5), "am", "period");
        assertTrue(withUniform.caption().contains("The uniform baseline pools the hours of every role"),
                withUniform.caption());
        Chart without = Charts.staffHours(periods(List.of("s"), metrics, 5), "am", "period");
        assertFalse(without.caption().contains("uniform"), without.caption());
    }

    /** A metric nobody has a value for (the NPS proxy when nobody answered) is an empty chart that says why. */
    @Test
    void aChartWithNoValueSaysSo() {
        Chart empty = Charts.periodMetric(periods(List.of("a", "b"), List.of("nps"), Double.NaN), "nps", "NPS proxy",
                "caption.", "NPS proxy", "period");
        assertTrue(empty.caption().startsWith("caption. No values to draw: periods.csv has no nps value for any "
                + "strategy and period"), empty.caption());
        Chart drawn = Charts.periodMetric(periods(List.of("a"), List.of("nps"), 3), "nps", "NPS proxy", "caption.",
                "NPS proxy", "period");
        assertFalse(drawn.caption().contains("No values"), drawn.caption());
    }

    /** A tier with no value in any period (always empty, say) has a legend entry but no line; the caption names it. */
    @Test
    void tiersWithNoValueAreNamed() {
        Table t = periods(List.of("s"), List.of("satisfaction"), 7);
        StringColumn tier = StringColumn.create("tier");
        for (int i = 0; i < t.rowCount(); i++) {
            tier.append("A");
        }
        t.addColumns(tier);
        Table lead = periods(List.of("s"), List.of("satisfaction"), Double.NaN);
        StringColumn leadTier = StringColumn.create("tier");
        for (int i = 0; i < lead.rowCount(); i++) {
            leadTier.append("lead");
        }
        lead.addColumns(leadTier);
        t.append(lead);
        Chart chart = Charts.tierMetric(t, "s", "satisfaction", "Satisfaction by tier: s", "caption.", "satisfaction", "period");
        assertTrue(chart.caption().endsWith("caption. Tiers with no value in any period (no members, or no survey "
                + "answers), so no line: lead."), chart.caption());
    }

    /** A mean migration count such as 0.25 (one move in four replications) is labelled 0.25, not rounded to 0. */
    @Test
    void migrationCellsShowTheMeanCountTheyHold() {
        Table m = Table.create("migrations", StringColumn.create("strategy", "s", "s", "s"),
                StringColumn.create("from_tier", "A", "A", "B"), StringColumn.create("to_tier", "B", "C", "A"),
                DoubleColumn.create("count", 0.25, 95.7, 3358));
        // columns are the to-tiers in order of first appearance: B, C, A
        String js = Charts.migrations(m, "s").script("c");
        assertTrue(js.contains("trace0.text = [[\"0.25\", \"95.7\", \"0\"], [\"0\", \"0\", \"3358\"]];"), js);
        assertTrue(js.contains("trace0.texttemplate = '%{text}';"), js);
        assertFalse(js.contains("%{z:.0f}"), "no label rounds a mean count to whole customers");
    }

    /**
     * Series past Plotly's ten colours (RFM's eleven segments plus unassigned, or nine strategies and the two
     * baselines) get colours of their own, not the first ones again: Hibernating was drawn in Champions' blue.
     */
    @Test
    void everySeriesOfAChartHasItsOwnColour() {
        Set<String> colours = new HashSet<>();
        Set<String> fills = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            assertTrue(Plot.color(i).matches("#[0-9a-f]{6}"), Plot.color(i));
            colours.add(Plot.color(i));
            fills.add(Plot.fill(i));
        }
        assertEquals(40, colours.size(), "40 series, 40 colours");
        assertEquals(40, fills.size(), "and 40 band fills");
        assertEquals("#1f77b4", Plot.color(0), "the first ten stay Plotly's");
        assertEquals("#17becf", Plot.color(9));
    }

    /**
     * Tier names that look like numbers ("1", "2", "3") made Plotly guess a numeric axis for the tier bars, on which
     * "unassigned" and every other named tier have no place and vanish; the axis is categorical.
     */
    @Test
    void tierBarsKeepNumericLookingTierNamesAsCategories() {
        Table t = periods(List.of("s"), List.of("revenue", "churn_rate"), 0.1);
        StringColumn tier = StringColumn.create("tier");
        Table all = t.emptyCopy();
        all.addColumns(tier);
        for (String name : List.of("1", "2", "3", "unassigned")) {
            Table part = t.copy();
            StringColumn names = StringColumn.create("tier");
            for (int i = 0; i < part.rowCount(); i++) {
                names.append(name);
            }
            part.addColumns(names);
            all.append(part);
        }
        for (boolean revenue : new boolean[] {true, false}) {
            String js = Charts.tierBars(all, revenue).script("c");
            assertTrue(js.contains("layout.xaxis.type = 'category';"), js);
        }
    }
}
