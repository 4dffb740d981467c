package org.tierlab.report;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * Charts of a simulation run, one static factory per kind, each built from the run folder's tables (formats in
 * docs/metrics.md) and nothing else: {@code periods} (strategy, period, metric, mean, ci_low, ci_high),
 * {@code tiers} (the same with tier), {@code summary}, {@code migrations} and {@code concentration}.
 */
public final class Charts {
    /** The baseline that spreads one action over everybody (docs/metrics.md, staff_hours). */
    private static final String UNIFORM = "uniform";
    /**
     * Why the uniform baseline's line can pass a role's capacity with no unmet hours: it is no error, but without
     * this sentence the chart reads as one.
     */
    private static final String UNIFORM_POOLS = " The uniform baseline pools the hours of every role into its "
            + "action's role and books them there, so on that role it can work more than the role's own capacity, and "
            + "none on the others.";

    private Charts() {
    }

    /**
     * The title of a period axis: the scenario's period ("month", "week") and, when there was a warm-up, that the
     * count starts after it, since periods.csv and tiers.csv number the measured periods only.
     */
    public static String periodAxis(String period, String warmup) {
        return warmup.equals("0") ? period : period + " (counted after " + warmup + " warm-up " + period + "s)";
    }

    /** Cohort retention per strategy over the measured periods, with 95% confidence bands. */
    public static Chart retentionCurves(Table periods, String periodAxis) {
        return periodMetric(periods, "retention", "Retention of the starting cohort",
                "Share of the customers active at the start of measurement who are still active; bands are 95% CIs.",
                "retention", periodAxis);
    }

    /** One per-period metric per strategy, with 95% confidence bands; {@code periodAxis} from {@link #periodAxis}. */
    public static Chart periodMetric(Table periods, String metric, String title, String caption, String yTitle,
            String periodAxis) {
        Plot p = new Plot();
        List<String> strategies = Rows.distinct(periods, "strategy");
        for (int s = 0; s < strategies.size(); s++) {
            Table rows = Rows.where(periods, "strategy", strategies.get(s), "metric", metric);
            p.lineWithBand(Rows.values(rows, "period"), Rows.values(rows, "mean"), Rows.values(rows, "ci_low"),
                    Rows.values(rows, "ci_high"), strategies.get(s), s, Line.Dash.SOLID);
        }
        // an empty chart with a legend looks broken; say that the data has no value (NPS: nobody answered)
        boolean none = Double.isNaN(mean(Rows.values(Rows.where(periods, "metric", metric), "mean")));
        return p.chart(title, none ? caption + " No values to draw: periods.csv has no " + metric + " value for any "
                + "strategy and period (the NPS proxy is empty when nobody answered the survey)." : caption,
                p.layout(periodAxis, yTitle));
    }

    /**
     * Staff hours of one role per period and strategy against the role's capacity, with the hours that were due
     * but not worked (unmet) dotted.
     */
    public static Chart staffHours(Table periods, String role, String periodAxis) {
        Plot p = new Plot();
        List<String> strategies = Rows.distinct(periods, "strategy");
        for (int s = 0; s < strategies.size(); s++) {
            String name = strategies.get(s);
            Table used = Rows.where(periods, "strategy", name, "metric", "staff_hours:" + role);
            Table unmet = Rows.where(periods, "strategy", name, "metric", "unmet_hours:" + role);
            p.group(p.add(p.line(Rows.values(used, "period"), Rows.values(used, "mean"), name + ": worked", s,
                    Line.Dash.SOLID)), name);
            p.group(p.add(p.line(Rows.values(unmet, "period"), Rows.values(unmet, "mean"), name + ": unmet", s,
                    Line.Dash.DOT)), name);
        }
        Table cap = Rows.where(periods, "strategy", strategies.get(0), "metric", "capacity_hours:" + role);
        if (cap.rowCount() > 0) {
            p.add(ScatterTrace.builder(Rows.values(cap, "period"), Rows.values(cap, "mean")).mode(ScatterTrace.Mode.LINE)
                    .name(p.text.of("capacity")).line(Line.builder().color("#000000").width(2).dash(Line.Dash.DASH).build())
                    .build());
        }
        return p.chart("Staff hours: " + role,
                "Mean hours per period worked by this role (solid), hours of actions that were due but not performed "
                        + "because capacity ran out (dotted), and the role's capacity (dashed)."
                        + (strategies.contains(UNIFORM) ? UNIFORM_POOLS : ""),
                p.layout(periodAxis, "hours"));
    }

    /** Profit against total staff hours, one point per strategy, with 95% CIs as error bars on both axes. */
    public static Chart profitVsEffort(Table summary) {
        Plot p = new Plot();
        List<String> strategies = Rows.distinct(summary, "strategy");
        for (int s = 0; s < strategies.size(); s++) {
            Table hours = Rows.where(summary, "strategy", strategies.get(s), "metric", "staff_hours");
            Table profit = Rows.where(summary, "strategy", strategies.get(s), "metric", "profit");
            int t = p.add(ScatterTrace.builder(Rows.values(hours, "mean"), Rows.values(profit, "mean"))
                    .mode(ScatterTrace.Mode.MARKERS).name(p.text.of(strategies.get(s)))
                    .marker(Marker.builder().size(12).color(Plot.color(s)).build()).build());
            p.errorBars(t, "x", Rows.values(hours, "mean"), Rows.values(hours, "ci_low"), Rows.values(hours, "ci_high"));
            p.errorBars(t, "y", Rows.values(profit, "mean"), Rows.values(profit, "ci_low"), Rows.values(profit, "ci_high"));
        }
        return p.chart("Profit against staff effort",
                "Each point is a strategy: total staff hours over the horizon against total profit; bars are 95% CIs. "
                        + "Up and to the left is better.",
                p.layout("staff hours (total)", "profit (total)"));
    }

    /** One tier metric over time for every tier of one strategy. */
    public static Chart tierMetric(Table tiers, String strategy, String metric, String title, String caption,
            String yTitle, String periodAxis) {
        Plot p = new Plot();
        Table rows = Rows.where(tiers, "strategy", strategy, "metric", metric);
        List<String> names = Rows.distinct(rows, "tier");
        List<String> empty = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            Table tier = Rows.where(rows, "tier", names.get(k));
            p.lineWithBand(Rows.values(tier, "period"), Rows.values(tier, "mean"), Rows.values(tier, "ci_low"),
                    Rows.values(tier, "ci_high"), names.get(k), k, Line.Dash.SOLID);
            if (Double.isNaN(mean(Rows.values(tier, "mean")))) {
                empty.add(names.get(k));
            }
        }
        // such a tier keeps its legend entry (and colour) but draws nothing: say so rather than leave it a puzzle
        return p.chart(title, empty.isEmpty() ? caption : caption + " Tiers with no value in any period (no members, "
                + "or no survey answers), so no line: " + String.join(", ", empty) + ".", p.layout(periodAxis, yTitle));
    }

    /** Mean number of customers moving between tiers at re-tiering points, for one strategy. */
    public static Chart migrations(Table migrations, String strategy) {
        Plot p = new Plot();
        Table rows = Rows.where(migrations, "strategy", strategy);
        List<String> from = Rows.distinct(rows, "from_tier");
        List<String> to = Rows.distinct(rows, "to_tier");
        double[][] z = new double[from.size()][to.size()];
        for (int r = 0; r < rows.rowCount(); r++) {
            z[from.indexOf(rows.stringColumn("from_tier").get(r))][to.indexOf(rows.stringColumn("to_tier").get(r))] =
                    rows.doubleColumn("count").getDouble(r);
        }
        p.countHeatmap(from, to, z);
        return p.chart("Tier migrations: " + strategy,
                "Mean number of customers moving from the tier on the left (row) to the tier at the bottom (column) over the horizon "
                        + "(summed over re-tiering points, averaged over replications).",
                p.layoutBuilder("to tier", "from tier").width(700).build());
    }

    /**
     * Per-tier retention (1 − mean per-period churn rate) and total revenue over the horizon, grouped bars with a
     * group per strategy.
     */
    public static Chart tierBars(Table tiers, boolean revenue) {
        Plot p = new Plot();
        List<String> strategies = Rows.distinct(tiers, "strategy");
        for (int s = 0; s < strategies.size(); s++) {
            Table rows = Rows.where(tiers, "strategy", strategies.get(s), "metric", revenue ? "revenue" : "churn_rate");
            List<String> names = Rows.distinct(rows, "tier");
            double[] y = new double[names.size()];
            for (int k = 0; k < names.size(); k++) {
                double[] v = Rows.values(Rows.where(rows, "tier", names.get(k)), "mean");
                y[k] = revenue ? sum(v) : 1 - mean(v);
            }
            p.add(BarTrace.builder(p.text.of(names), y).name(p.text.of(strategies.get(s)))
                    .marker(Marker.builder().color(Plot.color(s)).build()).build());
        }
        Layout layout = p.layoutBuilder("tier", revenue ? "revenue (total over the horizon)" : "retention per period")
                .barMode(Layout.BarMode.GROUP).build();
        // tiers named "1", "2", "3" would make Plotly guess a numeric axis, on which "unassigned" has no place
        p.layoutPatch("xaxis.type", "'category'");
        return revenue
                ? p.chart("Revenue by tier", "Total revenue of each tier's customers over the horizon.", layout)
                : p.chart("Retention by tier", "Share of a tier's active customers who stay each period "
                        + "(1 − mean per-period churn rate; periods with no customers in the tier are left out).", layout);
    }

    /** The revenue concentration (Lorenz / 80-20) curve per strategy. */
    public static Chart concentration(Table concentration) {
        Plot p = new Plot();
        List<String> strategies = Rows.distinct(concentration, "strategy");
        for (int s = 0; s < strategies.size(); s++) {
            Table rows = Rows.where(concentration, "strategy", strategies.get(s));
            p.add(p.line(Rows.values(rows, "customer_share"), Rows.values(rows, "revenue_share"), strategies.get(s), s,
                    Line.Dash.SOLID));
        }
        p.add(ScatterTrace.builder(new double[] {0, 1}, new double[] {0, 1}).mode(ScatterTrace.Mode.LINE)
                .name(p.text.of("all customers equal"))
                .line(Line.builder().color("#999999").width(1).dash(Line.Dash.DASH).build()).build());
        p.layoutPatch("shapes", "[{type: 'line', x0: 0.2, x1: 0.2, y0: 0, y1: 1, line: {color: '#999', width: 1, dash: 'dot'}}]");
        return p.chart("Revenue concentration",
                "Share of all revenue (y) earned by the top share of customers (x), largest first, averaged over "
                        + "replications. Each customer's revenue to date at the end of the run, warm-up and earlier "
                        + "purchases included (unlike the headline revenue, which counts the measured periods only); "
                        + "the dotted line marks the top 20%.",
                p.layout("share of customers (largest first)", "share of revenue to date"));
    }

    /** Mean of the non-NaN values (NaN if none). */
    static double mean(double[] v) {
        double sum = 0;
        int n = 0;
        for (double d : v) {
            if (!Double.isNaN(d)) {
                sum += d;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Sum of the non-NaN values. */
    static double sum(double[] v) {
        double sum = 0;
        for (double d : v) {
            if (!Double.isNaN(d)) {
                sum += d;
            }
        }
        return sum;
    }

    /** The roles with staff hours in a periods table ({@code staff_hours:ROLE}). */
    public static List<String> roles(Table periods) {
        List<String> out = new ArrayList<>();
        for (String m : Rows.distinct(periods, "metric")) {
            if (m.startsWith("staff_hours:")) {
                out.add(m.substring("staff_hours:".length()));
            }
        }
        return out;
    }
}
