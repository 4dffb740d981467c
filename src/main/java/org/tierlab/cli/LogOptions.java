package org.tierlab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tierlab.io.TextFiles;
import org.tierlab.log.LogFormat;
import org.tierlab.log.TransactionLog;
import picocli.CommandLine.Option;

/** How to read a transaction log: the options `fit` shares with the other log commands. */
public final class LogOptions {
    @Option(names = "--id-col", defaultValue = "1", paramLabel = "COL",
            description = "Column of the customer id: a 1-based number, or a header name with --header (default 1).")
    String idCol;

    @Option(names = "--date-col", defaultValue = "2", paramLabel = "COL", description = "Column of the date (default 2).")
    String dateCol;

    @Option(names = "--amount-col", defaultValue = "3", paramLabel = "COL",
            description = "Column of the amount (default 3); 0 or none for logs with dates only.")
    String amountCol;

    @Option(names = "--date-format", defaultValue = "iso", paramLabel = "FORMAT",
            description = "iso (yyyy-MM-dd), yyyyMMdd, or any java.time pattern (default iso).")
    String dateFormat;

    @Option(names = "--separator", defaultValue = "whitespace", paramLabel = "SEP",
            description = "whitespace (default), comma, tab, semicolon, or a single character.")
    String separator;

    @Option(names = "--header", negatable = true, defaultValue = "false",
            description = "The first line names the columns (default: no header).")
    boolean header;

    @Option(names = "--keep-same-day", description = "Do not merge a customer's purchases on the same day.")
    boolean keepSameDay;

    @Option(names = "--skip-bad-rows", description = "Skip unreadable rows (counted, first few printed) instead of stopping.")
    boolean skipBadRows;

    @Option(names = "--cdnow", paramLabel = "FILE",
            description = "Preset for the CDNOW files: master or sample (sets the columns and the date format;"
                    + " --keep-same-day and --skip-bad-rows still apply).")
    String cdnow;

    /** The command these options are mixed into: which options the user gave. */
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec command;

    /** The options a --cdnow preset sets, which must not be given next to it. */
    private static final List<String> PRESET_OPTIONS = List.of("--id-col", "--date-col", "--amount-col",
            "--date-format", "--separator", "--header", "--no-header");

    /** Reads {@code log} in this format and prints the count and a sample of any skipped rows. */
    TransactionLog read(Path log, PrintWriter out) {
        TransactionLog t = TransactionLog.read(log, format(log));
        if (t.skipped() > 0) {
            out.printf(Locale.ROOT, "skipped %d bad rows, for example:%n", t.skipped());
            t.skippedSample().forEach(s -> out.println("  " + s));
        }
        if (t.transactions() == 0) {
            throw new UserInputException(log + ": the log holds no transactions; expected lines of customer id, date"
                    + (hasAmounts() ? " and amount" : "") + (header ? " after the header" : ""));
        }
        return t;
    }

    /** False when the log has no amount column (--amount-col 0 or none). */
    boolean hasAmounts() {
        return cdnow != null || !(amountCol.equals("0") || amountCol.equals("none"));
    }

    /** The format these options describe for {@code log} (whose header is read when columns are given by name). */
    LogFormat format(Path log) {
        if (cdnow != null) {
            refuseOptionsThePresetSets();
            LogFormat preset = switch (cdnow) {
                case "master" -> LogFormat.cdnowMaster();
                case "sample" -> LogFormat.cdnowSample();
                default -> throw new UserInputException("--cdnow takes master or sample, found '" + cdnow + "'");
            };
            // the master as Fader and Hardie publish it has no header line, the copies in some packages have one:
            // a first line that is a purchase is read as one, not dropped as a header
            boolean presetHeader = preset.header() && !startsWithPurchase(log, preset.dateColumn());
            // the preset sets the columns and dates; how rows are merged or skipped is still the user's choice
            return new LogFormat(preset.separator(), presetHeader, preset.idColumn(), preset.dateColumn(),
                    preset.amountColumn(), preset.dates(), !keepSameDay, skipBadRows);
        }
        String separatorRegex = separatorRegex();
        List<String> names = header ? headerNames(log, separatorRegex) : List.of();
        int id = column("--id-col", idCol, names);
        int date = column("--date-col", dateCol, names);
        int amount = amountCol.equals("0") || amountCol.equals("none") ? -1 : column("--amount-col", amountCol, names);
        try {
            return new LogFormat(separatorRegex, header, id, date, amount, dates(), !keepSameDay, skipBadRows,
                    datePattern());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    /** An option the preset would silently override (--amount-col 4 for the CDs) is refused instead. */
    private void refuseOptionsThePresetSets() {
        if (command == null || command.commandLine() == null || command.commandLine().getParseResult() == null) {
            return;
        }
        for (String option : PRESET_OPTIONS) {
            if (command.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new UserInputException(option + ": --cdnow " + cdnow + " sets the columns, separator, header and"
                        + " date format; expected either --cdnow or your own " + option + ", not both");
            }
        }
    }

    /** True if the log's first line is a CDNOW row: its date column holds a yyyyMMdd date. */
    private static boolean startsWithPurchase(Path log, int dateColumn) {
        try (BufferedReader in = TextFiles.utf8(log)) {
            String first = in.readLine();
            String[] fields = first == null ? new String[0] : first.trim().split("\\s+");
            return fields.length > dateColumn && fields[dateColumn].matches("[0-9]{8}");
        } catch (IOException e) {
            return false; // reading the log itself reports the problem
        }
    }

    /** The 0-based index of a column given as a 1-based number or as a header name. */
    private int column(String option, String value, List<String> names) {
        if (value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw new UserInputException(option + ": column numbers start at 1, found " + value);
            }
            return n - 1;
        }
        if (!header) {
            throw new UserInputException(option + " '" + value + "' is a column name: add --header so the first line"
                    + " names the columns, or give the column number");
        }
        int i = names.indexOf(value);
        if (i < 0) {
            throw new UserInputException(option + ": the header has no column '" + value + "'; it has " + names);
        }
        return i;
    }

    private static List<String> headerNames(Path log, String separatorRegex) {
        try (BufferedReader in = TextFiles.utf8(log)) {
            String first = in.readLine();
            // said here, or the user reads that a header of no columns lacks theirs
            if (first == null) {
                throw new UserInputException(log + ": the file is empty; expected a header line naming the columns"
                        + " (--header), then one purchase per line");
            }
            if (first.isBlank()) {
                throw new UserInputException(log + ":1: the header line is empty; expected the names of the columns"
                        + " (--header)");
            }
            String[] parts = separatorRegex == null ? first.trim().split("\\s+") : first.split(separatorRegex, -1);
            List<String> names = new ArrayList<>();
            for (String p : parts) {
                names.add(p.trim().replaceAll("^\"|\"$", ""));
            }
            return names;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserInputException(log + ": no such file");
        } catch (IOException e) {
            throw new UserInputException(log + ": cannot read: " + e.getMessage());
        }
    }

    private String separatorRegex() {
        return switch (separator) {
            case "whitespace" -> null;
            case "comma" -> ",";
            case "tab" -> "\t";
            case "semicolon" -> ";";
            default -> {
                if (separator.length() != 1) {
                    throw new UserInputException("--separator takes whitespace, comma, tab, semicolon or one character");
                }
                yield java.util.regex.Pattern.quote(separator);
            }
        };
    }

    /** The date format as error messages name it. */
    private String datePattern() {
        return switch (dateFormat) {
            case "iso" -> "yyyy-MM-dd";
            default -> dateFormat;
        };
    }

    private DateTimeFormatter dates() {
        return switch (dateFormat) {
            case "iso" -> DateTimeFormatter.ISO_LOCAL_DATE;
            case "yyyyMMdd" -> DateTimeFormatter.BASIC_ISO_DATE;
            default -> {
                try {
                    // strict, so 31/04 or 30/02 is an error rather than quietly the month's last day; strict
                    // resolving needs the proleptic year (u) where patterns usually say year-of-era (y)
                    yield DateTimeFormatter.ofPattern(dateFormat.replace('y', 'u'))
                            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
                } catch (IllegalArgumentException e) {
                    throw new UserInputException("--date-format: not a date pattern: " + e.getMessage());
                }
            }
        };
    }
}
