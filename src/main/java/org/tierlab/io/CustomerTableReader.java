package org.tierlab.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tierlab.config.ConfigException;
import org.tierlab.score.CustomerFeatures;

/**
 * Reads a customer table (CSV with a header row: an id column, then one column per feature) into
 * {@link CustomerFeatures}. Columns named like a standard feature (recency, frequency, monetary, ...) must be
 * numeric; any other column is numeric if every non-empty cell is a number, else categorical. An empty numeric
 * cell is "no value" (NaN), which models treat as documented (a customer who never bought has no recency).
 */
public final class CustomerTableReader {
    private static final Set<String> NUMERIC = Set.of(CustomerFeatures.RECENCY, CustomerFeatures.FREQUENCY,
            CustomerFeatures.MONETARY, CustomerFeatures.ANNUAL_VALUE, CustomerFeatures.PROFIT, CustomerFeatures.TENURE, CustomerFeatures.SURVEY,
            CustomerFeatures.TREND, CustomerFeatures.LEAD, CustomerFeatures.CHURNED, CustomerFeatures.REPURCHASE);

    /** A read table: the ids in file order and their features. */
    public record CustomerTable(List<String> ids, CustomerFeatures features) {
    }

    private CustomerTableReader() {
    }

    /** Reads {@code file}; the id column is {@code idColumn}. */
    public static CustomerTable read(Path file, String idColumn) {
        String name = file.toString();
        List<String> header;
        List<String[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (Reader in = TextFiles.utf8(file);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.DISALLOW)
                        // spaces around a field are dropped, but not inside quotes: a quoted " a" is its own id, as
                        // tierlab's writers quote it so that it reads back exactly
                        .setIgnoreSurroundingSpaces(true).build().parse(in)) {
            header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new ConfigException(name, 1, null, "the file is empty; expected a header row naming the columns,"
                        + " among them the id column '" + idColumn + "'");
            }
            if (!header.contains(idColumn)) {
                throw new ConfigException(name, 1, idColumn, "no id column '" + idColumn + "' in the header " + header);
            }
            for (CSVRecord r : parser) {
                long line = CsvLines.startLine(parser, r); // where the row starts, if a quoted cell spans lines
                if (r.size() != header.size()) {
                    throw new ConfigException(name, (int) line, null, "expected " + header.size() + " fields, found "
                            + r.size());
                }
                rows.add(r.values());
                lines.add(line);
            }
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, 0, null, "file not found");
        } catch (IllegalArgumentException e) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("duplicate name: \"([^\"]*)\"")
                    .matcher(String.valueOf(e.getMessage()));
            if (m.find()) {
                throw new ConfigException(name, 1, m.group(1), "the header names column '" + m.group(1)
                        + "' twice; expected each column once");
            }
            throw new ConfigException(name, 0, null, "not a readable CSV table: " + e.getMessage());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ConfigException(name, 0, null, "not a readable CSV table: " + e.getMessage());
        }
        return build(name, header, rows, lines, idColumn);
    }

    private static CustomerTable build(String name, List<String> header, List<String[]> rows, List<Long> lines,
            String idColumn) {
        int n = rows.size();
        int idCol = header.indexOf(idColumn);
        List<String> ids = new ArrayList<>(n);
        java.util.Map<String, Long> seen = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            String id = rows.get(i)[idCol];
            long line = lines.get(i);
            if (id.isEmpty()) {
                throw new ConfigException(name, (int) line, idColumn, "empty customer id; expected an id");
            }
            Long first = seen.putIfAbsent(id, line);
            if (first != null) {
                throw new ConfigException(name, (int) line, idColumn, "customer id '" + id + "' is given twice (first"
                        + " on line " + first + "); expected one row per customer");
            }
            ids.add(id);
        }
        CustomerFeatures f = CustomerFeatures.of(n);
        Map<String, BitSet> nanText = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            if (c == idCol) {
                continue;
            }
            String col = header.get(c);
            double[] values = new double[n];
            BitSet nan = new BitSet();
            int bad = firstNonNumeric(rows, c, values, nan);
            if (bad < 0) {
                f.put(col, values);
                if (!nan.isEmpty()) {
                    nanText.put(col, nan);
                }
            } else if (NUMERIC.contains(col)) {
                throw new ConfigException(name, lines.get(bad).intValue(), col,
                        "expected a number, found '" + rows.get(bad)[c] + "'");
            } else {
                categorical(f, col, rows, c);
            }
        }
        // messages about bad values name the file line and the id, not the row's position
        List<Long> at = List.copyOf(lines);
        f.describedBy(i -> "customer at line " + at.get(i) + " (customer '" + ids.get(i) + "')");
        // no value is an empty cell, unless the cell says NaN
        f.missingDescribedBy((col, i) -> nanText.containsKey(col) && nanText.get(col).get(i)
                ? "feature '" + col + "' of " + f.describe(i) + " is NaN"
                : "line " + at.get(i) + ", column '" + col + "' (customer '" + ids.get(i) + "'): the cell is empty");
        return new CustomerTable(ids, f);
    }

    /**
     * Parses column c into values, an empty cell as NaN; sets in {@code nanText} the rows whose text itself reads as
     * NaN. Returns the first row that is not a number, or -1.
     */
    private static int firstNonNumeric(List<String[]> rows, int c, double[] values, BitSet nanText) {
        for (int i = 0; i < rows.size(); i++) {
            String s = rows.get(i)[c];
            if (s.isEmpty()) {
                values[i] = Double.NaN;
                continue;
            }
            try {
                values[i] = Numbers.parseDecimal(s); // not 10d or 0x1p3, which no table means as numbers
                if (Double.isNaN(values[i])) {
                    nanText.set(i);
                }
            } catch (NumberFormatException e) {
                return i;
            }
        }
        return -1;
    }

    private static void categorical(CustomerFeatures f, String col, List<String[]> rows, int c) {
        Map<String, Integer> codes = new LinkedHashMap<>();
        int[] out = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            out[i] = codes.computeIfAbsent(rows.get(i)[c], k -> codes.size());
        }
        f.putCategorical(col, out, new ArrayList<>(codes.keySet()));
    }
}
