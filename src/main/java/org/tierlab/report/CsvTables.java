package org.tierlab.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tierlab.io.CsvLines;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads a run folder's CSV back into a Tablesaw table with the column types fixed by the caller: the named
 * columns as text (so a tier called "1" stays a name), every other column as numbers, an empty cell as NaN.
 */
public final class CsvTables {
    private CsvTables() {
    }

    /** Reads {@code file}; {@code textColumns} are kept as strings. */
    public static Table read(Path file, Set<String> textColumns) {
        return read(file, textColumns, List.of());
    }

    /**
     * Reads {@code file}; {@code textColumns} are kept as strings, and the file must also hold
     * {@code numberColumns}: the report's charts read them, so a missing one is named here, with its file, and not
     * met later as an internal error.
     */
    public static Table read(Path file, Set<String> textColumns, List<String> numberColumns) {
        Table t = read(file, textColumns::contains);
        require(file, t, textColumns);
        require(file, t, numberColumns);
        return t;
    }

    /**
     * Reads {@code file} as {@link #read(Path, Set, List)} does, and checks every value of a column with a rule, naming
     * the line of a value that breaks it.
     */
    public static Table read(Path file, Set<String> textColumns, List<String> numberColumns, List<Rule> rules) {
        Table t = read(file, textColumns::contains, rules);
        require(file, t, textColumns);
        require(file, t, numberColumns);
        return t;
    }

    /** Checks that {@code t}, read from {@code file}, has every one of {@code columns}. */
    public static void require(Path file, Table t, java.util.Collection<String> columns) {
        for (String c : columns) {
            if (!t.columnNames().contains(c)) {
                throw new ReportException(file + " has no column '" + c + "' (its header: " + t.columnNames()
                        + "); expected the file as tierlab wrote it");
            }
        }
    }

    /**
     * Checks that {@code t}, read from {@code file}, has a row: for a table tierlab never writes empty (a fit's
     * customers, a replay's tier sizes), whose charts and tables start from its first row.
     */
    public static Table requireRows(Path file, Table t) {
        if (t.rowCount() == 0) {
            throw new ReportException(file + " has no rows; expected the file as tierlab wrote it");
        }
        return t;
    }

    /** Why a file could not be read, in words: the missing file named, Java's exception class names left out. */
    static String problem(Path file, Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return file + " is missing; expected a folder as tierlab run, fit or replay wrote it";
        }
        if (e instanceof java.nio.charset.CharacterCodingException
                || e.getCause() instanceof java.nio.charset.CharacterCodingException) {
            return "cannot read " + file + ": it is not UTF-8 text; expected the file as tierlab wrote it";
        }
        String why = String.valueOf(e.getMessage())
                .replaceAll("(?:[a-z]+\\.)+[A-Z][A-Za-z]*(?:Exception|Error): ", "")
                .replace("IOException reading next record: ", "not valid CSV ");
        return "cannot read " + file + ": " + why;
    }

    /**
     * A rule the numbers of one column must follow, for a chart or table that would otherwise draw a damaged value
     * as given (an RFM score indexes a grid cell, a share of 1.7 shows as 170 %): {@code check} gives, from the text
     * of the row's {@code keyColumn} (null when the rule has none), what the value must be, or null for no check
     * (summary.csv's {@code mean} is a share for retention, hours for staff_hours). A non-empty cell that reads as
     * NaN or infinite ({@code NaN}, {@code Infinity}, {@code 1e999}) breaks every rule: tierlab writes no value as
     * an empty cell, which a {@link Check} may accept (NaN).
     */
    public record Rule(String column, String keyColumn, java.util.function.Function<String, Check> check) {
        /** A rule of one column whatever the row: {@code ok} accepts a value (NaN for an empty cell). */
        public Rule(String column, DoublePredicate ok, String expected) {
            this(column, null, key -> new Check(ok, expected));
        }

        /** A share or probability: from 0 to 1 (1e-9 above 1 for rounding), or empty. */
        public static Rule share(String column) {
            return new Rule(column, null, key -> Check.SHARE);
        }

        /** An amount that cannot be negative (revenue, hours, mean customers, days), or empty. */
        public static Rule nonNegative(String column) {
            return new Rule(column, null, key -> Check.NON_NEGATIVE);
        }

        /** A count (customers, transactions): a whole number &gt;= 0, never empty. */
        public static Rule count(String column) {
            return new Rule(column, null, key -> Check.COUNT);
        }

        /** Any finite number, or empty. */
        public static Rule finite(String column) {
            return new Rule(column, null, key -> Check.FINITE);
        }
    }

    /** What one value must be: {@code ok} accepts it (NaN for an empty cell); {@code expected} says it in words. */
    public record Check(DoublePredicate ok, String expected) {
        /** Shares and correlations may pass a bound by this much: a cumulated share can sum to 1.0000000000000002. */
        static final double ROUNDING = 1e-9;
        /** See {@link Rule#share}. */
        public static final Check SHARE = new Check(v -> Double.isNaN(v) || v >= 0 && v <= 1 + ROUNDING,
                "a share from 0 to 1");
        /** See {@link Rule#nonNegative}. */
        public static final Check NON_NEGATIVE = new Check(v -> Double.isNaN(v) || v >= 0, "a number >= 0");
        /** See {@link Rule#count}. */
        public static final Check COUNT = new Check(v -> v >= 0 && v == Math.rint(v), "a whole number >= 0");
        /** See {@link Rule#finite}. */
        public static final Check FINITE = new Check(v -> true, "a finite number (or empty)");

        /** A number from lo to hi, or empty. */
        public static Check between(double lo, double hi, String what) {
            return new Check(v -> Double.isNaN(v) || v >= lo && v <= hi, what);
        }

        /** The same check, its words saying for which key it holds ("... for metric 'retention'"). */
        public Check forKey(String keyName, String key) {
            return new Check(ok, expected + " for " + keyName + " '" + key + "'");
        }
    }

    /** Reads {@code file}; the columns whose names pass {@code isText} are kept as strings. */
    public static Table read(Path file, Predicate<String> isText) {
        return read(file, isText, List.of());
    }

    /**
     * Reads {@code file} as {@link #read(Path, Predicate)} does, and checks every value of a column with a rule,
     * naming the line of a value that breaks it.
     */
    public static Table read(Path file, Predicate<String> isText, List<Rule> rules) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, format)) {
            List<String> names = parser.getHeaderNames();
            List<Column<?>> columns = new ArrayList<>();
            Rule[] ruleOf = new Rule[names.size()];
            int[] keyOf = new int[names.size()];
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i);
                columns.add(isText.test(n) ? StringColumn.create(n) : DoubleColumn.create(n));
                for (Rule rule : rules) {
                    ruleOf[i] = rule.column().equals(n) ? rule : ruleOf[i];
                }
                // a rule keyed by a column the file lacks checks nothing here: the caller's require() names it
                String key = ruleOf[i] == null ? null : ruleOf[i].keyColumn();
                keyOf[i] = key == null ? -1 : names.indexOf(key);
                if (key != null && keyOf[i] < 0) {
                    ruleOf[i] = null;
                }
            }
            for (CSVRecord r : parser) {
                long line = CsvLines.startLine(parser, r);
                if (r.size() != names.size()) {
                    throw new ReportException(file + " line " + line + ": expected "
                            + names.size() + " fields as in the header, found " + r.size());
                }
                for (int i = 0; i < names.size(); i++) {
                    String v = r.get(i);
                    if (columns.get(i) instanceof StringColumn s) {
                        s.append(v);
                    } else {
                        double d = number(file, line, names.get(i), v);
                        Check check = ruleOf[i] == null ? null
                                : ruleOf[i].check().apply(keyOf[i] < 0 ? null : r.get(keyOf[i]));
                        if (check != null && (!check.ok().test(d) || !v.isBlank() && !Double.isFinite(d))) {
                            throw new ReportException(file + " line " + line + ": column " + names.get(i)
                                    + " should be " + check.expected() + ", found '" + v + "'");
                        }
                        ((DoubleColumn) columns.get(i)).append(d);
                    }
                }
            }
            return Table.create(file.getFileName().toString(), columns);
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new ReportException(problem(file, e));
        }
    }

    private static double number(Path file, long line, String column, String v) {
        if (v.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new ReportException(file + " line " + line + ": column " + column
                    + " should be a number, found '" + v + "'");
        }
    }
}
