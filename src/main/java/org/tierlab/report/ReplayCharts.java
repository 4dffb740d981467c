package org.tierlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * Charts of a {@code tierlab replay} folder, one static factory per kind, each from one of its tables
 * (tier_sizes.csv, migrations.csv, stability.csv, holdout_by_tier.csv, gains.csv, customers.csv; formats in
 * docs/replay.md).
 */
public final class ReplayCharts {
    /** The models in gains.csv that are references, not tierings. */
    static final String ORACLE = "oracle";
    static final String RANDOM = "random";
    /** The from_tier of customers acquired between two points, in migrations.csv. */
    static final String NEW = "(new)";

    private ReplayCharts() {
    }

    /** Gains curves: cumulative share of holdout revenue against share of customers, per model and the oracle. */
    public static Chart gains(Table gains) {
        Plot p = new Plot();
        List<String> models = Rows.distinct(gains, "model");
        int colour = 0;
        for (String m : models) {
            Table rows = Rows.where(gains, "model", m);
            double[] x = Rows.values(rows, "customer_share");
            double[] y = Rows.values(rows, "revenue_share");
            if (m.equals(ORACLE) || m.equals(RANDOM)) {
                p.add(ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE).name(p.text.of(m))
                        .line(Line.builder().width(m.equals(ORACLE) ? 2 : 1).color(m.equals(ORACLE) ? "#000000" : "#999999")
                                .dash(m.equals(ORACLE) ? Line.Dash.DASH : Line.Dash.DOT).build()).build());
            } else {
                int t = p.add(ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE_AND_MARKERS).name(p.text.of(m))
                        .line(Line.builder().width(2).color(Plot.color(colour)).build())
                        .marker(Marker.builder().color(Plot.color(colour)).size(7).build()).build());
                p.set(t, "text", jsArray(rows.stringColumn("up_to_tier").asList()));
                p.set(t, "hovertemplate", "'%{fullData.name}, up to %{text}: %{x:.1%} of customers, "
                        + "%{y:.1%} of holdout revenue<extra></extra>'");
                colour++;
            }
        }
        p.layoutPatch("xaxis.tickformat", "'.0%'");
        p.layoutPatch("yaxis.tickformat", "'.0%'");
        return p.chart("Gains on the holdout",
                "Customers taken tier by tier in each model's priority order (its tiers at the end of calibration): "
                        + "share of customers (x) against share of the holdout revenue they went on to make (y). "
                        + "The oracle takes customers by their actual holdout revenue, the best any tiering could do; "
                        + "random is the diagonal.",
                p.layout("share of customers (best tiers first)", "share of holdout revenue"));
    }

    /** Customers per tier at each re-tiering point, stacked, for one model. */
    public static Chart tierSizes(Table tierSizes, String model) {
        Plot p = new Plot();
        Table rows = Rows.where(tierSizes, "model", model);
        List<String> tiers = Rows.distinct(rows, "tier");
        for (int k = 0; k < tiers.size(); k++) {
            Table tier = Rows.where(rows, "tier", tiers.get(k));
            p.add(BarTrace.builder(p.text.of(tier.stringColumn("point").asList()), Rows.values(tier, "customers"))
                    .name(p.text.of(tiers.get(k))).marker(Marker.builder().color(Plot.color(k)).build()).build());
        }
        p.layoutPatch("xaxis.type", "'category'");
        List<String> without = new java.util.ArrayList<>(Rows.distinct(tierSizes, "point"));
        without.removeAll(Rows.distinct(rows, "point"));
        return p.chart("Tier sizes: " + model, "Customers in each tier at each re-tiering point (customers who had "
                + "bought by that day)." + (without.isEmpty() ? "" : " No tiers at " + String.join(", ", without)
                + ": the model could not be fitted on the history known then (see its fits)."), p.layoutBuilder("re-tiering point", "customers").barMode(Layout.BarMode.STACK)
                .build());
    }

    /**
     * Customers moving between tiers, summed over consecutive re-tiering points, for one model; the first row holds
     * the customers acquired in between.
     *
     * @param tierOrder the model's tiers in priority order (from tier_sizes.csv)
     */
    public static Chart migrations(Table migrations, String model, List<String> tierOrder) {
        Table rows = Rows.where(migrations, "model", model);
        List<String> from = new ArrayList<>();
        if (Rows.distinct(rows, "from_tier").contains(NEW)) {
            from.add(NEW);
        }
        from.addAll(tierOrder);
        double[][] z = new double[from.size()][tierOrder.size()];
        for (int r = 0; r < rows.rowCount(); r++) {
            int i = from.indexOf(rows.stringColumn("from_tier").get(r));
            int j = tierOrder.indexOf(rows.stringColumn("to_tier").get(r));
            if (i < 0 || j < 0) {
                throw new ReportException("migrations.csv names a tier of model '" + model
                        + "' that tier_sizes.csv does not list: " + rows.stringColumn("from_tier").get(r) + " -> "
                        + rows.stringColumn("to_tier").get(r));
            }
            z[i][j] += rows.doubleColumn("customers").getDouble(r);
        }
        Plot p = new Plot();
        p.countHeatmap(from, tierOrder, z);
        return p.chart("Tier migrations: " + model,
                "Customers moving from the tier on the left (row) at one re-tiering point to the tier at the bottom "
                        + "(column) at the next, summed over consecutive points; " + NEW + " are customers acquired in "
                        + "between. The diagonal are the customers who kept their tier.",
                p.layoutBuilder("to tier", "from tier").width(700).build());
    }

    /** Share of customers keeping their tier between consecutive points, per model. */
    public static Chart stability(Table stability) {
        Plot p = new Plot();
        List<String> models = Rows.distinct(stability, "model");
        for (int m = 0; m < models.size(); m++) {
            Table rows = Rows.where(stability, "model", models.get(m));
            p.add(ScatterTrace.builder(p.labels("to_point", rows.stringColumn("to_point").asList()),
                    rows.doubleColumn("stayed_share")).mode(ScatterTrace.Mode.LINE_AND_MARKERS)
                    .name(p.text.of(models.get(m))).line(Line.builder().width(2).color(Plot.color(m)).build())
                    .marker(Marker.builder().color(Plot.color(m)).size(8).build()).build());
        }
        p.layoutPatch("xaxis.type", "'category'");
        p.layoutPatch("yaxis.tickformat", "'.0%'");
        p.layoutPatch("yaxis.range", "[0, 1.02]");
        return p.chart("Tier stability", "Share of the customers tiered at the previous point who are in the same "
                + "tier at this one.", p.layout("re-tiering point", "kept their tier"));
    }

    /** Share of customers against share of holdout revenue, per tier of every model at the end of calibration. */
    public static Chart holdoutByTier(Table holdout) {
        Plot p = new Plot();
        List<String> labels = new ArrayList<>();
        for (int r = 0; r < holdout.rowCount(); r++) {
            labels.add(holdout.stringColumn("model").get(r) + ": " + holdout.stringColumn("tier").get(r));
        }
        p.add(BarTrace.builder(p.text.of(labels), Rows.values(holdout, "customer_share"))
                .name(p.text.of("share of customers")).marker(Marker.builder().color("#aaaaaa").build()).build());
        p.add(BarTrace.builder(p.text.of(labels), Rows.values(holdout, "revenue_share"))
                .name(p.text.of("share of holdout revenue")).marker(Marker.builder().color(Plot.color(0)).build())
                .build());
        p.layoutPatch("xaxis.type", "'category'");
        p.layoutPatch("yaxis.tickformat", "'.0%'");
        p.automargins();
        return p.chart("Holdout revenue by tier",
                "For each model's tiers at the end of calibration: the tier's share of customers (grey) and its share of "
                        + "the revenue all customers made in the holdout period (blue). A tiering that finds the customers "
                        + "who matter has tall blue bars in its first tiers.",
                p.layoutBuilder("model: tier", "share").barMode(Layout.BarMode.GROUP).build());
    }

    /**
     * The RFM grid: customers by recency score (columns) and frequency score (rows), coloured by their mean
     * monetary value at the end of calibration, with the number of customers in each cell (the R {@code rfm}
     * package's heatmap).
     */
    public static Chart rfmGrid(Table customers) {
        double[] r = Rows.values(customers, "r_score");
        double[] f = Rows.values(customers, "f_score");
        double[] monetary = Rows.values(customers, "monetary");
        int bins = 1;
        for (int i = 0; i < r.length; i++) {
            bins = Math.max(bins, (int) Math.max(r[i], f[i]));
        }
        double[][] sum = new double[bins][bins];
        int[][] n = new int[bins][bins];
        for (int i = 0; i < r.length; i++) {
            if (r[i] >= 1 && f[i] >= 1 && !Double.isNaN(monetary[i])) {
                sum[(int) f[i] - 1][(int) r[i] - 1] += monetary[i];
                n[(int) f[i] - 1][(int) r[i] - 1]++;
            }
        }
        List<String> scores = new ArrayList<>();
        for (int k = 1; k <= bins; k++) {
            scores.add(Integer.toString(k));
        }
        Plot p = new Plot();
        p.meanHeatmap(scores, scores, sum, n, "'R %{x}, F %{y}: mean monetary %{z:.2f} (%{text})<extra></extra>'");
        return p.chart("RFM: mean monetary value by recency and frequency score",
                String.format(Locale.ROOT, "The %d customers at the end of calibration by recency score (columns, %d = "
                        + "most recent) and frequency score (rows, %d = most frequent); colour is the mean monetary value "
                        + "(revenue to date), n the number of customers in the cell.", r.length, bins, bins),
                p.layoutBuilder("recency score", "frequency score").width(700).build());
    }

    /** A JavaScript array of the strings, each as a safe literal. */
    private static String jsArray(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            out.add(Html.jsString(v));
        }
        return "[" + String.join(", ", out) + "]";
    }
}
