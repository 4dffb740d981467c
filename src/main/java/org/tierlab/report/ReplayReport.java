package org.tierlab.report;

import static org.tierlab.report.CsvTables.Rule.count;
import static org.tierlab.report.CsvTables.Rule.nonNegative;
import static org.tierlab.report.CsvTables.Rule.share;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * The report of a {@code tierlab replay} folder, from its CSV files alone: how well each tiering model's tiers at
 * the end of calibration found the holdout's valuable customers (validity table, gains curves, holdout revenue by
 * tier), the RFM grid, and the tiers over time (stability, sizes, migrations).
 */
public final class ReplayReport {
    /** The most bins an RFM model takes (RfmModel), so the highest score customers.csv can hold. */
    private static final int MAX_BINS = 100;
    /** The fewest repeat customers replay's value model is fitted on (RefittedValueModel), for the caption. */
    private static final int MIN_REPEAT_CUSTOMERS = org.tierlab.replay.RefittedValueModel.MIN_REPEAT_CUSTOMERS;

    private ReplayReport() {
    }

    /** The page for replay folder {@code dir}. */
    public static ReportPage of(Path dir) {
        Table validity = CsvTables.read(dir.resolve("validity.csv"), Set.of("model"), List.of("spearman_revenue",
                "spearman_transactions", "revenue_capture_top20pct", "oracle_capture_top20pct",
                "first_tier_revenue_share"), List.of(correlation("spearman_revenue"),
                        correlation("spearman_transactions"), share("revenue_capture_top20pct"),
                        share("oracle_capture_top20pct"), share("first_tier_revenue_share")));
        Table gains = CsvTables.read(dir.resolve("gains.csv"), Set.of("model", "up_to_tier"),
                List.of("customer_share", "revenue_share"), List.of(share("customer_share"), share("revenue_share"),
                        share("transaction_share")));
        Table holdout = CsvTables.read(dir.resolve("holdout_by_tier.csv"), Set.of("model", "tier"),
                List.of("customer_share", "revenue_share"), List.of(count("customers"), share("customer_share"),
                        nonNegative("holdout_revenue"), share("revenue_share"), count("holdout_transactions"),
                        share("transaction_share"), share("active_share"), nonNegative("revenue_per_customer")));
        Table sizes = CsvTables.requireRows(dir.resolve("tier_sizes.csv"), CsvTables.read(
                dir.resolve("tier_sizes.csv"), Set.of("model", "point", "tier"), List.of("customers"),
                List.of(count("customers"), share("share"))));
        Table migrations = CsvTables.read(dir.resolve("migrations.csv"),
                Set.of("model", "from_point", "to_point", "from_tier", "to_tier"), List.of("customers"),
                List.of(count("customers")));
        Table stability = CsvTables.read(dir.resolve("stability.csv"), Set.of("model", "from_point", "to_point"),
                List.of("stayed_share"), List.of(count("customers"), share("stayed_share")));
        Path customersFile = dir.resolve("customers.csv");
        Table customers = CsvTables.read(customersFile, name -> name.equals("customer_id") || name.startsWith("tier_"),
                List.of(score("r_score"), score("f_score"), nonNegative("recency"), count("frequency"),
                        nonNegative("monetary"), nonNegative("holdout_revenue"), count("holdout_transactions")));
        CsvTables.require(customersFile, customers, List.of("customer_id", "r_score", "f_score", "monetary"));
        Path fitsFile = dir.resolve("value_fits.csv");
        // written by replay since the value model is fitted at each point; a folder from before has none
        Table fits = java.nio.file.Files.exists(fitsFile) ? CsvTables.read(fitsFile, Set.of("model", "point", "fit",
                "parameter", "status", "tiers"), List.of("estimate", "log_likelihood", "customers",
                "repeat_customers")) : null;
        List<String> models = Rows.distinct(validity, "model");
        List<String> points = Rows.distinct(sizes, "point");

        List<Section> s = new ArrayList<>();
        s.add(Section.heading("Does each tiering find the customers who matter?", "Every model's tiers at the end of "
                + "calibration (" + points.get(points.size() - 1) + ") against what the customers bought afterwards, "
                + "in the holdout period."));
        s.add(Section.table(validityTable(validity)));
        FitRunReport.settings(dir, "The log, periods and options of the replay: holdout values count the holdout"
                + " period given here.").ifPresent(s::add);
        s.add(Section.chart(ReplayCharts.gains(gains)));
        s.add(Section.chart(ReplayCharts.holdoutByTier(holdout)));
        s.add(Section.table(FitRunReport.plain(holdout, "Holdout by tier", "Per model and tier at the end of calibration: "
                + "customers, the revenue and transactions they made in the holdout period, and the share of them who "
                + "bought at all (active_share).")));
        s.add(Section.heading("Customers at the end of calibration", ""));
        s.add(Section.chart(ReplayCharts.rfmGrid(customers)));
        s.add(Section.heading("Tiers over time", "Re-tiering points: " + String.join(", ", points) + "."));
        if (stability.rowCount() > 0) {
            s.add(Section.chart(ReplayCharts.stability(stability)));
        }
        for (String m : models) {
            s.add(Section.chart(ReplayCharts.tierSizes(sizes, m)));
        }
        if (fits != null && fits.rowCount() > 0) {
            s.add(Section.table(fitsTable(fits)));
        }
        if (migrations.rowCount() > 0) {
            for (String m : models) {
                s.add(Section.chart(ReplayCharts.migrations(migrations, m,
                        Rows.distinct(Rows.where(sizes, "model", m), "tier"))));
            }
        }
        return new ReportPage("tierlab replay: " + Reports.folderName(dir), List.of(customers.rowCount()
                + " customers tiered by " + String.join(", ", models) + " at " + points.size() + " re-tiering point"
                + (points.size() == 1 ? "" : "s")), s);
    }

    /** RFM scores index the grid's cells: whole numbers from 1 to the most bins an RFM model takes. */
    private static CsvTables.Rule score(String column) {
        return new CsvTables.Rule(column, v -> v >= 1 && v <= MAX_BINS && v == Math.rint(v),
                "a whole score from 1 to " + MAX_BINS);
    }

    /**
     * The value model's BG/NBD and Gamma-Gamma fits at each point, one row per point and fit, and the points where
     * it has no tiers (a fit not made or not converged), with the reason.
     */
    private static HtmlTable fitsTable(Table fits) {
        List<List<HtmlTable.Cell>> rows = new ArrayList<>();
        List<String> untiered = new ArrayList<>();
        for (String model : Rows.distinct(fits, "model")) {
            Table ofModel = Rows.where(fits, "model", model);
            for (String point : Rows.distinct(ofModel, "point")) {
                Table atPoint = Rows.where(ofModel, "point", point);
                if (!atPoint.stringColumn("tiers").get(0).equals("yes")) {
                    untiered.add(model + " at " + point);
                }
                for (String fit : Rows.distinct(atPoint, "fit")) {
                    Table f = Rows.where(atPoint, "fit", fit);
                    List<String> estimates = new ArrayList<>();
                    for (int r = 0; r < f.rowCount(); r++) {
                        estimates.add(f.stringColumn("parameter").get(r) + " "
                                + Format.number(f.doubleColumn("estimate").getDouble(r)));
                    }
                    rows.add(List.of(HtmlTable.Cell.of(model), HtmlTable.Cell.of(point), HtmlTable.Cell.of(fit),
                            HtmlTable.Cell.of(String.join(", ", estimates)),
                            HtmlTable.Cell.of(Format.number(f.doubleColumn("log_likelihood").getDouble(0))),
                            HtmlTable.Cell.of(Format.number(f.doubleColumn("customers").getDouble(0))),
                            HtmlTable.Cell.of(Format.number(f.doubleColumn("repeat_customers").getDouble(0))),
                            HtmlTable.Cell.of(f.stringColumn("status").get(0)),
                            HtmlTable.Cell.of(f.stringColumn("tiers").get(0))));
                }
            }
        }
        return new HtmlTable("Value model fits at each re-tiering point", "BG/NBD and Gamma-Gamma are fitted at each "
                + "point on the history known that day, and tier by the value they predict then. A point needs both "
                + "fits converged, on at least " + MIN_REPEAT_CUSTOMERS + " customers with a repeat purchase; "
                + (untiered.isEmpty() ? "every point had them." : "without them there are no tiers: "
                + String.join(", ", untiered) + "."), List.of("model", "point", "fit", "estimates",
                "log-likelihood", "customers", "repeat customers", "status", "tiers"), rows);
    }

    /** A Spearman rank correlation: from -1 to 1, or empty (no variation to rank). */
    private static CsvTables.Rule correlation(String column) {
        double r = CsvTables.Check.ROUNDING;
        return new CsvTables.Rule(column, v -> Double.isNaN(v) || v >= -1 - r && v <= 1 + r,
                "a correlation from -1 to 1 (or empty)");
    }

    private static HtmlTable validityTable(Table v) {
        List<List<HtmlTable.Cell>> rows = new ArrayList<>();
        for (int r = 0; r < v.rowCount(); r++) {
            rows.add(List.of(HtmlTable.Cell.of(v.stringColumn("model").get(r)),
                    HtmlTable.Cell.of(fixed(v.doubleColumn("spearman_revenue").getDouble(r))),
                    HtmlTable.Cell.of(fixed(v.doubleColumn("spearman_transactions").getDouble(r))),
                    HtmlTable.Cell.of(percent(v.doubleColumn("revenue_capture_top20pct").getDouble(r))),
                    HtmlTable.Cell.of(percent(v.doubleColumn("oracle_capture_top20pct").getDouble(r))),
                    HtmlTable.Cell.of(percent(v.doubleColumn("first_tier_revenue_share").getDouble(r)))));
        }
        return new HtmlTable("Tier validity on the holdout", "Spearman: rank correlation between the customer's tier "
                + "(priority order, ties averaged) and their holdout revenue or transactions. Top 20%: share of the "
                + "holdout revenue made by the first 20% of customers in the model's order; the oracle is the most any "
                + "ordering could capture. Lifecycle stages are a service order (at risk first), not a value order. "
                + "– where a value is undefined (all customers in one tier give no rank order; no holdout revenue gives "
                + "no shares).",
                List.of("model", "Spearman (revenue)", "Spearman (transactions)", "revenue in top 20%",
                        "oracle top 20%", "first tier's revenue share"), rows);
    }

    /** A rank correlation; "–" where it is undefined, as the run report's tables show a missing value. */
    private static String fixed(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** A share as percent; "–" where it is undefined. */
    private static String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
