package org.tierlab.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * The report of a {@code tierlab fit} folder, from its CSV files alone: parameters and holdout accuracy, the
 * calibration histogram, tracking plots, conditional expectations, the BG/NBD probability-alive matrix, an RFM
 * heatmap and the customers with the highest CLV.
 */
public final class FitRunReport {
    private static final int TOP_CUSTOMERS = 15;

    private FitRunReport() {
    }

    /** The page for fit folder {@code dir}. */
    public static ReportPage of(Path dir) {
        // estimates, standard errors and log-likelihoods go unchecked: a fit that did not converge may hold anything
        Table parameters = CsvTables.read(dir.resolve("parameters.csv"), Set.of("model", "parameter", "converged"),
                List.of("estimate", "std_error", "log_likelihood", "customers"),
                List.of(CsvTables.Rule.count("customers")));
        requireParameters(dir.resolve("parameters.csv"), parameters);
        Table histogram = CsvTables.read(dir.resolve("calibration_histogram.csv"), Set.of("calibration_frequency"),
                List.of("actual_customers", "bgnbd_expected_customers"),
                List.of(CsvTables.Rule.count("actual_customers"),
                        CsvTables.Rule.nonNegative("bgnbd_expected_customers")));
        Table conditional = CsvTables.read(dir.resolve("conditional.csv"), Set.of("calibration_frequency"),
                List.of("actual_holdout_mean", "bgnbd_expected_mean", "pareto_nbd_expected_mean"),
                nonNegative("actual_holdout_mean", "bgnbd_expected_mean", "pareto_nbd_expected_mean", "customers"));
        List<CsvTables.Rule> customerRules = new ArrayList<>(List.of(CsvTables.Rule.count("x"),
                CsvTables.Rule.count("holdout_x"), CsvTables.Rule.share("p_alive"),
                CsvTables.Rule.share("pareto_p_alive")));
        customerRules.addAll(nonNegative("t_x", "T", "mean_spend", "bgnbd_expected_holdout", "expected_spend",
                "pareto_expected_holdout", "clv"));
        Table customers = CsvTables.requireRows(dir.resolve("customers.csv"), CsvTables.read(
                dir.resolve("customers.csv"), Set.of("customer_id"), List.of("x", "t_x", "T", "mean_spend", "clv"),
                customerRules));
        Table tracking = CsvTables.read(dir.resolve("tracking.csv"), Set.of("start_date", "phase"),
                List.of("actual", "bgnbd", "pareto_nbd", "actual_cumulative", "bgnbd_cumulative",
                        "pareto_nbd_cumulative"), nonNegative("actual", "bgnbd", "pareto_nbd", "actual_cumulative",
                        "bgnbd_cumulative", "pareto_nbd_cumulative"));
        Table accuracy = CsvTables.read(dir.resolve("accuracy.csv"), Set.of("measure"));

        List<Section> s = new ArrayList<>();
        s.add(Section.heading("Fitted models", "Maximum-likelihood estimates on the calibration period."));
        settings(dir, "The log, periods and options of the fit: rates are per time unit.").ifPresent(s::add);
        s.add(Section.table(parameterTable(parameters)));
        s.add(Section.table(plain(accuracy, "Holdout accuracy", "Per-customer errors of the predicted number of holdout "
                + "transactions, and the aggregate holdout total.")));
        s.add(Section.heading("Calibration and holdout", ""));
        s.add(Section.chart(FitCharts.calibrationHistogram(histogram)));
        double[] t = Rows.values(customers, "T");
        double maxT = java.util.Arrays.stream(t).filter(v -> !Double.isNaN(v)).max().orElse(1);
        String holdoutStart = FitCharts.holdoutStart(tracking, maxT);
        s.add(Section.chart(FitCharts.tracking(tracking, false, holdoutStart)));
        s.add(Section.chart(FitCharts.tracking(tracking, true, holdoutStart)));
        s.add(Section.chart(FitCharts.conditional(conditional)));
        s.add(Section.heading("Customers", ""));
        int maxX = (int) java.util.Arrays.stream(Rows.values(customers, "x")).filter(v -> !Double.isNaN(v)).max().orElse(1);
        String unit = FitCharts.timeUnit(tracking);
        // a model that did not converge predicts nothing, here as in the CSV files
        if (converged(parameters, "BG/NBD")) {
            s.add(Section.chart(FitCharts.probabilityAlive(parameters, maxT, maxX, unit)));
        } else {
            s.add(Section.heading("BG/NBD probability alive", "Not drawn: the BG/NBD fit did not converge."));
        }
        s.add(Section.chart(FitCharts.rfm(customers, unit)));
        if (converged(parameters, "BG/NBD") && converged(parameters, "Gamma-Gamma")) {
            s.add(Section.table(topCustomers(customers)));
        } else {
            s.add(Section.heading("Customers with the highest CLV", "Not ranked: CLV needs converged BG/NBD and"
                    + " Gamma-Gamma fits."));
        }
        long n = customers.rowCount();
        return new ReportPage("tierlab fit: " + Reports.folderName(dir),
                List.of("BG/NBD, Pareto/NBD and Gamma-Gamma fitted to " + n + " customers"), s);
    }

    /** Rules for columns that cannot be negative (counts, means of counts, spend, times), each may be empty. */
    private static List<CsvTables.Rule> nonNegative(String... columns) {
        List<CsvTables.Rule> rules = new ArrayList<>();
        for (String c : columns) {
            rules.add(CsvTables.Rule.nonNegative(c));
        }
        return rules;
    }

    /**
     * The settings.csv table of a fit or replay folder; empty for a folder written before settings.csv existed,
     * which still gets its report.
     */
    static java.util.Optional<Section> settings(Path dir, String caption) {
        Path file = dir.resolve("settings.csv");
        if (!java.nio.file.Files.exists(file)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Section.table(plain(CsvTables.read(file, Set.of("setting", "value")), "Settings",
                caption)));
    }

    private static HtmlTable parameterTable(Table p) {
        List<List<HtmlTable.Cell>> rows = new ArrayList<>();
        for (int r = 0; r < p.rowCount(); r++) {
            rows.add(List.of(HtmlTable.Cell.of(p.stringColumn("model").get(r)), HtmlTable.Cell.of(p.stringColumn("parameter").get(r)),
                    HtmlTable.Cell.of(Format.number(p.doubleColumn("estimate").getDouble(r))),
                    HtmlTable.Cell.of(Format.number(p.doubleColumn("std_error").getDouble(r))),
                    HtmlTable.Cell.of(String.format(java.util.Locale.ROOT, "%.1f", p.doubleColumn("log_likelihood").getDouble(r))),
                    HtmlTable.Cell.of(String.format(java.util.Locale.ROOT, "%.0f", p.doubleColumn("customers").getDouble(r))),
                    HtmlTable.Cell.of(p.stringColumn("converged").get(r))));
        }
        return new HtmlTable("Parameters", "", List.of("model", "parameter", "estimate", "std. error", "log-likelihood",
                "customers", "converged"), rows);
    }

    /** Any table as text, numbers with four significant digits. */
    static HtmlTable plain(Table t, String title, String caption) {
        List<List<HtmlTable.Cell>> rows = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            List<HtmlTable.Cell> row = new ArrayList<>();
            for (int c = 0; c < t.columnCount(); c++) {
                row.add(HtmlTable.Cell.of(t.column(c) instanceof tech.tablesaw.api.DoubleColumn d
                        ? Format.number(d.getDouble(r)) : t.stringColumn(c).get(r)));
            }
            rows.add(row);
        }
        return new HtmlTable(title, caption, t.columnNames(), rows);
    }

    /** The parameters of each model, as fit writes them. */
    private static final Map<String, List<String>> PARAMETERS = new java.util.LinkedHashMap<>(Map.of(
            "BG/NBD", List.of("r", "alpha", "a", "b"), "Pareto/NBD", List.of("r", "alpha", "s", "beta"),
            "Gamma-Gamma", List.of("p", "q", "gamma")));

    /**
     * Checks that parameters.csv has one row per model and parameter: an edited file lacking one is named here,
     * not taken for a fit that did not converge.
     */
    private static void requireParameters(Path file, Table parameters) {
        for (Map.Entry<String, List<String>> m : PARAMETERS.entrySet()) {
            for (String name : m.getValue()) {
                int rows = Rows.where(parameters, "model", m.getKey(), "parameter", name).rowCount();
                if (rows != 1) {
                    throw new ReportException(file + ": " + rows + " rows for " + m.getKey() + " parameter " + name
                            + "; expected one, as tierlab fit wrote the file");
                }
            }
        }
    }

    /** True if every parameter row of {@code model} in parameters.csv says the fit converged. */
    private static boolean converged(Table parameters, String model) {
        Table rows = Rows.where(parameters, "model", model);
        for (int r = 0; r < rows.rowCount(); r++) {
            if (!rows.stringColumn("converged").get(r).equals("yes")) {
                return false;
            }
        }
        return rows.rowCount() > 0;
    }

    /** The customers with the highest CLV, highest first. */
    static HtmlTable topCustomers(Table customers) {
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < customers.rowCount(); r++) {
            order.add(r);
        }
        double[] clv = Rows.values(customers, "clv");
        order.sort(Comparator.comparingDouble((Integer r) -> Double.isNaN(clv[r]) ? Double.NEGATIVE_INFINITY : clv[r])
                .reversed());
        // row by row: Table.rows(int...) selects through a bitmap, which gives the rows back in file order
        Table top = customers.emptyCopy();
        for (int r : order.subList(0, Math.min(TOP_CUSTOMERS, order.size()))) {
            top.append(customers.rows(r));
        }
        return plain(top, "Customers with the highest CLV", "The " + TOP_CUSTOMERS + " customers with the highest "
                + "predicted lifetime value (all columns of customers.csv).");
    }
}
