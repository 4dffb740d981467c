package org.tierlab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tech.tablesaw.api.Table;

/**
 * The report of a {@code tierlab run} folder, built from its CSV files, manifest.json and scenario.yaml alone:
 * headline and difference tables, curves over time, staff effort, tiers, migrations, concentration and the
 * scenario text.
 */
public final class RunReport {
    /** Headline metrics: key in summary.csv and column name. */
    private static final List<String[]> HEADLINE = List.of(new String[] {"retention", "retention"},
            new String[] {"repurchase_rate", "repurchase"}, new String[] {"nps", "NPS proxy"},
            new String[] {"staff_hours", "staff hours"}, new String[] {"revenue", "revenue"},
            new String[] {"profit", "profit"});
    private static final String NO_MAINTENANCE = "no_maintenance";
    private static final String UNIFORM = "uniform";

    /** Periods are counted from 1, the first measured period after the warm-up. */
    private static final CsvTables.Rule PERIOD = new CsvTables.Rule("period", v -> v >= 1 && v == Math.rint(v),
            "a whole number >= 1");
    /** A metric's mean (summary, periods, tiers), checked against the metric's range (docs/metrics.md). */
    private static final CsvTables.Rule MEAN_BY_METRIC = new CsvTables.Rule("mean", "metric", RunReport::metricRange);

    private RunReport() {
    }

    /**
     * The range of a metric's mean, as docs/metrics.md defines the metric: shares from 0 to 1, counts, money and
     * hours never negative, the NPS proxy from -100 to 100, satisfaction from 0 to 10; profit (and a metric this
     * version does not know) any finite number. Only the mean: a CI is not clipped to the range.
     */
    static CsvTables.Check metricRange(String metric) {
        int colon = metric.indexOf(':');
        String kind = colon < 0 ? metric : metric.substring(0, colon); // staff_hours:am is hours
        CsvTables.Check check = switch (kind) {
            case "retention", "churn_rate", "repurchase_rate", "renewal_rate", "lead_conversion" ->
                CsvTables.Check.SHARE;
            case "active", "size", "transactions", "revenue", "service_cost", "staff_hours", "unmet_hours",
                    "capacity_hours" -> CsvTables.Check.NON_NEGATIVE;
            case "nps" -> CsvTables.Check.between(-100, 100, "a number from -100 to 100");
            case "satisfaction" -> CsvTables.Check.between(0, 10, "a number from 0 to 10");
            default -> null;
        };
        return check == null ? CsvTables.Check.FINITE : check.forKey("metric", metric);
    }

    /** The page for run folder {@code dir}. */
    public static ReportPage of(Path dir) {
        List<String> estimate = List.of("mean", "ci_low", "ci_high");
        List<CsvTables.Rule> summaryRules = new ArrayList<>(List.of(MEAN_BY_METRIC));
        for (String column : List.of("ci_low", "ci_high", "vs_no_maintenance", "vs_no_maintenance_low",
                "vs_no_maintenance_high", "vs_uniform", "vs_uniform_low", "vs_uniform_high")) {
            summaryRules.add(CsvTables.Rule.finite(column)); // a CI is not clipped to the metric's range
        }
        Table summary = CsvTables.read(dir.resolve("summary.csv"), Set.of("strategy", "metric"), estimate,
                summaryRules);
        List<CsvTables.Rule> overTime = List.of(PERIOD, MEAN_BY_METRIC, CsvTables.Rule.finite("ci_low"),
                CsvTables.Rule.finite("ci_high"));
        Table periods = CsvTables.read(dir.resolve("periods.csv"), Set.of("strategy", "metric"),
                List.of("period", "mean", "ci_low", "ci_high"), overTime);
        Table tiers = CsvTables.read(dir.resolve("tiers.csv"), Set.of("strategy", "tier", "metric"),
                List.of("period", "mean", "ci_low", "ci_high"), overTime);
        Table migrations = CsvTables.read(dir.resolve("migrations.csv"), Set.of("strategy", "from_tier", "to_tier"),
                List.of("count"), List.of(CsvTables.Rule.nonNegative("count")));
        Table concentration = CsvTables.read(dir.resolve("concentration.csv"), Set.of("strategy"),
                List.of("customer_share", "revenue_share"),
                List.of(CsvTables.Rule.share("customer_share"), CsvTables.Rule.share("revenue_share")));
        String yaml = text(dir.resolve("scenario.yaml"));
        Manifest manifest = Manifest.read(dir.resolve("manifest.json"));
        String name = scenarioName(yaml, dir);

        List<Section> s = new ArrayList<>();
        s.add(Section.heading("Headline", "Means over replications with 95% confidence intervals (±)."));
        s.add(Section.table(headline(summary)));
        String pairing = manifest.independentStreams()
                ? "Paired difference by replication, without common random numbers (--independent-streams: each "
                        + "strategy drew its own random numbers, so the CI is about as wide as the two CIs suggest)"
                : "Paired difference (common random numbers)";
        s.add(Section.table(differences(summary, NO_MAINTENANCE, "no-maintenance", pairing)));
        s.add(Section.table(differences(summary, UNIFORM, "uniform", pairing)));
        s.add(Section.table(allMetrics(summary)));
        s.add(Section.chart(Charts.profitVsEffort(summary)));

        s.add(Section.heading("Over time", "Per measured period, per strategy; bands are 95% confidence intervals."));
        String axis = Charts.periodAxis(manifest.get("period"), manifest.get("warmup"));
        s.add(Section.chart(Charts.retentionCurves(periods, axis)));
        s.add(Section.chart(Charts.periodMetric(periods, "churn_rate", "Churn per period",
                "Customers who left during the period / customers active at its start.", "churn rate", axis)));
        s.add(Section.chart(Charts.periodMetric(periods, "nps", "NPS proxy",
                "% of survey answers 9–10 minus % answering 0–6 among the period's answers (−100…100).", "NPS proxy", axis)));
        s.add(Section.chart(Charts.periodMetric(periods, "satisfaction", "Mean satisfaction",
                "Mean satisfaction (0–10), after the period's update, of the customers active at its start who are "
                        + "still active at its end.", "satisfaction", axis)));
        s.add(Section.chart(Charts.periodMetric(periods, "profit", "Profit per period",
                "Revenue × gross margin − service cost.", "profit", axis)));

        s.add(Section.heading("Staff effort", "Hours worked per role against capacity; unmet hours are actions that "
                + "were due but not performed because the role's capacity was used up."));
        for (String role : Charts.roles(periods)) {
            s.add(Section.chart(Charts.staffHours(periods, role, axis)));
        }

        s.add(Section.heading("Tiers", "Each strategy's tiers ('unassigned': customers who appeared since the last "
                + "re-tiering)."));
        s.add(Section.chart(Charts.tierBars(tiers, false)));
        s.add(Section.chart(Charts.tierBars(tiers, true)));
        for (String strategy : Rows.distinct(tiers, "strategy")) {
            s.add(Section.chart(Charts.tierMetric(tiers, strategy, "size", "Tier sizes: " + strategy,
                    "Known customers and leads in each tier who are not known to have left.", "customers", axis)));
        }
        for (String strategy : Rows.distinct(tiers, "strategy")) {
            s.add(Section.chart(Charts.tierMetric(tiers, strategy, "satisfaction", "Satisfaction by tier: " + strategy,
                    "Mean satisfaction of each tier's active customers.", "satisfaction", axis)));
            s.add(Section.chart(Charts.tierMetric(tiers, strategy, "nps", "NPS proxy by tier: " + strategy,
                    "NPS proxy among each tier's survey answers (noisy for small tiers).", "NPS proxy", axis)));
        }
        s.add(Section.heading("Tier migrations", "Moves between tiers at re-tiering points."));
        for (String strategy : Rows.distinct(migrations, "strategy")) {
            s.add(Section.chart(Charts.migrations(migrations, strategy)));
        }

        s.add(Section.heading("Revenue concentration", "How much of the revenue the largest customers bring."));
        s.add(Section.chart(Charts.concentration(concentration)));
        s.add(Section.table(topShare(concentration)));
        s.add(Section.pre("Scenario (scenario.yaml as run)", yaml));
        List<String> facts = new ArrayList<>();
        facts.add("Scenario: " + name);
        facts.add("Run: " + manifest.get("date") + ", seed " + manifest.get("seed") + ", "
                + manifest.get("replications") + " replications, " + manifest.get("periods") + " "
                + manifest.get("period") + "s measured after " + manifest.get("warmup") + " warm-up, tierlab "
                + manifest.get("tierlab_version"));
        if (!manifest.get(Manifest.OVERRIDES).isEmpty()) {
            facts.add("Overrides: " + manifest.get(Manifest.OVERRIDES));
        }
        return new ReportPage("tierlab run: " + name, facts, s);
    }

    private static HtmlTable headline(Table summary) {
        List<String> header = new ArrayList<>(List.of("strategy"));
        HEADLINE.forEach(h -> header.add(h[1]));
        List<List<HtmlTable.Cell>> rows = new ArrayList<>();
        for (String strategy : Rows.distinct(summary, "strategy")) {
            List<HtmlTable.Cell> row = new ArrayList<>(List.of(HtmlTable.Cell.of(strategy)));
            for (String[] h : HEADLINE) {
                Table r = Rows.where(summary, "strategy", strategy, "metric", h[0]);
                row.add(HtmlTable.Cell.of(r.rowCount() == 0 ? "–" : Format.estimate(h[0], r.doubleColumn("mean").getDouble(0),
                        r.doubleColumn("ci_low").getDouble(0), r.doubleColumn("ci_high").getDouble(0))));
            }
            rows.add(row);
        }
        return new HtmlTable("Results per strategy", "Retention at the end of the horizon, mean repurchase rate, NPS "
                + "proxy over all answers, total staff hours, revenue and profit over the horizon.", header, rows);
    }

    /** {@code pairing} says how the differences were paired (with or without common random numbers). */
    /**
     * Every metric of summary.csv, one row each and a column per strategy: the headline picks six, but the terminal
     * table also shows unmet hours, and churn, renewal, satisfaction, lead conversion and cost per role are results
     * too.
     */
    private static HtmlTable allMetrics(Table summary) {
        List<String> strategies = Rows.distinct(summary, "strategy");
        List<String> header = new ArrayList<>(List.of("metric"));
        header.addAll(strategies);
        List<List<HtmlTable.Cell>> rows = new ArrayList<>();
        for (String metric : Rows.distinct(summary, "metric")) {
            List<HtmlTable.Cell> row = new ArrayList<>(List.of(HtmlTable.Cell.of(metric)));
            for (String strategy : strategies) {
                Table r = Rows.where(summary, "strategy", strategy, "metric", metric);
                row.add(HtmlTable.Cell.of(r.rowCount() == 0 ? "–" : Format.estimate(metric,
                        r.doubleColumn("mean").getDouble(0), r.doubleColumn("ci_low").getDouble(0),
                        r.doubleColumn("ci_high").getDouble(0))));
            }
            rows.add(row);
        }
        return new HtmlTable("All summary metrics", "Every metric of summary.csv (definitions in docs/metrics.md), mean "
                + "± 95% CI half-width over replications; rates in percent, hours and money as totals over the "
                + "horizon; – where a metric has no value (renewal rate without contracts, NPS proxy without survey "
                + "answers, lead conversion without leads).", header, rows);
    }

    private static HtmlTable differences(Table summary, String column, String baseline, String pairing) {
        List<String> header = new ArrayList<>(List.of("strategy"));
        HEADLINE.forEach(h -> header.add(h[1]));
        List<List<HtmlTable.Cell>> rows = new ArrayList<>();
        String col = "vs_" + column;
        for (String strategy : Rows.distinct(summary, "strategy")) {
            if (strategy.equals(baseline)) {
                continue;
            }
            List<HtmlTable.Cell> row = new ArrayList<>(List.of(HtmlTable.Cell.of(strategy)));
            for (String[] h : HEADLINE) {
                Table r = Rows.where(summary, "strategy", strategy, "metric", h[0]);
                if (r.rowCount() == 0 || !r.columnNames().contains(col)) {
                    row.add(HtmlTable.Cell.of("–"));
                    continue;
                }
                double d = r.doubleColumn(col).getDouble(0);
                double lo = r.doubleColumn(col + "_low").getDouble(0);
                double hi = r.doubleColumn(col + "_high").getDouble(0);
                boolean ns = !(lo > 0 || hi < 0);
                String text = Format.difference(h[0], d, lo, hi);
                row.add(new HtmlTable.Cell(Double.isNaN(d) ? text : ns ? text + " (n.s.)" : text, ns && !Double.isNaN(d)));
            }
            rows.add(row);
        }
        return new HtmlTable("Difference to " + baseline, pairing + " with its 95% CI; "
                + "grey \"n.s.\": the interval contains 0, so the difference is not significant. Rates in percentage "
                + "points.", header, rows);
    }

    private static HtmlTable topShare(Table concentration) {
        List<List<HtmlTable.Cell>> rows = new ArrayList<>();
        for (String strategy : Rows.distinct(concentration, "strategy")) {
            Table r = Rows.where(concentration, "strategy", strategy);
            double share = Double.NaN;
            for (int i = 0; i < r.rowCount(); i++) {
                if (Math.abs(r.doubleColumn("customer_share").getDouble(i) - 0.2) < 1e-9) {
                    share = r.doubleColumn("revenue_share").getDouble(i);
                }
            }
            rows.add(List.of(HtmlTable.Cell.of(strategy), HtmlTable.Cell.of(Format.value("retention", share))));
        }
        return new HtmlTable("Revenue of the top 20% of customers", "", List.of("strategy", "share of revenue"), rows);
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReportException(CsvTables.problem(file, e));
        }
    }

    /** The scenario's name from scenario.yaml, or the folder's name if it cannot be read. */
    private static String scenarioName(String yaml, Path dir) {
        try {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            if (root instanceof Map<?, ?> m && m.get("name") != null) {
                return String.valueOf(m.get("name"));
            }
        } catch (RuntimeException unreadable) {
            // fall through: the report still works without a name
        }
        return Reports.folderName(dir);
    }
}
