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
     * A rule the numbers of one column must follow, for a chart that would otherwise misread a damaged value (an
     * RFM score indexes a grid cell): {@code ok} accepts a value (NaN for an empty cell), {@code expected} says
     * what the message asks for.
     */
    public record Rule(String column, DoublePredicate ok, String expected) {
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
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i);
                columns.add(isText.test(n) ? StringColumn.create(n) : DoubleColumn.create(n));
                for (Rule rule : rules) {
                    ruleOf[i] = rule.column().equals(n) ? rule : ruleOf[i];
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
                        if (ruleOf[i] != null && !ruleOf[i].ok().test(d)) {
                            throw new ReportException(file + " line " + line + ": column " + names.get(i)
                                    + " should be " + ruleOf[i].expected() + ", found '" + v + "'");
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
