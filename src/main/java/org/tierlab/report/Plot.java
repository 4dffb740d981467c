package org.tierlab.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Margin;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/** Collects the traces, strings and patches of one chart; shared by {@link Charts} and {@link FitCharts}. */
final class Plot {
    /** Plotly's default colours, so bands can match their lines. */
    private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    /** Degrees between successive extra hues: consecutive colours differ widely and never repeat exactly. */
    private static final double GOLDEN_ANGLE = 137.50776405;
    final JsText text = new JsText();
    private final List<Trace> traces = new ArrayList<>();
    private final StringBuilder patch = new StringBuilder();

    /**
     * The colour of series {@code i}: Plotly's ten, then hues a golden angle apart at a darker, muted shade, so a
     * chart with more than ten series (RFM's segments, many strategies) never draws two of them alike.
     */
    static String color(int i) {
        if (i < PALETTE.length) {
            return PALETTE[Math.max(i, 0)];
        }
        return hsl((i - PALETTE.length) * GOLDEN_ANGLE % 360, 0.6, 0.35);
    }

    /** "#rrggbb" for hue {@code h} (degrees), saturation {@code s} and lightness {@code l} (0..1). */
    private static String hsl(double h, double s, double l) {
        double c = (1 - Math.abs(2 * l - 1)) * s;
        double x = c * (1 - Math.abs(h / 60 % 2 - 1));
        double m = l - c / 2;
        double[] rgb = h < 60 ? new double[] {c, x, 0} : h < 120 ? new double[] {x, c, 0}
                : h < 180 ? new double[] {0, c, x} : h < 240 ? new double[] {0, x, c}
                : h < 300 ? new double[] {x, 0, c} : new double[] {c, 0, x};
        StringBuilder b = new StringBuilder("#");
        for (double v : rgb) {
            b.append(String.format(java.util.Locale.ROOT, "%02x", (int) Math.round((v + m) * 255)));
        }
        return b.toString();
    }

    static String fill(int i) {
        String c = color(i);
        return "rgba(" + Integer.parseInt(c.substring(1, 3), 16) + "," + Integer.parseInt(c.substring(3, 5), 16) + ","
                + Integer.parseInt(c.substring(5, 7), 16) + ",0.18)";
    }

    /** Adds a trace and returns its index. */
    int add(Trace t) {
        traces.add(t);
        return traces.size() - 1;
    }

    /** Sets a trace attribute jsplot does not know; {@code js} must already be safe JavaScript. */
    void set(int trace, String attribute, String js) {
        patch.append("trace").append(trace).append('.').append(attribute).append(" = ").append(js).append(";\n");
    }

    /** Sets a layout attribute jsplot does not know. */
    void layoutPatch(String attribute, String js) {
        patch.append("layout.").append(attribute).append(" = ").append(js).append(";\n");
    }

    /** Puts trace {@code i} into the legend group {@code group}. */
    void group(int trace, String group) {
        set(trace, "legendgroup", Html.jsString(group));
    }

    /** Text values as a column of stand-ins (for category or date axes). */
    StringColumn labels(String name, List<String> values) {
        return StringColumn.create(name, text.of(values));
    }

    /** A line with a shaded band between {@code low} and {@code high}; returns the line's index. */
    int lineWithBand(double[] x, double[] mean, double[] low, double[] high, String name, int colour, Line.Dash dash) {
        int upper = add(ScatterTrace.builder(x, high).mode(ScatterTrace.Mode.LINE).showLegend(false)
                .name(text.of(name + " (95% CI high)")).line(Line.builder().width(0).color(color(colour)).build()).build());
        int lower = add(ScatterTrace.builder(x, low).mode(ScatterTrace.Mode.LINE).showLegend(false)
                .name(text.of(name + " (95% CI low)")).fill(ScatterTrace.Fill.TO_NEXT_Y).fillColor(fill(colour))
                .line(Line.builder().width(0).color(color(colour)).build()).build());
        int line = add(line(x, mean, name, colour, dash));
        group(upper, name);
        group(lower, name);
        group(line, name);
        set(upper, "hoverinfo", "'skip'");
        set(lower, "hoverinfo", "'skip'");
        return line;
    }

    /**
     * Adds a heatmap of counts from row categories (top to bottom) to column categories, each cell labelled with
     * its count: the tier migration matrix.
     */
    void countHeatmap(List<String> rows, List<String> columns, double[][] z) {
        int t = add(HeatmapTrace.builder(text.of(columns), text.of(rows), z).build());
        set(t, "colorscale", "'Blues'");
        set(t, "reversescale", "true");
        // a run's counts are means over replications (0.25 = one move in four): a whole-number label would show 0
        List<String> labels = new ArrayList<>();
        for (double[] row : z) {
            List<String> cells = new ArrayList<>();
            for (double v : row) {
                cells.add(Html.jsString(count(v)));
            }
            labels.add("[" + String.join(", ", cells) + "]");
        }
        set(t, "text", "[" + String.join(", ", labels) + "]");
        set(t, "texttemplate", "'%{text}'");
        set(t, "hovertemplate", "'%{y} → %{x}: %{text}<extra></extra>'");
        layoutPatch("yaxis.autorange", "'reversed'");
        layoutPatch("xaxis.type", "'category'");
        layoutPatch("yaxis.type", "'category'");
        automargins();
    }

    /** A count as a label: whole numbers as they are, a mean with at most two decimals, trailing zeros dropped. */
    static String count(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    /** Lets Plotly widen the margins to fit long category labels (tier names) instead of cutting them off. */
    void automargins() {
        layoutPatch("xaxis.automargin", "true");
        layoutPatch("yaxis.automargin", "true");
    }

    /**
     * Adds a heatmap of cell means ({@code sum / n}, empty where n = 0) labelled with each cell's count, rows
     * {@code y} and columns {@code x} as categories: the RFM grids. {@code hover} is a Plotly hovertemplate
     * (safe JavaScript text) that may use %{x}, %{y}, %{z} and %{text} ("n = count").
     */
    void meanHeatmap(List<String> x, List<String> y, double[][] sum, int[][] n, String hover) {
        double[][] z = new double[sum.length][];
        List<String> cells = new ArrayList<>();
        for (int r = 0; r < sum.length; r++) {
            z[r] = new double[sum[r].length];
            List<String> row = new ArrayList<>();
            for (int c = 0; c < sum[r].length; c++) {
                z[r][c] = n[r][c] == 0 ? Double.NaN : sum[r][c] / n[r][c];
                row.add("'n = " + n[r][c] + "'");
            }
            cells.add("[" + String.join(", ", row) + "]");
        }
        int t = add(HeatmapTrace.builder(text.of(x), text.of(y), z).build());
        set(t, "colorscale", "'YlOrRd'");
        set(t, "reversescale", "true");
        set(t, "text", "[" + String.join(", ", cells) + "]");
        set(t, "texttemplate", "'%{text}'");
        set(t, "hovertemplate", hover);
        layoutPatch("xaxis.type", "'category'");
        layoutPatch("yaxis.type", "'category'");
    }

    /** A plain line trace (not added). */
    ScatterTrace line(double[] x, double[] y, String name, int colour, Line.Dash dash) {
        return ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE).name(text.of(name))
                .line(Line.builder().width(2).color(color(colour)).dash(dash).build()).build();
    }

    /** Symmetric or asymmetric error bars on {@code axis} ("x" or "y") from a CI. */
    void errorBars(int trace, String axis, double[] mean, double[] low, double[] high) {
        double[] plus = new double[mean.length];
        double[] minus = new double[mean.length];
        for (int i = 0; i < mean.length; i++) {
            plus[i] = high[i] - mean[i];
            minus[i] = mean[i] - low[i];
        }
        set(trace, "error_" + axis, "{type: 'data', symmetric: false, array: " + Arrays.toString(plus)
                + ", arrayminus: " + Arrays.toString(minus) + ", visible: true}");
    }

    /** A layout with axis titles; the chart's title is the page's heading. */
    Layout layout(String xTitle, String yTitle) {
        return layoutBuilder(xTitle, yTitle).build();
    }

    Layout.LayoutBuilder layoutBuilder(String xTitle, String yTitle) {
        return Layout.builder().width(1000).height(460)
                .margin(Margin.builder().top(30).bottom(60).left(80).right(30).build())
                .xAxis(Axis.builder().title(text.of(xTitle)).build())
                .yAxis(Axis.builder().title(text.of(yTitle)).build());
    }

    Chart chart(String title, String caption, Layout layout) {
        return new Chart(title, caption, new Figure(layout, traces.toArray(new Trace[0])), text, patch.toString());
    }
}
