package org.tierlab.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tierlab.btyd.Cdnow;
import org.tierlab.config.ConfigException;

/**
 * The byte parser of {@link TransactionLog#read} against the line-by-line string reader it replaced
 * ({@link TransactionLog#readByLines}): the same rows, ids, skipped-row notes and error messages, on the CDNOW
 * logs, on awkward lines (blank, control and non-ASCII characters, signs, exponents, invalid dates, CR and CRLF
 * line ends, lines longer than the read buffer) and on random logs.
 */
class TransactionLogTest {
    @TempDir
    Path dir;

    private static final LogFormat WHITE = new LogFormat(null, false, 0, 1, 2, DateTimeFormatter.BASIC_ISO_DATE, true, false);
    private static final LogFormat WHITE_SKIP = new LogFormat(null, true, 0, 1, 2, DateTimeFormatter.BASIC_ISO_DATE, true, true);
    private static final LogFormat CSV_ISO = new LogFormat(",", true, 0, 1, 2, DateTimeFormatter.ISO_LOCAL_DATE, true, true);
    private static final LogFormat QUOTED_ISO = new LogFormat(java.util.regex.Pattern.quote("|"), false, 2, 0, 1,
            DateTimeFormatter.ISO_LOCAL_DATE, false, true);
    private static final LogFormat TAB_NO_AMOUNT = new LogFormat("\t", false, 0, 1, -1, DateTimeFormatter.ISO_LOCAL_DATE, true, true);

    @Test
    void theCdnowLogsReadAsBefore() {
        same(Cdnow.dir().resolve("CDNOW_master.txt"), LogFormat.cdnowMaster());
        same(Cdnow.dir().resolve("CDNOW_sample.txt"), LogFormat.cdnowSample());
        TransactionLog master = TransactionLog.read(Cdnow.dir().resolve("CDNOW_master.txt"), LogFormat.cdnowMaster());
        assertEquals(23570, master.customers());
    }

    @Test
    void awkwardLinesReadAsBefore() throws IOException {
        String awkward = String.join("\n",
                "id date amount",
                "a 19970101 1.5",
                "",
                "   \t ",
                "  b\t19970102   2.25  extra fields",
                "a 19970101 3",
                "c 19970230 1",
                "c 1997013 1",
                "c 19970131 -1",
                "c 19970131 +4",
                "c 19970131 1e2",
                "c 19970131 0x10p0",
                "c 19970131 Infinity",
                "c 19970131 NaN",
                "c 19970131 .5",
                "c 19970131 5.",
                "c 19970131 .",
                "c 19970131 12345678901234567.125",
                "c 19970131 0.1234567890123456789",
                "d\u00e9 19970201 7",
                "e\u0001 19970202 8",
                "f 20000229 1",
                "f 19000229 1",
                "g 19970101Z 1",
                "h",
                "h 19970105",
                "\u001c",
                "i 99991231 1",
                "j 00000101 1",
                "k 19970101 1.0000000000000002",
                "k 19970102 007.50") + "\r\nl 19970103 1\rm 19970104 2\r\n\r\nn 19970105 3";
        Path p = write("awkward.txt", awkward);
        same(p, WHITE_SKIP);
        TransactionLog log = TransactionLog.read(p, WHITE_SKIP);
        assertTrue(log.skipped() > 5, "bad rows counted");
        // the CSV, quoted-separator and tab readers on the same idea
        same(write("a.csv", "id,date,amount\n a , 1997-01-01 , 1.5 \nb,1997-01-02,2,\n,1997-01-03,1\nc,1997-02-30,1\n"
                + "c,1997-1-03,1\nc,19970103,1\nc, ,1\nd\n\ne,1997-01-04\n   \n f ,1997-01-05, 3e1\n"), CSV_ISO);
        same(write("q.txt", "1997-01-01|1.5|a\n1997-01-02|2|a\n1997-01-02|2|a\n1997-01-02||a\n1997-01-03|1|b|x\n"), QUOTED_ISO);
        same(write("t.txt", "a\t1997-01-01\nb \t 1997-01-02\nc\t1997-13-01\n"), TAB_NO_AMOUNT);
    }

    @Test
    void errorsNameTheLineAsBefore() throws IOException {
        String[] bad = {"a 19970101 1\nb 1997010 2\n", "a 19970101 1\n\nb 19970102 -2\n", "a 19970101 1\r\nb 19970102 x\n",
            "a 19970101 1\rb\n", "a 19970101 1\nb 19970102 1e400\n", "a 19970101 1\nb 19970102 \u00e92\n"};
        for (String text : bad) {
            Path p = write("bad.txt", text);
            ConfigException fast = assertThrows(ConfigException.class, () -> TransactionLog.read(p, WHITE));
            ConfigException plain = assertThrows(ConfigException.class, () -> TransactionLog.readByLines(p, WHITE));
            assertEquals(plain.getMessage(), fast.getMessage());
            assertTrue(fast.getMessage().contains("bad.txt:"), fast.getMessage());
        }
        Path p = write("bad.txt", "a 19970101 1\nb 19970102 x\n");
        ConfigException e = assertThrows(ConfigException.class, () -> TransactionLog.read(p, WHITE));
        assertEquals(p + ":2: field 3 (amount): expected a number, found 'x'", e.getMessage());
    }

    /**
     * A date outside 1900-01-01 .. 2199-12-31 (0000-01-01, 99991231: placeholders for "unknown" or "never") is no
     * purchase anyone recorded: it was read as one, stretching the log's periods to it. Each
     * reader path that parses dates names its file, line and field and the range: the byte parser for ISO and
     * yyyyMMdd, the string reader for quoted lines and for a --date-format pattern, and the reference reader.
     */
    @Test
    void implausibleDatesAreNamedWithTheirLine() throws IOException {
        String range = "is outside the plausible range; expected a date from 1900-01-01 to 2199-12-31";
        LogFormat csvIso = new LogFormat(",", true, 0, 1, 2, DateTimeFormatter.ISO_LOCAL_DATE, true, false);
        LogFormat slashes = new LogFormat(",", false, 0, 1, 2, DateTimeFormatter.ofPattern("dd/MM/uuuu")
                .withResolverStyle(java.time.format.ResolverStyle.STRICT), true, false, "dd/MM/yyyy");
        Object[][] cases = {
            {"iso.csv", "id,date,amount\na,2020-01-05,1\nb,0000-01-01,2\n", csvIso,
                ":3: field 2 (date): '0000-01-01' "},
            {"late.csv", "id,date,amount\na,2200-01-01,1\n", csvIso, ":2: field 2 (date): '2200-01-01' "},
            {"quoted.csv", "id,date,amount\na,2020-01-05,1\n\"b\",\"1899-12-31\",2\n", csvIso,
                ":3: field 2 (date): '1899-12-31' "},
            {"basic.txt", "a 20200105 1\nb 00000101 2\n", WHITE, ":2: field 2 (date): '00000101' "},
            {"basic9.txt", "a 99991231 1\n", WHITE, ":1: field 2 (date): '99991231' "},
            {"pattern.csv", "a,05/01/2020,1\nb,01/01/0000,2\n", slashes, ":2: field 2 (date): '01/01/0000' "}};
        for (Object[] c : cases) {
            Path p = write((String) c[0], (String) c[1]);
            LogFormat f = (LogFormat) c[2];
            ConfigException fast = assertThrows(ConfigException.class, () -> TransactionLog.read(p, f), p.toString());
            ConfigException plain = assertThrows(ConfigException.class, () -> TransactionLog.readByLines(p, f));
            assertEquals(plain.getMessage(), fast.getMessage());
            assertTrue(fast.getMessage().startsWith(p + (String) c[3] + range), fast.getMessage());
        }
        // the bounds themselves are dates
        Path edges = write("edges.csv", "id,date,amount\na,1900-01-01,1\nb,2199-12-31,2\n");
        same(edges, csvIso);
        TransactionLog log = TransactionLog.read(edges, csvIso);
        assertEquals(List.of(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2199, 12, 31).toEpochDay()),
                List.of((long) log.day(0), (long) log.day(1)));
        // --skip-bad-rows skips such a row like any bad row, and says why
        Path skip = write("skip.csv", "id,date,amount\na,2020-01-05,1\nb,0000-01-01,2\n");
        same(skip, CSV_ISO);
        TransactionLog skipped = TransactionLog.read(skip, CSV_ISO);
        assertEquals(1, skipped.skipped());
        assertEquals(List.of("line 3: field 2 (date): '0000-01-01' " + range), skipped.skippedSample());
    }

    @Test
    void longLinesAndRandomLogsReadAsBefore() throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("x".repeat(200_000)).append(" 19970101 1\n");
        SplittableRandom rng = new SplittableRandom(7);
        LocalDate day0 = LocalDate.of(1996, 12, 1);
        for (int i = 0; i < 50_000; i++) {
            String id = "c" + rng.nextInt(3000);
            LocalDate d = day0.plusDays(rng.nextInt(800));
            String amount = switch (rng.nextInt(4)) {
                case 0 -> Integer.toString(rng.nextInt(1000));
                case 1 -> String.format(java.util.Locale.ROOT, "%.2f", rng.nextDouble() * 500);
                case 2 -> Double.toString(rng.nextDouble() * Math.pow(10, rng.nextInt(12) - 4));
                default -> String.format(java.util.Locale.ROOT, "%.9f", rng.nextDouble());
            };
            sb.append(id).append(rng.nextBoolean() ? " " : "\t ").append(d.format(DateTimeFormatter.BASIC_ISO_DATE))
                    .append(' ').append(amount).append(rng.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        same(write("random.txt", sb.toString()), WHITE);
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(StandardCharsets.ISO_8859_1));
        return p;
    }

    private static void same(Path p, LogFormat f) {
        TransactionLog expected = TransactionLog.readByLines(p, f);
        TransactionLog actual = TransactionLog.read(p, f);
        assertEquals(expected.ids(), actual.ids(), p.toString());
        assertEquals(expected.transactions(), actual.transactions());
        assertEquals(expected.skipped(), actual.skipped());
        assertEquals(expected.skippedSample(), actual.skippedSample());
        assertArrayEquals(rows(expected), rows(actual));
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int r = 0; r < expected.transactions(); r++) {
            a.add(expected.amount(r));
            b.add(actual.amount(r));
        }
        assertEquals(a, b, "amounts, bit for bit");
    }

    private static int[] rows(TransactionLog log) {
        int[] out = new int[log.transactions() + log.customers() + 1];
        int k = 0;
        for (int c = 0; c <= log.customers(); c++) {
            out[k++] = log.firstRow(c);
        }
        for (int r = 0; r < log.transactions(); r++) {
            out[k++] = log.day(r);
        }
        return out;
    }
}
