package org.tierlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tierlab.btyd.BgNbd;
import org.tierlab.btyd.Fit;
import org.tierlab.btyd.FitReport;
import org.tierlab.btyd.GammaGamma;
import org.tierlab.btyd.ParetoNbd;
import org.tierlab.btyd.PopulationEmitter;
import org.tierlab.btyd.Summaries;
import org.tierlab.btyd.Tracking;
import org.tierlab.io.AtomicOutput;
import org.tierlab.log.TransactionLog;
import org.tierlab.output.RunFolder;
import org.tierlab.output.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tierlab fit LOG}: fits BG/NBD, Pareto/NBD and Gamma-Gamma to a transaction log's calibration period,
 * checks them on the holdout period, and writes the results (and optionally a scenario population).
 */
@Command(name = "fit", mixinStandardHelpOptions = true, versionProvider = TierlabCommand.Version.class,
        description = "Fit BG/NBD, Pareto/NBD and Gamma-Gamma to a transaction log and check them on a holdout period.")
public final class FitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LOG", description = "Transaction log (one purchase per line).")
    Path log;

    @Mixin
    LogOptions logOptions;

    @Mixin
    OutputOptions output;

    @Mixin
    PeriodOptions periods;

    @Option(names = "--time-unit", defaultValue = "weeks", paramLabel = "UNIT",
            description = "days, weeks (default) or months: the unit of t_x, T and the fitted rates.")
    String timeUnit;

    @Option(names = "--penalty", defaultValue = "0", paramLabel = "L2",
            description = "L2 penalty on the parameters for data where the plain fit does not converge (default 0).")
    double penalty;

    /** CLV horizons beyond this (about 19 years in weeks) mean nothing and cost a hypergeometric sum per step. */
    static final int MAX_CLV_HORIZON = 1000;

    @Option(names = "--clv-horizon", paramLabel = "N",
            description = "Time units of future revenue in each customer's CLV (default: one year, 52 weeks, 12 months"
                    + " or 365 days).")
    Integer clvHorizonOption;

    /** The CLV horizon in time units, once the time unit is known. */
    int clvHorizon;

    @Option(names = "--discount-rate", defaultValue = "0.1", paramLabel = "RATE",
            description = "Annual discount rate for CLV (default 0.1).")
    double discountRate;

    @Option(names = "--emit-population", paramLabel = "FILE",
            description = "Also write a scenario population section fitted on the log.")
    Path emitPopulation;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        double unitDays = switch (timeUnit) {
            case "days" -> 1;
            case "weeks" -> 7;
            case "months" -> 365.25 / 12;
            default -> throw new UserInputException("--time-unit takes days, weeks or months, found '" + timeUnit + "'");
        };
        if (!(penalty >= 0 && penalty <= 1e6)) {
            throw new UserInputException("--penalty must be a number from 0 to 1e6, found " + penalty);
        }
        clvHorizon = clvHorizonOption != null ? clvHorizonOption : oneYear();
        if (clvHorizon < 1 || clvHorizon > MAX_CLV_HORIZON) {
            throw new UserInputException("--clv-horizon must be 1.." + MAX_CLV_HORIZON + " time units, found "
                    + clvHorizon);
        }
        if (!(discountRate >= 0 && discountRate < 10)) {
            throw new UserInputException("--discount-rate: expected an annual rate from 0 to below 10 (0.1 for 10 %),"
                    + " found " + discountRate);
        }
        if (emitPopulation != null && timeUnit.equals("days")) {
            throw new UserInputException("--emit-population needs --time-unit weeks or months: a scenario's periods are"
                    + " weeks or months");
        }
        Path target = output.outOr(Path.of("reports", Dates.baseName(log) + "-fit"));
        if (emitPopulation != null) {
            AtomicOutput.checkTarget("--emit-population", emitPopulation, log);
            requireOutside(emitPopulation, target);
        }
        LocalDate calEnd = periods.calibrationEnd();
        PrintWriter out = spec.commandLine().getOut();
        TransactionLog t = logOptions.read(log, out);
        LocalDate holdEnd = periods.holdoutEnd(t, out);
        Summaries s = Summaries.of(t, calEnd, holdEnd, unitDays);
        if (s.size() == 0) {
            throw new UserInputException(log + ": no customer made a first purchase by " + calEnd);
        }
        Fit bg = Fit.of(new BgNbd(), s, new double[] {1, 1, 1, 1}, penalty);
        Fit pn = Fit.of(new ParetoNbd(), s, new double[] {1, 1, 1, 1}, penalty);
        Fit gg = Fit.of(new GammaGamma(), s, new double[] {1, 1, 1}, penalty);
        if (emitPopulation != null) {
            requireConverged(bg);
            requireConverged(gg);
        }
        double holdoutLength = (holdEnd.toEpochDay() - calEnd.toEpochDay()) / unitDays;
        FitReport.Clv clv = new FitReport.Clv(clvHorizon, discountRate); // both checked above, with their option
        FitReport report = new FitReport(s, bg, pn, gg, holdoutLength, clv);
        try (RunFolder folder = RunFolder.open(target)) {
            Tables.writeCsv(settings(s, calEnd, holdEnd, holdoutLength), folder.dir().resolve("settings.csv"));
            Tables.writeCsv(report.parameters(), folder.dir().resolve("parameters.csv"));
            Tables.writeCsv(report.calibrationHistogram(), folder.dir().resolve("calibration_histogram.csv"));
            Tables.writeCsv(report.conditionalExpectations(), folder.dir().resolve("conditional.csv"));
            Tables.writeCsv(report.customers(t.ids()), folder.dir().resolve("customers.csv"));
            Tables.writeCsv(report.accuracy(), folder.dir().resolve("accuracy.csv"));
            Tables.writeCsv(Tracking.of(t, s, calEnd, holdEnd, bg.converged() ? bg.estimate() : null,
                    pn.converged() ? pn.estimate() : null),
                    folder.dir().resolve("tracking.csv"));
            org.tierlab.report.Reports.write(folder.dir());
            // before the commit: a population that cannot be written leaves no fit folder that looks complete
            if (emitPopulation != null) {
                AtomicOutput.writeString(emitPopulation, PopulationEmitter.yaml(bg, gg, unitName(),
                        arrivals(s, unitDays), log.getFileName().toString()));
            }
            folder.commit();
        }
        out.println(split(s, calEnd, holdEnd, holdoutLength));
        print(out, s, List.of(bg, pn, gg));
        out.println("Run folder: " + target);
        if (emitPopulation != null) {
            out.println("Population: " + emitPopulation);
        }
        return 0;
    }

    /**
     * Refuses to emit a population from a fit that did not converge: its estimates (a rate run off to 0, a spend
     * of infinite mean) would be simulated as if they described the log's customers.
     */
    private static void requireConverged(Fit f) {
        if (!f.converged()) {
            throw new UserInputException("--emit-population: the " + f.model() + " fit did not converge (" + f.message()
                    + "); expected converged BG/NBD and Gamma-Gamma fits, so no population is written (try --penalty,"
                    + " or run without --emit-population to see the fit)");
        }
    }

    /** What the fit was run on: the estimates are per time unit, so the folder must say which. */
    private tech.tablesaw.api.Table settings(Summaries s, LocalDate calEnd, LocalDate holdEnd, double holdoutLength) {
        return new LogRunSettings(log, logOptions, LocalDate.ofEpochDay(firstDay(s)), calEnd, holdEnd)
                .with("time_unit", timeUnit)
                .with("holdout_length", String.format(Locale.ROOT, "%.4f", holdoutLength))
                .with("penalty", Double.toString(penalty))
                .with("clv_horizon", Integer.toString(clvHorizon))
                .with("discount_rate", Double.toString(discountRate))
                .table();
    }

    /** The calibration and holdout periods in one line, as the user should check them. */
    private String split(Summaries s, LocalDate calEnd, LocalDate holdEnd, double holdoutLength) {
        return String.format(Locale.ROOT, "calibration %s to %s, holdout %s to %s (%.1f %s)",
                LocalDate.ofEpochDay(firstDay(s)), calEnd, calEnd.plusDays(1), holdEnd, holdoutLength, timeUnit);
    }

    private static int firstDay(Summaries s) {
        return java.util.Arrays.stream(s.firstDay).min().orElseThrow();
    }

    /** The population file is written before the folder replaces its predecessor, so it must lie outside it. */
    private static void requireOutside(Path population, Path folder) {
        if (population.toAbsolutePath().normalize().startsWith(folder.toAbsolutePath().normalize())) {
            throw new UserInputException("--emit-population " + population + " lies inside the run folder " + folder
                    + ", which each fit replaces whole; expected a path outside it");
        }
    }

    /**
     * The default CLV horizon: one year in the time unit. A fixed 52 meant a year in weeks but 52 months or 52
     * days in the other units.
     */
    private int oneYear() {
        return switch (timeUnit) {
            case "days" -> 365;
            case "months" -> 12;
            default -> 52;
        };
    }

    /** The scenario's name for one period of the chosen time unit ("weeks" -> "week"). */
    private String unitName() {
        return timeUnit.substring(0, timeUnit.length() - 1);
    }

    private static int[] arrivals(Summaries s, double unitDays) {
        int start = Integer.MAX_VALUE;
        int end = Integer.MIN_VALUE;
        for (int d : s.firstDay) {
            start = Math.min(start, d);
            end = Math.max(end, d);
        }
        int[] counts = new int[(int) ((end - start) / unitDays) + 1];
        for (int d : s.firstDay) {
            counts[(int) ((d - start) / unitDays)]++;
        }
        return counts;
    }

    private static void print(PrintWriter out, Summaries s, List<Fit> fits) {
        out.printf(Locale.ROOT, "%d customers, %d with repeat purchases in calibration%n", s.size(),
                java.util.Arrays.stream(s.x).filter(x -> x > 0).count());
        out.printf(Locale.ROOT, "%-12s %-6s %12s %12s %14s  %s%n", "model", "param", "estimate", "std.error",
                "log-lik", "converged");
        for (Fit f : fits) {
            for (int j = 0; j < f.names().size(); j++) {
                out.printf(Locale.ROOT, "%-12s %-6s %12.4f %12.4f %14s  %s%n", j == 0 ? f.model() : "", f.names().get(j),
                        f.estimate()[j], f.standardError()[j],
                        j == 0 ? String.format(Locale.ROOT, "%.1f", f.logLikelihood()) : "",
                        j == 0 ? (f.converged() ? "yes" : "NO: " + f.message()) : "");
            }
        }
    }
}
