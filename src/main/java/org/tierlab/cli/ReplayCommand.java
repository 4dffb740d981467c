package org.tierlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tierlab.btyd.Summaries;
import org.tierlab.config.ConfigNode;
import org.tierlab.log.TransactionLog;
import org.tierlab.output.RunFolder;
import org.tierlab.output.Tables;
import org.tierlab.replay.PointModel;
import org.tierlab.replay.RefittedValueModel;
import org.tierlab.replay.ReplayTables;
import org.tierlab.replay.TierHistory;
import org.tierlab.score.RfmModel;
import org.tierlab.score.TieringModel;
import org.tierlab.score.TieringSpecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.tablesaw.api.Table;

/**
 * {@code tierlab replay LOG}: applies each tiering model to a transaction log at every re-tiering point up to the
 * end of calibration, and measures how well the tiers at the end of calibration found the customers who mattered
 * in the holdout period.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = TierlabCommand.Version.class,
        description = {"Replay tiering models on a transaction log: tier sizes, migrations and stability at each "
                + "re-tiering point, and each model's capture of holdout revenue (gains, rank correlation)."})
public final class ReplayCommand implements Callable<Integer> {
    /** The models compared when no --models file is given. */
    static final String DEFAULT_MODELS = """
            rfm: {model: rfm}
            abc: {model: abc}
            lifecycle: {model: lifecycle}
            """;

    @Parameters(index = "0", paramLabel = "LOG", description = "Transaction log (one purchase per line).")
    Path log;

    @Mixin
    LogOptions logOptions;

    @Mixin
    OutputOptions output;

    @Mixin
    PeriodOptions periods;

    @Option(names = "--retier-every", defaultValue = "3m", paramLabel = "N[d|w|m]",
            description = "Interval between re-tiering points, counted back from --calibration-end (default 3m).")
    String retierEvery;

    @Option(names = "--models", paramLabel = "YAML",
            description = "Models to compare: a YAML map of name to model spec, as in a scenario's models "
                    + "(default: rfm, abc, lifecycle). A BG/NBD expected-value model is always added.")
    Path modelsFile;

    @Option(names = "--window-days", defaultValue = "0", paramLabel = "DAYS",
            description = "Count frequency and monetary over the last DAYS days only (default 0: all history).")
    int windowDays;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        LocalDate calEnd = periods.calibrationEnd();
        if (windowDays < 0) {
            throw new UserInputException("--window-days must be >= 0, found " + windowDays);
        }
        PrintWriter out = spec.commandLine().getOut();
        TransactionLog t = logOptions.read(log, out);
        LocalDate holdEnd = periods.holdoutEnd(t, out);
        List<LocalDate> points = points(Dates.firstDay(t), calEnd);
        Map<String, TieringModel> models = models();
        Summaries weeks = Summaries.of(t, calEnd, holdEnd, 7);
        Map<String, PointModel> pointModels = new LinkedHashMap<>();
        models.forEach((name, m) -> pointModels.put(name, PointModel.fixed(m)));
        String valueName = uniqueName(models, "bgnbd-value");
        RefittedValueModel value = valueModel(t, calEnd, holdEnd, out);
        if (value != null) {
            pointModels.put(valueName, value);
        }
        TierHistory history;
        try {
            history = TierHistory.ofPointModels(t, pointModels, points, windowDays, logOptions.hasAmounts());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(log + ": " + e.getMessage());
        }
        if (value != null) {
            for (int p = 0; p < points.size(); p++) {
                if (!history.tiered(valueName, p)) {
                    out.println("note: model " + valueName + " has no tiers at " + points.get(p) + ": "
                            + history.untieredReason(valueName, p));
                }
            }
        }
        ReplayTables tables = new ReplayTables(history, weeks);
        Table validity = tables.validity();
        Table customers = tables.customers(t.ids(), rfmScorer(models).scores(history.atLastPoint().features()));
        Path target = output.outOr(Path.of("reports", Dates.baseName(log) + "-replay"));
        try (RunFolder folder = RunFolder.open(target)) {
            Tables.writeCsv(new LogRunSettings(log, logOptions, Dates.firstDay(t), calEnd, holdEnd)
                    .with("retier_every", retierEvery).with("window_days", Integer.toString(windowDays))
                    .with("models", modelsFile == null ? "default (rfm, abc, lifecycle)" : modelsFile.toString())
                    .table(), folder.dir().resolve("settings.csv"));
            Tables.writeCsv(tables.tierSizes(), folder.dir().resolve("tier_sizes.csv"));
            Tables.writeCsv(tables.migrations(), folder.dir().resolve("migrations.csv"));
            Tables.writeCsv(tables.stability(), folder.dir().resolve("stability.csv"));
            Tables.writeCsv(tables.holdoutByTier(), folder.dir().resolve("holdout_by_tier.csv"));
            Tables.writeCsv(tables.gains(), folder.dir().resolve("gains.csv"));
            Tables.writeCsv(validity, folder.dir().resolve("validity.csv"));
            Tables.writeCsv(customers, folder.dir().resolve("customers.csv"));
            if (value != null) {
                Tables.writeCsv(value.fitsTable(valueName), folder.dir().resolve("value_fits.csv"));
            }
            org.tierlab.report.Reports.write(folder.dir());
            folder.commit();
        }
        // the tiers and holdout values are over the customers acquired by the calibration end, not the whole log
        out.printf(Locale.ROOT, "%d customers acquired by the calibration end (%d in the log); re-tiering points %s;"
                + " holdout %s to %s%n", weeks.size(), t.customers(), points, calEnd.plusDays(1), holdEnd);
        printValidity(out, validity);
        out.println("Run folder: " + target);
        return 0;
    }

    /** Points every interval back from the calibration end, the first on or after the log's first day. */
    private List<LocalDate> points(LocalDate first, LocalDate calEnd) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([1-9][0-9]{0,4})([dwm])").matcher(retierEvery);
        if (!m.matches()) {
            throw new UserInputException("--retier-every: expected a number up to 99999 and d, w or m (90d, 13w,"
                    + " 3m), found '" + retierEvery + "'");
        }
        int n = Integer.parseInt(m.group(1));
        // a calibration end on the last day of a month steps back to month ends (Sep 30 -> Jun 30 -> Mar 31)
        boolean monthEnds = calEnd.getDayOfMonth() == calEnd.lengthOfMonth();
        List<LocalDate> points = new ArrayList<>();
        for (int k = 0; k < 1000; k++) {
            LocalDate p = switch (m.group(2)) {
                case "d" -> calEnd.minusDays((long) n * k);
                case "w" -> calEnd.minusWeeks((long) n * k);
                default -> monthEnds ? java.time.YearMonth.from(calEnd).minusMonths((long) n * k).atEndOfMonth()
                        : calEnd.minusMonths((long) n * k);
            };
            if (p.isBefore(first)) {
                break;
            }
            points.add(p);
        }
        if (points.isEmpty()) {
            throw new UserInputException("--calibration-end " + calEnd + " is before the first purchase in the log ("
                    + first + ")");
        }
        Collections.reverse(points);
        return points;
    }

    private Map<String, TieringModel> models() {
        ConfigNode root = modelsFile == null
                ? ConfigNode.parse("default models", new java.io.StringReader(DEFAULT_MODELS))
                : ConfigNode.load(modelsFile);
        if (root.has("models")) {
            root = root.get("models");
        }
        if (!root.isMap() || root.keys().isEmpty()) {
            throw root.error("expected a map of model name to model spec, e.g. 'rfm: {model: rfm}'");
        }
        Map<String, TieringModel> models = new LinkedHashMap<>();
        for (String name : root.keys()) {
            models.put(TieringSpecs.modelName(root, name), TieringSpecs.parse(root.get(name)));
        }
        return models;
    }

    /** The first RFM model compared, or the standard one: its scores go into customers.csv and the RFM grid. */
    private static RfmModel rfmScorer(Map<String, TieringModel> models) {
        for (TieringModel m : models.values()) {
            if (m instanceof RfmModel r) {
                return r;
            }
        }
        return (RfmModel) TieringSpecs.parse(ConfigNode.parse("standard RFM", new java.io.StringReader("{model: rfm}")));
    }

    private static String uniqueName(Map<String, TieringModel> models, String name) {
        String n = name;
        for (int k = 2; models.containsKey(n); k++) {
            n = name + "-" + k;
        }
        return n;
    }

    /**
     * Tiers A/B/C (80/15/5 % of predicted value) by BG/NBD x Gamma-Gamma expected revenue over the holdout's length,
     * fitted at each point on the history known then; null (with a note) when the fits on the calibration period
     * are not usable (did not converge, as on a log without amounts or a very short calibration period, or too few
     * repeat customers), since the holdout tables read the calibration end's tiers.
     */
    private static RefittedValueModel valueModel(TransactionLog t, LocalDate calEnd, LocalDate holdEnd,
            PrintWriter out) {
        RefittedValueModel value = RefittedValueModel.of(t, holdEnd.toEpochDay() - calEnd.toEpochDay());
        String reason = value.fitsAt(calEnd).reason();
        if (!reason.isEmpty()) {
            out.println("note: model bgnbd-value left out: " + reason);
            return null;
        }
        return value;
    }

    private static void printValidity(PrintWriter out, Table v) {
        out.printf(Locale.ROOT, "%-14s %18s %22s %20s%n", "model", "spearman(revenue)", "revenue in top 20%",
                "oracle top 20%");
        for (int r = 0; r < v.rowCount(); r++) {
            out.printf(Locale.ROOT, "%-14s %18s %22s %20s%n", v.stringColumn("model").get(r),
                    number(v.doubleColumn("spearman_revenue"), r, 1, "%.3f"),
                    number(v.doubleColumn("revenue_capture_top20pct"), r, 100, "%.1f%%"),
                    number(v.doubleColumn("oracle_capture_top20pct"), r, 100, "%.1f%%"));
        }
    }

    /** A cell of the validity table scaled and formatted, or "n/a" where it is undefined (no revenue, ties). */
    private static String number(tech.tablesaw.api.DoubleColumn c, int r, double scale, String format) {
        if (c.isMissing(r) || !Double.isFinite(c.getDouble(r))) {
            return "n/a";
        }
        return String.format(Locale.ROOT, format, scale * c.getDouble(r));
    }
}
