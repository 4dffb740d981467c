package org.tierlab.log;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tierlab.config.ConfigException;

/**
 * A transaction log held as parallel primitive arrays, sorted by customer then day: no object per row, so a
 * log of a hundred million rows needs a few bytes per row. Customers are numbered in order of first
 * appearance in the file; {@link #ids()} maps numbers back to the file's ids.
 */
public final class TransactionLog {
    private final List<String> ids;
    private final int[] customer;
    private final int[] day;
    private final double[] amount;
    private final int[] firstRow;
    private final long skipped;
    private final List<String> skippedSample;

    private TransactionLog(List<String> ids, int[] customer, int[] day, double[] amount, long skipped,
            List<String> skippedSample) {
        this.ids = ids;
        this.customer = customer;
        this.day = day;
        this.amount = amount;
        this.skipped = skipped;
        this.skippedSample = List.copyOf(skippedSample);
        firstRow = new int[ids.size() + 1];
        for (int c : customer) {
            firstRow[c + 1]++;
        }
        for (int c = 0; c < ids.size(); c++) {
            firstRow[c + 1] += firstRow[c];
        }
    }

    /** Reads a log file; errors name the file, the line and the field. */
    public static TransactionLog read(Path file, LogFormat format) {
        String name = file.toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return parse(name, in, format);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, 0, null, "file not found");
        } catch (IOException e) {
            throw new ConfigException(name, 0, null, "cannot read: " + e.getMessage());
        }
    }

    private static TransactionLog parse(String name, BufferedReader in, LogFormat f) throws IOException {
        Map<String, Integer> index = new HashMap<>();
        List<String> ids = new ArrayList<>();
        int[] cust = new int[1 << 16];
        int[] days = new int[1 << 16];
        double[] amounts = new double[1 << 16];
        int n = 0;
        long skipped = 0;
        List<String> sample = new ArrayList<>();
        String line;
        int lineNo = 0;
        int need = f.fieldsNeeded();
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && f.header() || line.isBlank()) {
                continue;
            }
            String[] fields = f.separator() == null ? line.trim().split("\\s+") : line.split(f.separator(), -1);
            String problem = null;
            int d = 0;
            double amt = 0;
            if (fields.length < need) {
                problem = "expected at least " + need + " fields, found " + fields.length;
            } else {
                try {
                    d = (int) LocalDate.parse(fields[f.dateColumn()].trim(), f.dates()).toEpochDay();
                } catch (DateTimeParseException e) {
                    problem = "field " + (f.dateColumn() + 1) + " (date): cannot read '" + fields[f.dateColumn()] + "'";
                }
                if (problem == null && f.amountColumn() >= 0) {
                    String a = fields[f.amountColumn()].trim();
                    try {
                        amt = Double.parseDouble(a);
                        if (!(amt >= 0) || Double.isInfinite(amt)) {
                            problem = "field " + (f.amountColumn() + 1) + " (amount): expected a number >= 0, found '" + a + "'";
                        }
                    } catch (NumberFormatException e) {
                        problem = "field " + (f.amountColumn() + 1) + " (amount): expected a number, found '" + a + "'";
                    }
                }
            }
            if (problem != null) {
                if (!f.skipBadRows()) {
                    throw new ConfigException(name, lineNo, null, problem);
                }
                skipped++;
                if (sample.size() < 5) {
                    sample.add("line " + lineNo + ": " + problem);
                }
                continue;
            }
            String id = fields[f.idColumn()].trim();
            Integer c = index.get(id);
            if (c == null) {
                c = ids.size();
                index.put(id, c);
                ids.add(id);
            }
            if (n == cust.length) {
                cust = Arrays.copyOf(cust, n * 2);
                days = Arrays.copyOf(days, n * 2);
                amounts = Arrays.copyOf(amounts, n * 2);
            }
            cust[n] = c;
            days[n] = d;
            amounts[n] = amt;
            n++;
        }
        return sortAndMerge(ids, cust, days, amounts, n, f.mergeSameDay(), skipped, sample);
    }

    /**
     * Sorts rows by (customer, day) and merges same-day rows if asked: a counting sort by customer, then each
     * customer's few rows sorted by a packed (day, row) key. Primitive arrays only, whatever the log's size.
     */
    private static TransactionLog sortAndMerge(List<String> ids, int[] cust, int[] days, double[] amounts, int n,
            boolean merge, long skipped, List<String> sample) {
        int customers = ids.size();
        int[] start = new int[customers + 1];
        for (int i = 0; i < n; i++) {
            start[cust[i] + 1]++;
        }
        for (int c = 0; c < customers; c++) {
            start[c + 1] += start[c];
        }
        int minDay = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            minDay = Math.min(minDay, days[i]);
        }
        long[] keys = new long[n];
        int[] fill = Arrays.copyOf(start, customers);
        for (int i = 0; i < n; i++) {
            keys[fill[cust[i]]++] = ((long) (days[i] - minDay) << 32) | i;
        }
        int[] c2 = new int[n];
        int[] d2 = new int[n];
        double[] a2 = new double[n];
        int m = 0;
        for (int c = 0; c < customers; c++) {
            Arrays.sort(keys, start[c], start[c + 1]);
            for (int k = start[c]; k < start[c + 1]; k++) {
                int i = (int) keys[k];
                if (merge && m > 0 && c2[m - 1] == c && d2[m - 1] == days[i]) {
                    a2[m - 1] += amounts[i];
                    continue;
                }
                c2[m] = c;
                d2[m] = days[i];
                a2[m] = amounts[i];
                m++;
            }
        }
        return new TransactionLog(ids, Arrays.copyOf(c2, m), Arrays.copyOf(d2, m), Arrays.copyOf(a2, m), skipped, sample);
    }

    /** Customer ids, indexed by customer number. */
    public List<String> ids() {
        return ids;
    }

    /** Number of customers. */
    public int customers() {
        return ids.size();
    }

    /** Number of transactions (after merging). */
    public int transactions() {
        return customer.length;
    }

    /** First transaction row of customer c; its rows are firstRow(c) .. firstRow(c + 1) - 1, by day. */
    public int firstRow(int c) {
        return firstRow[c];
    }

    /** Day (epoch day) of a transaction row. */
    public int day(int row) {
        return day[row];
    }

    /** Amount of a transaction row (0 for logs without amounts). */
    public double amount(int row) {
        return amount[row];
    }

    /** Rows skipped as bad. */
    public long skipped() {
        return skipped;
    }

    /** Up to five skipped rows, with their line numbers and problems. */
    public List<String> skippedSample() {
        return skippedSample;
    }
}
