package org.tierlab.cli;

import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVPrinter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tierlab.config.ConfigException;
import org.tierlab.config.ConfigNode;
import org.tierlab.io.AtomicOutput;
import org.tierlab.io.CustomerTableReader;
import org.tierlab.score.AbcModel;
import org.tierlab.score.CustomerFeatures;
import org.tierlab.score.RfmAbc;
import org.tierlab.score.RfmModel;
import org.tierlab.score.RfmScores;
import org.tierlab.score.TieringModel;
import org.tierlab.score.TieringSpecs;
import org.tierlab.score.WeightedScoreModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.tierlab.log.LogFeatures;
import org.tierlab.log.TransactionLog;
import org.tierlab.output.Tables;

/**
 * {@code tierlab score}: tiers a customer table with one model and writes a tier per customer.
 */
@Command(name = "score", mixinStandardHelpOptions = true, versionProvider = TierlabCommand.Version.class,
        description = "Tier a customer table (CSV) with one tiering model; write customer_id,tier and print tier sizes.")
public final class ScoreCommand implements Callable<Integer> {
    @Option(names = "--in", paramLabel = "CSV",
            description = "Customer table: an id column and one column per feature (docs/scoring.md).")
    Path in;

    @Option(names = "--log", paramLabel = "LOG",
            description = "A transaction log instead of --in: summarised to recency, frequency, monetary, tenure and"
                    + " trend as of --as-of (log options as for `tierlab fit`).")
    Path log;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "With --log: tier as of the end of this day (yyyy-MM-dd; default: the last day in the log).")
    String asOf;

    @Mixin
    LogOptions logOptions;

    @Option(names = "--out", required = true, paramLabel = "CSV", description = "Where to write the tiers.")
    Path out;

    @Option(names = "--id-column", defaultValue = "customer_id", paramLabel = "NAME",
            description = "With --in: the name of the customer table's id column, also used in the output"
                    + " (default: ${DEFAULT-VALUE}). A log's id column is --id-col.")
    String idColumn;

    @Option(names = "--spec", paramLabel = "YAML", description = "A model specification file (as in a scenario's models).")
    Path spec;

    @Option(names = "--model", paramLabel = "NAME",
            description = "rfm, abc, top, lifecycle, weighted, attribute or predicted (predicted needs --spec).")
    String model;

    @Option(names = "--bins", paramLabel = "N", description = "rfm: scores per dimension (default 5).")
    Integer bins;

    @Option(names = "--binning", paramLabel = "RULE",
            description = "rfm: quantile (default) or ntile; custom breaks need --spec.")
    String binning;

    @Option(names = "--with-abc",
            description = "rfm: also each customer's ABC value class (column abc_class), found in the same passes over"
                    + " the money; --shares and --value set its classes (default 0.8,0.15,0.05 of monetary).")
    boolean withAbc;

    @Option(names = "--value", paramLabel = "COLUMN", description = "abc, top: the value column (default monetary).")
    String value;

    @Option(names = "--shares", split = ",", paramLabel = "S", description = "abc: class shares, e.g. 0.8,0.15,0.05.")
    List<Double> shares;

    @Option(names = "--counts", split = ",", paramLabel = "N", description = "top: tier sizes, e.g. 30,170.")
    List<Integer> counts;

    @Option(names = "--names", split = ",", paramLabel = "NAME", description = "abc, top, weighted: tier names.")
    List<String> names;

    @Option(names = "--preset", paramLabel = "NAME", description = "weighted: five-factor.")
    String preset;

    @Option(names = "--attribute", paramLabel = "COLUMN", description = "attribute: the categorical column.")
    String attribute;

    @Option(names = "--levels", split = ",", paramLabel = "LEVEL", description = "attribute: its levels, in order.")
    List<String> levels;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() throws Exception {
        AtomicOutput.checkTarget("--out", out, in, log, spec);
        TieringModel m = parseModel(specNode());
        AbcModel abc = withAbc ? abcModel(m) : null;
        Input table = input();
        CustomerFeatures f = table.features();
        int[] tiers = new int[f.size()];
        Extra extra;
        try {
            extra = assign(m, abc, f, tiers);
        } catch (IllegalArgumentException e) {
            throw new UserInputException((in != null ? in : log) + ": " + e.getMessage());
        }
        write(m, table, tiers, extra);
        printSizes(commandSpec.commandLine().getOut(), "tier", m.tierNames(), tiers);
        if (abc != null) {
            commandSpec.commandLine().getOut().println();
            printSizes(commandSpec.commandLine().getOut(), "abc_class", abc.tierNames(), extra.abcClasses());
        }
        return 0;
    }

    /** The ABC model of --with-abc, from --shares and --value. */
    private AbcModel abcModel(TieringModel m) {
        if (!(m instanceof RfmModel)) {
            throw new UserInputException("--with-abc applies to the rfm model only");
        }
        List<String> parts = new ArrayList<>(List.of("model: abc"));
        add(parts, "value", value);
        if (shares != null) {
            parts.add("shares: " + shares);
        }
        Map<String, String> given = new LinkedHashMap<>();
        if (value != null) {
            given.put("value", "--value");
        }
        if (shares != null) {
            given.put("shares", "--shares");
        }
        ConfigNode node = ConfigNode.parse("--with-abc (--shares, --value)",
                new StringReader("{" + String.join(", ", parts) + "}"));
        try {
            return (AbcModel) TieringSpecs.parse(node);
        } catch (ConfigException e) {
            throw new UserInputException("--with-abc: " + optionError(e, given, "abc"));
        }
    }

    /** Each spec key a model option sets, with the option that sets it (for messages naming what the user typed). */
    private static final Map<String, String> OPTION_OF_KEY = Map.of("model", "--model", "bins",
            "--bins", "binning", "--binning", "value", "--value", "preset", "--preset", "attribute", "--attribute",
            "shares", "--shares", "counts", "--counts", "names", "--names", "levels", "--levels");

    /**
     * The model: from the --spec file as it is, or from the options, where an error in the specification built from
     * them names the option the user typed (--shares), not the spec key ('shares') nor a line of a file there is not.
     */
    private TieringModel parseModel(ConfigNode node) {
        if (spec != null) {
            return TieringSpecs.parse(node);
        }
        try {
            return TieringSpecs.parse(node);
        } catch (ConfigException e) {
            Map<String, String> given = new LinkedHashMap<>();
            for (String key : node.keys()) {
                if (!key.equals("model")) {
                    given.put(key, OPTION_OF_KEY.get(key));
                }
            }
            throw new UserInputException(optionError(e, given, model));
        }
    }

    /**
     * An error in a specification built from options, reworded to name the option: {@code --shares: ...} for a key
     * an option sets, the options given for a problem of the whole model (shares and names that do not match).
     */
    private static String optionError(ConfigException e, Map<String, String> given, String model) {
        String problem = e.problem();
        String key = e.key();
        if (key == null || key.isEmpty()) {
            String options = given.isEmpty() ? "--model " + model : String.join(", ", given.values());
            return options + ": " + problem;
        }
        String top = key.split("[.\\[]", 2)[0];
        String option = OPTION_OF_KEY.get(top);
        if (option == null) {
            return "--model " + model + ": '" + key + "': " + problem + ", and no option sets it; expected the model in"
                    + " a YAML file given with --spec FILE (syntax: docs/scoring.md)"
                    + (model.equals("weighted") ? ", or --preset five-factor" : "");
        }
        if (problem.startsWith("unknown key")) {
            List<String> usable = new ArrayList<>();
            int open = problem.indexOf('[');
            if (open >= 0 && problem.endsWith("]")) {
                for (String k : problem.substring(open + 1, problem.length() - 1).split(",\\s*")) {
                    if (OPTION_OF_KEY.containsKey(k) && !k.equals("model")) {
                        usable.add(OPTION_OF_KEY.get(k));
                    }
                }
            }
            return option + " does not apply to --model " + model + "; expected "
                    + (usable.isEmpty() ? "no model option with it" : "only its options: " + String.join(", ", usable));
        }
        if (problem.equals("missing required key")) {
            return option + ": missing; --model " + model + " needs " + option;
        }
        if (!key.equals(top)) {
            Matcher item = Pattern.compile("\\[(\\d+)]$").matcher(key);
            if (item.find()) {
                return option + " (value " + (Integer.parseInt(item.group(1)) + 1) + "): " + problem;
            }
        }
        return option + ": " + problem;
    }

    /** What the output shows besides the tier: RFM scores, weighted scores, ABC classes (each null if not asked). */
    private record Extra(RfmScores rfm, double[] score, int[] abcClasses, List<String> abcNames) {
    }

    /** Tiers every customer; RFM scores (and ABC classes) are computed once and give the segments. */
    private static Extra assign(TieringModel m, AbcModel abc, CustomerFeatures f, int[] tiers) {
        if (m instanceof RfmModel rfm) {
            RfmScores scores;
            int[] classes = null;
            if (abc != null) {
                RfmAbc.Result both = RfmAbc.of(rfm, abc).score(f);
                scores = both.scores();
                classes = both.classes();
            } else {
                scores = rfm.scores(f);
            }
            rfm.segments(scores, tiers);
            return new Extra(scores, null, classes, abc == null ? null : abc.tierNames());
        }
        m.assign(f, tiers);
        return new Extra(null, m instanceof WeightedScoreModel w ? w.scores(f) : null, null, null);
    }

    /** Customer ids and their features, from a customer table or a transaction log. */
    private record Input(List<String> ids, CustomerFeatures features) {
    }

    private Input input() {
        if ((in == null) == (log == null)) {
            throw new UserInputException("give either --in CSV (a customer table) or --log LOG (a transaction log)");
        }
        if (in != null) {
            for (String logOnly : List.of("--as-of", "--separator", "--header", "--no-header", "--cdnow", "--id-col",
                    "--date-col", "--amount-col", "--date-format", "--keep-same-day", "--skip-bad-rows")) {
                if (commandSpec.commandLine().getParseResult().hasMatchedOption(logOnly)) {
                    throw new UserInputException(logOnly + " applies to --log only; a customer table (--in) is a"
                            + " comma-separated file whose header names the columns");
                }
            }
            CustomerTableReader.CustomerTable table = CustomerTableReader.read(in, idColumn);
            return new Input(table.ids(), table.features());
        }
        if (commandSpec.commandLine().getParseResult().hasMatchedOption("--id-column")) {
            // it used to rename the output's header only, while the log's first column silently stayed the id
            throw new UserInputException("--id-column names the id column of a customer table (--in); the id column"
                    + " of a log (--log) is --id-col (a 1-based number, or a header name with --header), and the output"
                    + " calls it customer_id");
        }
        TransactionLog t = logOptions.read(log, commandSpec.commandLine().getOut());
        java.time.LocalDate day = asOf == null ? Dates.lastDay(t) : Dates.parse("--as-of", asOf);
        LogFeatures lf = LogFeatures.asOf(t, (int) day.toEpochDay(), 0, logOptions.hasAmounts());
        if (lf.customer().length == 0) {
            throw new UserInputException("--as-of " + day + " is before the log's first purchase ("
                    + Dates.firstDay(t) + "): no customer to tier; expected a later day");
        }
        List<String> ids = new ArrayList<>(lf.customer().length);
        for (int c : lf.customer()) {
            ids.add(t.ids().get(c));
        }
        return new Input(ids, lf.features());
    }

    private ConfigNode specNode() {
        if (spec != null) {
            if (model != null) {
                throw new UserInputException("give either --spec or --model, not both");
            }
            refuseModelOptionsWithSpec();
            return ConfigNode.load(spec);
        }
        if (model == null) {
            throw new UserInputException("give --model NAME (rfm, abc, top, lifecycle, weighted, attribute) or --spec FILE");
        }
        if (model.equals("predicted") || "custom".equals(binning)) {
            throw new UserInputException((model.equals("predicted") ? "--model predicted needs a predictor"
                    : "--binning custom needs the breaks") + ", which no option sets: write the model in a YAML file"
                    + " and give it with --spec FILE (syntax: docs/scoring.md)");
        }
        List<String> parts = new ArrayList<>();
        parts.add("model: " + quote(model));
        if (bins != null) {
            parts.add("bins: " + bins);
        }
        add(parts, "binning", binning);
        if (!withAbc) {
            add(parts, "value", value); // with --with-abc, --value and --shares are the ABC model's
        }
        add(parts, "preset", preset);
        add(parts, "attribute", attribute);
        if (shares != null && !withAbc) {
            parts.add("shares: " + shares);
        }
        if (counts != null) {
            parts.add("counts: " + counts);
        }
        if (names != null) {
            parts.add("names: " + quoteAll(names));
        }
        if (levels != null) {
            parts.add("levels: " + quoteAll(levels));
        }
        return ConfigNode.parse("command-line options", new StringReader("{" + String.join(", ", parts) + "}"));
    }

    /**
     * The options that build a model from the command line would be silently ignored next to a --spec file, which
     * gives the whole model; --value and --shares stay allowed with --with-abc, where they set the ABC classes.
     */
    private void refuseModelOptionsWithSpec() {
        List<String> modelOptions = new ArrayList<>(List.of("--bins", "--binning", "--counts", "--names", "--preset",
                "--attribute", "--levels"));
        if (!withAbc) {
            modelOptions.addAll(List.of("--value", "--shares"));
        }
        for (String option : modelOptions) {
            if (commandSpec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new UserInputException(option + " sets a model built from options, and --spec " + spec
                        + " gives the whole model; expected the setting in the spec file (or --model with options)");
            }
        }
    }

    private static void add(List<String> parts, String key, String v) {
        if (v != null) {
            parts.add(key + ": " + quote(v));
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String quoteAll(List<String> items) {
        List<String> q = new ArrayList<>();
        for (String s : items) {
            q.add(quote(s));
        }
        return "[" + String.join(", ", q) + "]";
    }

    private void write(TieringModel m, Input table, int[] tiers, Extra extra) {
        RfmScores rfm = extra.rfm();
        double[] score = extra.score();
        int[] classes = extra.abcClasses();
        List<String> tierNames = m.tierNames();
        List<String> classNames = extra.abcNames();
        AtomicOutput.writeText(out, w -> {
            List<String> head = new ArrayList<>(List.of(idColumn, "tier"));
            if (rfm != null) {
                head.addAll(List.of("r_score", "f_score", "m_score"));
            }
            if (classes != null) {
                head.add("abc_class");
            }
            if (score != null) {
                head.add("score");
            }
            // not closed here: AtomicOutput owns the stream and closes it after the rename is safe
            CSVPrinter p = new CSVPrinter(w, Tables.FORMAT.builder().setHeader(head.toArray(new String[0])).build());
            {
                for (int i = 0; i < tiers.length; i++) {
                    List<Object> row = new ArrayList<>(List.of(table.ids().get(i), tierNames.get(tiers[i])));
                    if (rfm != null) {
                        row.addAll(List.of(rfm.r()[i], rfm.f()[i], rfm.m()[i]));
                    }
                    if (classes != null) {
                        row.add(classNames.get(classes[i]));
                    }
                    if (score != null) {
                        // every digit: rounded to 4 decimals, 79.99999 printed as 80.0000 beside a tier below 80
                        row.add(Double.toString(score[i]));
                    }
                    p.printRecord(row);
                }
            }
            p.flush();
        });
    }

    private static void printSizes(PrintWriter o, String heading, List<String> names, int[] tiers) {
        int[] count = new int[names.size()];
        for (int t : tiers) {
            count[t]++;
        }
        int width = heading.length();
        for (String n : names) {
            width = Math.max(width, n.length());
        }
        o.printf(Locale.ROOT, "%-" + width + "s  %10s  %7s%n", heading, "customers", "share");
        for (int k = 0; k < count.length; k++) {
            o.printf(Locale.ROOT, "%-" + width + "s  %10d  %6.1f%%%n", names.get(k), count[k],
                    tiers.length == 0 ? 0.0 : 100.0 * count[k] / tiers.length);
        }
        o.printf(Locale.ROOT, "%-" + width + "s  %10d%n", "total", tiers.length);
    }
}
