package org.tierlab.log;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tierlab.config.ConfigException;

/**
 * A transaction log held as parallel primitive arrays, sorted by customer then day: no object per row, so a
 * log of a hundred million rows needs a few bytes per row. Customers are numbered in order of first
 * appearance in the file; {@link #ids()} maps numbers back to the file's ids.
 */
public final class TransactionLog {
    /**
     * The first day a purchase date may be: earlier years (0000-01-01, 1899-12-31) are placeholders for "unknown"
     * or typos, not purchases; read as one, such a date would stretch the log's periods over centuries.
     */
    public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    /** The last day a purchase date may be: later ones (2200-01-01, 9999-12-31) are placeholders for "never". */
    public static final LocalDate LAST_DATE = LocalDate.of(2199, 12, 31);

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

    /**
     * Reads a log file; errors name the file, the line and the field. Lines are parsed from the bytes (no
     * split, no regex, no object per row, customer ids looked up by their bytes) when the separator is white
     * space or one character and the dates are ISO or yyyyMMdd; any line the byte parser is unsure of (a bad
     * row, non-ASCII or control characters, an unusual number) is read as a string exactly as
     * {@link #readByLines} reads it, so results and error messages are the same.
     */
    public static TransactionLog read(Path file, LogFormat format) {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            Rows rows = new Rows(name, format);
            rows.parseBytes(in);
            return rows.finish();
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, 0, null, "file not found");
        } catch (IOException e) {
            throw new ConfigException(name, 0, null, "cannot read: " + e.getMessage());
        }
    }

    /** A UTF-8 byte-order mark read as ISO-8859-1 (the log's bytes are split as such). */
    private static final String BOM_AS_LATIN1 = "\u00EF\u00BB\u00BF";

    /** Reads a log file line by line as strings (the reference for {@link #read}, which must agree with it). */
    static TransactionLog readByLines(Path file, LogFormat format) {
        String name = file.toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            Rows rows = new Rows(name, format);
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith(BOM_AS_LATIN1)) {
                    line = line.substring(BOM_AS_LATIN1.length());
                }
                rows.line(line, lineNo);
            }
            return rows.finish();
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, 0, null, "file not found");
        } catch (IOException e) {
            throw new ConfigException(name, 0, null, "cannot read: " + e.getMessage());
        }
    }

    /** The rows read so far, and the two ways of reading a line. */
    private static final class Rows {
        private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
            1e13, 1e14, 1e15};
        private final String name;
        private final LogFormat f;
        private final int need;
        /** The separator byte, WHITESPACE, or NONE when only the string path can split the lines. */
        private final int separator;
        private static final int WHITESPACE = -1;
        private static final int NONE = -2;
        /** 8 for yyyyMMdd, 10 for ISO yyyy-MM-dd, 0 when only the string path can read the dates. */
        private final int dateLength;
        private final IdIndex index = new IdIndex();
        private int[] cust = new int[1 << 16];
        private int[] days = new int[1 << 16];
        private double[] amounts = new double[1 << 16];
        private int n;
        private long skipped;
        private final List<String> sample = new ArrayList<>();
        /** Field bounds of the line being parsed from bytes. */
        private final int[] from;
        private final int[] to;

        Rows(String name, LogFormat f) {
            this.name = name;
            this.f = f;
            need = f.fieldsNeeded();
            separator = separatorByte(f.separator());
            dateLength = f.dates() == DateTimeFormatter.BASIC_ISO_DATE ? 8 : f.dates() == DateTimeFormatter.ISO_LOCAL_DATE ? 10 : 0;
            from = new int[need];
            to = new int[need];
        }

        /** The byte a separator regular expression stands for, or WHITESPACE or NONE. */
        private static int separatorByte(String regex) {
            if (regex == null) {
                return WHITESPACE;
            }
            char c;
            if (regex.length() == 1 && ".$|()[{^?*+\\".indexOf(regex.charAt(0)) < 0) {
                c = regex.charAt(0);
            } else if (regex.length() == 5 && regex.startsWith("\\Q") && regex.endsWith("\\E")) {
                c = regex.charAt(2);
            } else {
                return NONE;
            }
            return c > ' ' && c < 0x7f || c == '\t' ? c : NONE;
        }

        /** Reads all lines from bytes: lines end at \n, \r or \r\n, as BufferedReader's. */
        void parseBytes(InputStream in) throws IOException {
            byte[] buf = new byte[1 << 16];
            int len = 0;
            int lineNo = 0;
            boolean skipLf = false;
            boolean eof = false;
            while (!eof) {
                int got = in.read(buf, len, buf.length - len);
                if (got < 0) {
                    eof = true;
                } else {
                    len += got;
                }
                int pos = 0;
                while (true) {
                    if (skipLf && pos < len) {
                        if (buf[pos] == '\n') {
                            pos++;
                        }
                        skipLf = false;
                    }
                    int end = pos;
                    while (end < len && buf[end] != '\n' && buf[end] != '\r') {
                        end++;
                    }
                    if (end == len) {
                        if (eof && end > pos) {
                            lineNo++;
                            line(buf, pos, end, lineNo);
                            pos = end;
                        }
                        break;
                    }
                    lineNo++;
                    line(buf, pos, end, lineNo);
                    skipLf = buf[end] == '\r';
                    pos = end + 1;
                }
                // keep the unfinished line at the front, growing the buffer if it fills it
                int rest = len - pos;
                if (rest > 0 && pos > 0) {
                    System.arraycopy(buf, pos, buf, 0, rest);
                }
                len = rest;
                if (len == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
            }
        }

        /** One line from bytes [start, end): parsed here when simple, else as a string. */
        private void line(byte[] b, int start, int end, int lineNo) {
            if (lineNo == 1 && f.header()) {
                return;
            }
            if (lineNo == 1 && end - start >= 3 && b[start] == (byte) 0xEF && b[start + 1] == (byte) 0xBB
                    && b[start + 2] == (byte) 0xBF) {
                start += 3; // a UTF-8 byte-order mark, as spreadsheet programs write
            }
            if (separator == NONE || dateLength == 0 || !fields(b, start, end)) {
                line(new String(b, start, end - start, StandardCharsets.ISO_8859_1), lineNo);
                return;
            }
            if (from[0] < 0) {
                return; // blank
            }
            int d = date(b, from[f.dateColumn()], to[f.dateColumn()]);
            if (d == Integer.MIN_VALUE) {
                line(new String(b, start, end - start, StandardCharsets.ISO_8859_1), lineNo);
                return;
            }
            double amt = 0;
            if (f.amountColumn() >= 0) {
                amt = amount(b, from[f.amountColumn()], to[f.amountColumn()]);
                if (!(amt >= 0) || Double.isInfinite(amt)) {
                    line(new String(b, start, end - start, StandardCharsets.ISO_8859_1), lineNo);
                    return;
                }
            }
            if (from[f.idColumn()] == to[f.idColumn()]) {
                line(new String(b, start, end - start, StandardCharsets.ISO_8859_1), lineNo); // empty id: the error
                return;
            }
            int c = index.indexOf(b, from[f.idColumn()], to[f.idColumn()] - from[f.idColumn()]);
            add(c, d, amt);
        }

        /**
         * Finds the first {@link #need} fields' bounds (trimmed) in from/to; from[0] = -1 for a blank line. False if
         * the line has fewer fields or a byte (control, non-ASCII) on which the string path might differ.
         */
        private boolean fields(byte[] b, int start, int end) {
            int i = start;
            if (separator == WHITESPACE) {
                int k = 0;
                while (true) {
                    while (i < end && isSpace(b[i])) {
                        i++;
                    }
                    if (i == end) {
                        break;
                    }
                    int s = i;
                    while (i < end && !isSpace(b[i])) {
                        int v = b[i];
                        if (v < ' ' || v >= 0x7f) {
                            return false;
                        }
                        i++;
                    }
                    if (k < need) {
                        from[k] = s;
                        to[k] = i;
                    }
                    k++;
                    if (k == need) {
                        // the rest only needs checking for bytes the string path would treat differently
                        for (int j = i; j < end; j++) {
                            int v = b[j];
                            if ((v < ' ' && !isSpace(b[j])) || v >= 0x7f) {
                                return false;
                            }
                        }
                        return true;
                    }
                }
                if (k == 0) {
                    from[0] = -1;
                    return true;
                }
                return false;
            }
            boolean blank = true;
            for (int j = start; j < end; j++) {
                int v = b[j];
                if ((v < ' ' && v != '\t') || v >= 0x7f || v == '"') {
                    return false; // a quote: the string path reads the CSV quoting
                }
                blank &= v == ' ' || v == '\t';
            }
            if (blank) {
                from[0] = -1;
                return true;
            }
            int k = 0;
            int s = start;
            for (int j = start; j <= end && k < need; j++) {
                if (j == end || b[j] == separator) {
                    int a = s;
                    int z = j;
                    while (a < z && b[a] <= ' ') {
                        a++;
                    }
                    while (z > a && b[z - 1] <= ' ') {
                        z--;
                    }
                    from[k] = a;
                    to[k] = z;
                    k++;
                    s = j + 1;
                }
            }
            return k == need;
        }

        private static boolean isSpace(byte v) {
            return v == ' ' || v == '\t' || v == 0x0B || v == '\f' || v == '\r';
        }

        /** Epoch day of a yyyyMMdd or yyyy-MM-dd date, or MIN_VALUE if not one (or not a valid date). */
        private int date(byte[] b, int s, int e) {
            if (e - s != dateLength) {
                return Integer.MIN_VALUE;
            }
            int y = digits(b, s, 4);
            int m;
            int d;
            if (dateLength == 8) {
                m = digits(b, s + 4, 2);
                d = digits(b, s + 6, 2);
            } else {
                if (b[s + 4] != '-' || b[s + 7] != '-') {
                    return Integer.MIN_VALUE;
                }
                m = digits(b, s + 5, 2);
                d = digits(b, s + 8, 2);
            }
            if (y < FIRST_DATE.getYear() || y > LAST_DATE.getYear() || m < 1 || m > 12 || d < 1
                    || d > monthLength(y, m)) {
                return Integer.MIN_VALUE; // the string path names the problem (an implausible year too)
            }
            return (int) epochDay(y, m, d);
        }

        private static int digits(byte[] b, int s, int count) {
            int v = 0;
            for (int i = s; i < s + count; i++) {
                int c = b[i] - '0';
                if (c < 0 || c > 9) {
                    return -1 << 20;
                }
                v = v * 10 + c;
            }
            return v;
        }

        private static boolean leap(long y) {
            return (y & 3) == 0 && (y % 100 != 0 || y % 400 == 0);
        }

        private static int monthLength(int y, int m) {
            return switch (m) {
                case 2 -> leap(y) ? 29 : 28;
                case 4, 6, 9, 11 -> 30;
                default -> 31;
            };
        }

        /** As LocalDate.toEpochDay, for years 0 and later. */
        static long epochDay(long y, long m, long d) {
            long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
            total += (367 * m - 362) / 12;
            total += d - 1;
            if (m > 2) {
                total--;
                if (!leap(y)) {
                    total--;
                }
            }
            return total - 719_528;
        }

        /**
         * A plain decimal (digits with at most one point, at most 15 digits) exactly as Double.parseDouble reads it:
         * the digits as a whole number below 2^53 divided by a power of ten up to 1e15, both exact, so the one
         * rounding is the correct one. Anything else goes to Double.parseDouble; NaN if that fails.
         */
        private static double amount(byte[] b, int s, int e) {
            long mantissa = 0;
            int digits = 0;
            int point = -1;
            for (int i = s; i < e; i++) {
                int c = b[i];
                if (c >= '0' && c <= '9') {
                    mantissa = mantissa * 10 + (c - '0');
                    digits++;
                } else if (c == '.' && point < 0) {
                    point = i;
                } else {
                    digits = 99;
                    break;
                }
            }
            if (digits >= 1 && digits <= 15) {
                int fraction = point < 0 ? 0 : e - point - 1;
                return fraction == 0 ? mantissa : mantissa / POW10[fraction];
            }
            try {
                return parseAmount(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
            } catch (NumberFormatException x) {
                return Double.NaN;
            }
        }

        /**
         * A decimal number as Double.parseDouble reads it, without the Java-source forms a log never means: a type
         * suffix (1d, 2f) or a hexadecimal float (0x1p3).
         */
        static double parseAmount(String text) {
            return org.tierlab.io.Numbers.parseDecimal(text);
        }

        /** One line as a string: split, LocalDate.parse, Double.parseDouble, the errors. */
        void line(String line, int lineNo) {
            if (lineNo == 1 && f.header() || line.isBlank()) {
                return;
            }
            String[] fields = f.separator() == null ? line.trim().split("\\s+") : split(line);
            String problem = null;
            int d = 0;
            double amt = 0;
            if (fields.length < need) {
                problem = missingField(fields.length) + "expected at least " + need + " fields, found "
                        + fields.length;
            } else {
                String text = fields[f.dateColumn()].trim();
                try {
                    LocalDate date = LocalDate.parse(text, f.dates());
                    if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
                        problem = "field " + (f.dateColumn() + 1) + " (date): '" + text + "' is outside the plausible"
                                + " range; expected a date from " + FIRST_DATE + " to " + LAST_DATE;
                    }
                    d = (int) date.toEpochDay();
                } catch (DateTimeParseException e) {
                    problem = "field " + (f.dateColumn() + 1) + " (date): cannot read '" + fields[f.dateColumn()]
                            + "'; expected a valid date as " + f.datePattern();
                }
                if (problem == null && f.amountColumn() >= 0) {
                    String a = fields[f.amountColumn()].trim();
                    try {
                        amt = parseAmount(a);
                        if (!(amt >= 0) || Double.isInfinite(amt)) {
                            problem = "field " + (f.amountColumn() + 1) + " (amount): expected a number >= 0, found '" + a + "'";
                        }
                    } catch (NumberFormatException e) {
                        problem = "field " + (f.amountColumn() + 1) + " (amount): expected a number, found '" + a + "'";
                    }
                }
            }
            if (problem == null && fields[f.idColumn()].trim().isEmpty()) {
                problem = "field " + (f.idColumn() + 1) + " (customer id): empty; expected an id";
            }
            if (problem != null && lineNo == 1 && !f.header()) {
                // the usual cause of a bad first line is a header read as a purchase
                problem += " (if line 1 names the columns, add --header)";
            }
            if (problem != null) {
                if (!f.skipBadRows()) {
                    throw new ConfigException(name, lineNo, null, problem);
                }
                skipped++;
                if (sample.size() < 5) {
                    sample.add("line " + lineNo + ": " + problem);
                }
                return;
            }
            add(index.indexOf(fields[f.idColumn()].trim()), d, amt);
        }

        /** "field N (name): missing; " for the first column the row is too short to hold. */
        private String missingField(int found) {
            int[] columns = {f.idColumn(), f.dateColumn(), f.amountColumn()};
            String[] names = {"customer id", "date", "amount"};
            int first = -1;
            for (int k = 0; k < columns.length; k++) {
                if (columns[k] >= found && (first < 0 || columns[k] < columns[first])) {
                    first = k;
                }
            }
            return "field " + (columns[first] + 1) + " (" + names[first] + "): missing; ";
        }

        /**
         * The fields of a separated line; a line with a double quote is read by CSV rules (a quoted field may hold
         * the separator; "" is a quote), as spreadsheet programs write them. A line whose quoting is broken is split
         * plainly, so the row's own field check reports it.
         */
        private String[] split(String line) {
            if (line.indexOf('"') < 0 || separator < 0) {
                return line.split(f.separator(), -1);
            }
            org.apache.commons.csv.CSVFormat csv = org.apache.commons.csv.CSVFormat.DEFAULT.builder()
                    .setDelimiter((char) separator).build();
            try (org.apache.commons.csv.CSVParser p = csv.parse(new java.io.StringReader(line))) {
                List<org.apache.commons.csv.CSVRecord> records = p.getRecords();
                return records.size() == 1 ? records.get(0).values() : line.split(f.separator(), -1);
            } catch (java.io.IOException | java.io.UncheckedIOException | IllegalStateException e) {
                return line.split(f.separator(), -1);
            }
        }

        private void add(int c, int d, double amt) {
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

        TransactionLog finish() {
            return sortAndMerge(index.ids, cust, days, amounts, n, f.mergeSameDay(), skipped, sample);
        }
    }

    /**
     * Customer ids numbered in order of first appearance, looked up by their ISO-8859-1 bytes (open addressing
     * over a byte pool: no object per row; a String per customer).
     */
    private static final class IdIndex {
        final List<String> ids = new ArrayList<>();
        private byte[] pool = new byte[1 << 16];
        private int poolSize;
        private int[] offset = new int[1024];
        private int[] length = new int[1024];
        private int[] hashes = new int[1024];
        /** Slot -> customer number + 1 (0 = empty). */
        private int[] slots = new int[2048];

        int indexOf(String id) {
            byte[] b = id.getBytes(StandardCharsets.ISO_8859_1);
            return indexOf(b, 0, b.length);
        }

        int indexOf(byte[] b, int s, int len) {
            int h = 1;
            for (int i = s; i < s + len; i++) {
                h = 31 * h + b[i];
            }
            h ^= h >>> 16;
            int mask = slots.length - 1;
            int slot = h & mask;
            while (slots[slot] != 0) {
                int c = slots[slot] - 1;
                if (hashes[c] == h && length[c] == len
                        && Arrays.equals(pool, offset[c], offset[c] + len, b, s, s + len)) {
                    return c;
                }
                slot = (slot + 1) & mask;
            }
            int c = ids.size();
            if (c == offset.length) {
                offset = Arrays.copyOf(offset, c * 2);
                length = Arrays.copyOf(length, c * 2);
                hashes = Arrays.copyOf(hashes, c * 2);
            }
            while (poolSize + len > pool.length) {
                pool = Arrays.copyOf(pool, pool.length * 2);
            }
            System.arraycopy(b, s, pool, poolSize, len);
            offset[c] = poolSize;
            length[c] = len;
            hashes[c] = h;
            poolSize += len;
            ids.add(new String(b, s, len, StandardCharsets.UTF_8)); // split as bytes, named as the file's UTF-8
            slots[slot] = c + 1;
            if ((c + 1) * 2 > slots.length) {
                rehash();
            }
            return c;
        }

        private void rehash() {
            slots = new int[slots.length * 2];
            int mask = slots.length - 1;
            for (int c = 0; c < ids.size(); c++) {
                int slot = hashes[c] & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = c + 1;
            }
        }
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
