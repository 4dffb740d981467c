package org.tierlab.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tierlab.btyd.BgNbd;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * Charts of a {@code tierlab fit} folder, one static factory per kind, each from one of its tables
 * (calibration_histogram.csv, tracking.csv, conditional.csv, parameters.csv, customers.csv).
 */
public final class FitCharts {
    private static final int RECENCY_STEPS = 20;
    private static final int MAX_FREQUENCY = 30;
    private static final String[] FREQUENCY_BUCKETS = {"1", "2", "3", "4–5", "6–9", "10+"};
    private static final int RECENCY_BUCKETS = 6;

    private FitCharts() {
    }

    /** Actual against BG/NBD-expected number of customers by number of repeat purchases in calibration. */
    public static Chart calibrationHistogram(Table histogram) {
        Plot p = new Plot();
        List<String> x = histogram.stringColumn("calibration_frequency").asList();
        p.add(BarTrace.builder(p.text.of(x), Rows.values(histogram, "actual_customers")).name(p.text.of("actual"))
                .marker(Marker.builder().color(Plot.color(0)).build()).build());
        p.add(BarTrace.builder(p.text.of(x), Rows.values(histogram, "bgnbd_expected_customers"))
                .name(p.text.of("BG/NBD expected")).marker(Marker.builder().color(Plot.color(1)).build()).build());
        Layout layout = p.layoutBuilder("repeat purchases in the calibration period", "customers")
                .barMode(Layout.BarMode.GROUP).build();
        p.layoutPatch("xaxis.type", "'category'");
        return p.chart("Calibration fit: customers by repeat purchases",
                "How many customers made 0, 1, 2, ... repeat purchases in the calibration period, and how many the fitted "
                        + "BG/NBD model expects.", layout);
    }

    /**
     * The time unit of a fit ("day", "week" or "month"), told by the spacing of tracking.csv's first two period
     * starts, which every fit folder has (settings.csv, which names it, is missing from folders written before it
     * existed). A month is 365.25 / 12 days rounded to whole days, so its starts are 30 or 31 days apart.
     * "period" when it cannot be told (one period, or another spacing).
     */
    static String timeUnit(Table tracking) {
        if (tracking.rowCount() < 2) {
            return "period";
        }
        long days;
        try {
            days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse(tracking.stringColumn("start_date").get(0)),
                    LocalDate.parse(tracking.stringColumn("start_date").get(1)));
        } catch (java.time.DateTimeException notADate) {
            return "period";
        }
        return days == 1 ? "day" : days == 7 ? "week" : days == 30 || days == 31 ? "month" : "period";
    }

    /**
     * The first day of the holdout, "yyyy-MM-dd": the cohort's first purchase day (tracking's first period start)
     * plus {@code maxT}, the longest time to the end of calibration (customers.csv's T, in the fit's unit: the
     * earliest customer's), plus one day. Null when the unit or the first day cannot be told.
     */
    static String holdoutStart(Table tracking, double maxT) {
        double unitDays = switch (timeUnit(tracking)) {
            case "day" -> 1;
            case "week" -> 7;
            case "month" -> 365.25 / 12;
            default -> Double.NaN;
        };
        if (Double.isNaN(unitDays) || !(maxT >= 0)) {
            return null;
        }
        LocalDate origin = LocalDate.parse(tracking.stringColumn("start_date").get(0));
        return origin.plusDays(Math.round(maxT * unitDays) + 1).toString();
    }

    /**
     * Per-unit (or cumulative) repeat transactions: actual, BG/NBD and Pareto/NBD, with the calibration end marked
     * at {@code holdoutStart} ({@link #holdoutStart}), or, if that is null, at the first holdout period's start.
     */
    public static Chart tracking(Table tracking, boolean cumulative, String holdoutStart) {
        Plot p = new Plot();
        String unit = timeUnit(tracking);
        String suffix = cumulative ? "_cumulative" : "";
        var dates = p.labels("start_date", tracking.stringColumn("start_date").asList());
        String[][] series = {{"actual", "actual"}, {"bgnbd", "BG/NBD"}, {"pareto_nbd", "Pareto/NBD"}};
        for (int i = 0; i < series.length; i++) {
            p.add(ScatterTrace.builder(dates, tracking.doubleColumn(series[i][0] + suffix)).mode(ScatterTrace.Mode.LINE)
                    .name(p.text.of(series[i][1])).line(Line.builder().width(2).color(i == 0 ? "#000000" : Plot.color(i))
                            .dash(i == 0 ? Line.Dash.SOLID : Line.Dash.DASH).build()).build());
        }
        // periods need not end on the calibration end (a month straddles it): mark the day itself when known
        String end = holdoutStart;
        for (int r = 0; end == null && r < tracking.rowCount(); r++) {
            if (tracking.stringColumn("phase").get(r).equals("holdout")) {
                end = tracking.stringColumn("start_date").get(r);
                break;
            }
        }
        if (end != null) {
            p.layoutPatch("shapes", "[{type: 'line', xref: 'x', yref: 'paper', x0: " + Html.jsString(end) + ", x1: "
                    + Html.jsString(end) + ", y0: 0, y1: 1, line: {color: '#555', width: 1, dash: 'dot'}}]");
            p.layoutPatch("annotations", "[{x: " + Html.jsString(end) + ", xref: 'x', yref: 'paper', y: 1, "
                    + "text: 'calibration end', showarrow: false, xanchor: 'left', yanchor: 'top'}]");
        }
        String per = switch (unit) {
            case "day" -> "Daily";
            case "week" -> "Weekly";
            case "month" -> "Monthly";
            default -> "Per-period";
        };
        return p.chart(cumulative ? "Cumulative repeat transactions" : per + " repeat transactions",
                "Repeat transactions of the calibration cohort per " + unit + (cumulative ? ", cumulated" : "")
                        + ": actual against the two models' expectations. The dotted line marks the end of the "
                        + "calibration period; to its right the models predict the holdout period.",
                p.layout(unit.equals("day") ? "day" : unit + " starting",
                        cumulative ? "cumulative repeat transactions" : "repeat transactions"));
    }

    /** Mean holdout transactions by calibration frequency: actual, BG/NBD and Pareto/NBD. */
    public static Chart conditional(Table conditional) {
        Plot p = new Plot();
        var x = p.labels("calibration_frequency", conditional.stringColumn("calibration_frequency").asList());
        String[][] series = {{"actual_holdout_mean", "actual"}, {"bgnbd_expected_mean", "BG/NBD"},
            {"pareto_nbd_expected_mean", "Pareto/NBD"}};
        for (int i = 0; i < series.length; i++) {
            p.add(ScatterTrace.builder(x, conditional.doubleColumn(series[i][0]))
                    .mode(ScatterTrace.Mode.LINE_AND_MARKERS).name(p.text.of(series[i][1]))
                    .line(Line.builder().width(2).color(i == 0 ? "#000000" : Plot.color(i))
                            .dash(i == 0 ? Line.Dash.SOLID : Line.Dash.DASH).build()).build());
        }
        p.layoutPatch("xaxis.type", "'category'");
        return p.chart("Conditional expectations",
                "Mean number of holdout-period transactions of the customers with each number of calibration-period "
                        + "repeat purchases, against what each model expects for them.",
                p.layout("repeat purchases in the calibration period", "mean holdout transactions"));
    }

    /**
     * BG/NBD probability that a customer is still alive, by frequency and recency, for a customer observed for
     * {@code T} time units ({@code unit}s, as {@link #timeUnit} tells), from the fitted parameters (rows model =
     * BG/NBD of parameters.csv).
     */
    public static Chart probabilityAlive(Table parameters, double T, int maxFrequency, String unit) {
        Table bg = Rows.where(parameters, "model", "BG/NBD");
        double[] p4 = new double[4];
        String[] names = {"r", "alpha", "a", "b"};
        for (int i = 0; i < names.length; i++) {
            Table row = Rows.where(bg, "parameter", names[i]);
            if (row.rowCount() != 1) {
                throw new ReportException("parameters.csv has no BG/NBD parameter " + names[i]);
            }
            p4[i] = row.doubleColumn("estimate").getDouble(0);
        }
        // a fit that did not converge predicts nothing (its customers.csv columns are empty): draw no matrix from it
        // (FitRunReport then shows a note instead of this chart; the guard keeps any other caller from drawing one)
        String converged = bg.rowCount() == 0 ? "yes" : bg.stringColumn("converged").get(0);
        boolean predicts = converged.equals("yes");
        int xs = Math.min(Math.max(maxFrequency, 1), MAX_FREQUENCY);
        List<String> recency = new ArrayList<>();
        List<String> frequency = new ArrayList<>();
        double[][] z = new double[xs + 1][RECENCY_STEPS + 1];
        for (int j = 0; j <= RECENCY_STEPS; j++) {
            recency.add(String.format(Locale.ROOT, "%.1f", T * j / RECENCY_STEPS));
        }
        for (int x = 0; x <= xs; x++) {
            frequency.add(Integer.toString(x));
            for (int j = 0; j <= RECENCY_STEPS; j++) {
                double tx = T * j / RECENCY_STEPS;
                z[x][j] = !predicts || x > 0 && tx == 0 ? Double.NaN : BgNbd.probabilityAlive(p4, x, tx, T);
            }
        }
        Plot p = new Plot();
        p.add(HeatmapTrace.builder(p.text.of(recency), p.text.of(frequency), z).build());
        p.set(0, "colorscale", "'Viridis'");
        p.set(0, "zmin", "0");
        p.set(0, "zmax", "1");
        p.set(0, "hovertemplate", "'recency %{x}, frequency %{y}: P(alive) %{z:.2f}<extra></extra>'");
        return p.chart("BG/NBD probability alive",
                String.format(Locale.ROOT, "Probability that a customer observed for T = %.1f %ss is still "
                        + "active, by the number of repeat purchases (frequency) and the time of the last one (recency), "
                        + "from the fitted BG/NBD parameters.", T, unit)
                        + (maxFrequency > xs ? " Rows stop at " + xs + " repeat purchases; the most frequent "
                                + "customer made " + maxFrequency + "." : "")
                        + (predicts ? "" : " BG/NBD did not converge (" + converged + "), so it predicts nothing: no "
                                + "matrix is drawn."),
                p.layout("recency t_x (" + unit + "s from the first purchase to the last repeat purchase)",
                        "frequency x (repeat purchases)"));
    }

    /**
     * Mean spend per repeat purchase by recency bucket and frequency bucket (customers with repeat purchases);
     * recency in {@code unit}s.
     */
    public static Chart rfm(Table customers, String unit) {
        double[] x = Rows.values(customers, "x");
        double[] tx = Rows.values(customers, "t_x");
        double[] t = Rows.values(customers, "T");
        double[] spend = Rows.values(customers, "mean_spend");
        double maxT = Arrays.stream(t).filter(v -> !Double.isNaN(v)).max().orElse(1);
        double[][] sum = new double[FREQUENCY_BUCKETS.length][RECENCY_BUCKETS];
        int[][] n = new int[FREQUENCY_BUCKETS.length][RECENCY_BUCKETS];
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 1 || Double.isNaN(spend[i]) || Double.isNaN(tx[i])) {
                continue;
            }
            int f = x[i] <= 3 ? (int) x[i] - 1 : x[i] <= 5 ? 3 : x[i] <= 9 ? 4 : 5;
            int r = Math.min(RECENCY_BUCKETS - 1, (int) (tx[i] / maxT * RECENCY_BUCKETS));
            sum[f][r] += spend[i];
            n[f][r]++;
        }
        List<String> recency = new ArrayList<>();
        for (int r = 0; r < RECENCY_BUCKETS; r++) {
            recency.add(String.format(Locale.ROOT, "%.0f–%.0f", maxT * r / RECENCY_BUCKETS, maxT * (r + 1) / RECENCY_BUCKETS));
        }
        Plot p = new Plot();
        p.meanHeatmap(recency, List.of(FREQUENCY_BUCKETS), sum, n,
                "'recency %{x}, frequency %{y}: mean spend %{z:.2f} (%{text})<extra></extra>'");
        return p.chart("RFM: mean spend by recency and frequency",
                "Customers with at least one repeat purchase in the calibration period, bucketed by recency (t_x, time of "
                        + "the last repeat purchase) and frequency (x); colour is the mean spend per repeat purchase, n the "
                        + "number of customers in the cell.",
                p.layout("recency t_x (" + unit + "s)", "frequency x"));
    }
}
