package org.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tierlab score} through the command line. */
class ScoreCommandTest {
    private static final String TABLE = """
            customer_id,recency,frequency,monetary,industry
            a,5,10,500,retail
            b,300,1,20,software
            "c, Ltd",40,3,90,retail
            d,90,1,25,finance
            """;

    /** RFM with two bins and one segment. */
    private static final String TWO_BINS = """
            model: rfm
            bins: 2
            segments:
              - {name: best, r: [2, 2], f: [2, 2], m: [2, 2]}
            """;

    @Test
    void abcWritesTiersAndPrintsSizes(@TempDir Path dir) throws IOException {
        Path in = RunCommandTest.write(dir, "c.csv", TABLE);
        Path out = dir.resolve("t.csv");
        CliTestSupport.Result r = CliTestSupport.run("score", "--model", "abc", "--shares", "0.8,0.15,0.05", "--in",
                in.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        // total 635: a (500) starts at 0 -> A; c (90) starts at 78.7 % -> A; d (25) at 92.9 % -> B; b (20) at 96.9 % -> C
        assertEquals(List.of("customer_id,tier", "a,A", "b,C", "\"c, Ltd\",A", "d,B"), Files.readAllLines(out));
        assertTrue(r.out().contains("A              2"), r.out());
    }

    @Test
    void standardSegmentsNeedFiveBins(@TempDir Path dir) throws IOException {
        Path in = RunCommandTest.write(dir, "c.csv", TABLE);
        CliTestSupport.Result r = CliTestSupport.run("score", "--model", "rfm", "--bins", "2", "--in", in.toString(),
                "--out", dir.resolve("t.csv").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("give 'segments' for 2 bins"), r.err());
    }

    @Test
    void rfmWithSpecFile(@TempDir Path dir) throws IOException {
        Path in = RunCommandTest.write(dir, "c.csv", TABLE);
        Path spec = RunCommandTest.write(dir, "m.yaml", TWO_BINS);
        Path out = dir.resolve("t.csv");
        CliTestSupport.Result r = CliTestSupport.run("score", "--spec", spec.toString(), "--in", in.toString(), "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("customer_id,tier,r_score,f_score,m_score", Files.readAllLines(out).get(0));
        assertEquals("a,best,2,2,2", Files.readAllLines(out).get(1));
    }

    @Test
    void rfmWithAbcClassesInTheSamePasses(@TempDir Path dir) throws IOException {
        Path in = RunCommandTest.write(dir, "c.csv", TABLE);
        Path spec = RunCommandTest.write(dir, "m.yaml", TWO_BINS);
        Path out = dir.resolve("t.csv");
        CliTestSupport.Result r = CliTestSupport.run("score", "--spec", spec.toString(), "--with-abc", "--shares",
                "0.8,0.15,0.05", "--in", in.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        // R, F, M: quantile breaks at the 2nd of 4 values; ABC as in abcWritesTiersAndPrintsSizes
        assertEquals(List.of("customer_id,tier,r_score,f_score,m_score,abc_class", "a,best,2,2,2,A",
                "b,Others,1,1,1,C", "\"c, Ltd\",best,2,2,2,A", "d,Others,1,1,1,B"), Files.readAllLines(out));
        assertTrue(r.out().contains("abc_class   customers"), r.out());

        CliTestSupport.Result notRfm = CliTestSupport.run("score", "--model", "abc", "--with-abc", "--in",
                in.toString(), "--out", dir.resolve("u.csv").toString());
        assertEquals(2, notRfm.exitCode());
        assertTrue(notRfm.err().contains("--with-abc applies to the rfm model only"), notRfm.err());
        assertFalse(Files.exists(dir.resolve("u.csv")));
    }

    /** North spends 1000, 800, 200 and the south 60, 30, 10, interleaved. */
    private static final String REGIONS = """
            customer_id,monetary,region
            n1,1000,north
            s1,60,south
            n2,800,north
            s2,30,south
            n3,200,north
            s3,10,south
            """;

    /** ABC within each region: SCOPE is replaced by a scope line (or nothing). */
    private static final String ABC_BY_REGION = """
            model: attribute
            attribute: region
            levels: [north, south]
            SCOPE
            within: {model: abc}
            """;

    /**
     * scope: group gives ABC classes by each region's own value; without it the whole base's (total 2100: the
     * south's 60, 30 and 10 start at 95 % and later, so all C).
     */
    @Test
    void abcWithinEachRegionFromASpecFile(@TempDir Path dir) throws IOException {
        Path in = RunCommandTest.write(dir, "c.csv", REGIONS);
        Path out = dir.resolve("t.csv");
        Path group = RunCommandTest.write(dir, "g.yaml", ABC_BY_REGION.replace("SCOPE", "scope: group"));
        CliTestSupport.Result r = CliTestSupport.run("score", "--spec", group.toString(), "--in", in.toString(),
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        // north alone (2000): 1000, 800 start at 0 %, 50 % (A), 200 at 90 % (B); south alone (100): 0 %, 60 %, 90 %
        assertEquals(List.of("customer_id,tier", "n1,north / A", "s1,south / A", "n2,north / A", "s2,south / A",
                "n3,north / B", "s3,south / B"), Files.readAllLines(out));
        assertEquals(List.of("tier        customers    share", "north / A           2    33.3%",
                "north / B           1    16.7%", "north / C           0     0.0%", "south / A           2    33.3%",
                "south / B           1    16.7%", "south / C           0     0.0%", "total               6"),
                r.out().lines().toList());
        Path base = RunCommandTest.write(dir, "b.yaml", ABC_BY_REGION.replace("SCOPE", ""));
        r = CliTestSupport.run("score", "--spec", base.toString(), "--in", in.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("customer_id,tier", "n1,north / A", "s1,south / C", "n2,north / A", "s2,south / C",
                "n3,north / B", "s3,south / C"), Files.readAllLines(out));
    }

    /** A bad scope in a spec file, and a scope with no inner model, are named with the file, line and key; exit 2. */
    @Test
    void aBadScopeInASpecFileIsNamed(@TempDir Path dir) throws IOException {
        Path in = RunCommandTest.write(dir, "c.csv", REGIONS);
        Path out = dir.resolve("t.csv");
        Path bad = RunCommandTest.write(dir, "bad.yaml", ABC_BY_REGION.replace("SCOPE", "scope: each"));
        CliTestSupport.Result r = CliTestSupport.run("score", "--spec", bad.toString(), "--in", in.toString(),
                "--out", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("bad.yaml:4: 'scope': expected base (the 'within' model tiers the whole customer"
                + " base) or group (it tiers each level's customers apart), found 'each'"), r.err());
        Path alone = RunCommandTest.write(dir, "alone.yaml", ABC_BY_REGION.replace("SCOPE", "scope: group")
                .replace("within: {model: abc}\n", ""));
        r = CliTestSupport.run("score", "--spec", alone.toString(), "--in", in.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("alone.yaml:4: 'scope': scope says whose customers the 'within' model tiers, and"
                + " no 'within' is given"), r.err());
        assertFalse(Files.exists(out));
    }

    /** A level the model does not declare, or an empty cell, is named with its line and customer id. */
    @Test
    void anUndeclaredLevelNamesItsLineAndCustomer(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("t.csv");
        Path in = RunCommandTest.write(dir, "c.csv", TABLE.replace("d,90,1,25,finance", "d,90,1,25,"));
        CliTestSupport.Result empty = CliTestSupport.run("score", "--model", "attribute", "--attribute", "industry",
                "--levels", "retail,software", "--in", in.toString(), "--out", out.toString());
        assertEquals(2, empty.exitCode(), empty.out());
        assertTrue(empty.err().contains("c.csv: attribute 'industry' of customer at line 5 (customer 'd') is empty"
                + " (no level), which is not among the declared levels [retail, software]; expected one of them"),
                empty.err());
        Path other = RunCommandTest.write(dir, "o.csv", TABLE);
        CliTestSupport.Result finance = CliTestSupport.run("score", "--model", "attribute", "--attribute",
                "industry", "--levels", "retail,software", "--in", other.toString(), "--out", out.toString());
        assertEquals(2, finance.exitCode(), finance.out());
        assertTrue(finance.err().contains("attribute 'industry' of customer at line 5 (customer 'd') is 'finance',"),
                finance.err());
        assertFalse(Files.exists(out));
    }

    /** Two tiers of one name could not be told apart in the output: refused, from options and from a file. */
    @Test
    void repeatedTierNamesAreRefused(@TempDir Path dir) throws IOException {
        Path in = RunCommandTest.write(dir, "c.csv", TABLE);
        Path out = dir.resolve("t.csv");
        CliTestSupport.Result abc = CliTestSupport.run("score", "--model", "abc", "--shares", "0.8,0.2", "--names",
                "A,A", "--in", in.toString(), "--out", out.toString());
        assertEquals(2, abc.exitCode(), abc.out());
        assertTrue(abc.err().contains("--names: the model names two tiers 'A'; expected distinct tier names"),
                abc.err());
        Path spec = RunCommandTest.write(dir, "r.yaml", "model: attribute\nattribute: industry\n"
                + "levels: [retail, finance, retail, software]\n");
        CliTestSupport.Result levels = CliTestSupport.run("score", "--spec", spec.toString(), "--in", in.toString(),
                "--out", out.toString());
        assertEquals(2, levels.exitCode(), levels.out());
        assertTrue(levels.err().contains("r.yaml:1: the model names two tiers 'retail'"), levels.err());
        assertFalse(Files.exists(out));
    }

    /**
     * A model built from options is checked as a specification, but its errors name the option the user typed
     * (--counts), not the spec key ('counts') nor line 1 of a file there is not.
     */
    @Test
    void errorsInAModelFromOptionsNameTheOption(@TempDir Path dir) throws IOException {
        Path in = RunCommandTest.write(dir, "c.csv", TABLE);
        Path out = dir.resolve("t.csv");
        List<List<String>> cases = List.of(
                List.of("--model top --names A,B", "--counts: missing; --model top needs --counts"),
                List.of("--model abc --shares 0.5,0.6", "--shares: class shares must sum to 1"),
                List.of("--model abc --shares 0.5,0.5 --names A,B,C", "--shares, --names: one name per class"),
                List.of("--model top --counts 0,2", "--counts (value 1): expected a whole number from 1"),
                List.of("--model rfm --bins 1", "--bins: expected a whole number from 2 to 100, found 1"),
                List.of("--model rfm --names a,b", "--names does not apply to --model rfm; expected only its options:"
                        + " --binning, --bins"),
                List.of("--model attribute --attribute industry", "--levels: missing; --model attribute needs"),
                List.of("--model weighted", "--model weighted: 'factors': missing required key, and no option sets"
                        + " it"),
                List.of("--model rfm --with-abc --shares 0.5", "--with-abc: --shares: ABC needs at least two"));
        for (List<String> c : cases) {
            List<String> args = new java.util.ArrayList<>(List.of("score"));
            args.addAll(List.of(c.get(0).split(" ")));
            args.addAll(List.of("--in", in.toString(), "--out", out.toString()));
            CliTestSupport.Result r = CliTestSupport.run(args.toArray(new String[0]));
            assertEquals(2, r.exitCode(), c.get(0) + ": " + r.out());
            assertTrue(r.err().contains(c.get(1)), c.get(0) + ": " + r.err());
            assertFalse(r.err().contains("command-line options:1") || r.err().contains("'counts'")
                    || r.err().contains("Exception"), r.err());
        }
        assertFalse(Files.exists(out));
    }

    /** annual_value is a standard feature, so a typo in it is named at its cell, not read as a text column. */
    @Test
    void aTypoInAnnualValueIsNamedAtItsCell(@TempDir Path dir) throws IOException {
        Path in = RunCommandTest.write(dir, "f.csv", """
                customer_id,annual_value,tenure,repurchase,industry_standing,strategic_value
                a,100,10,0.5,3,4
                b,12O,20,0.2,1,2
                """);
        Path out = dir.resolve("t.csv");
        CliTestSupport.Result r = CliTestSupport.run("score", "--model", "weighted", "--preset", "five-factor", "--in",
                in.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.err().contains("f.csv:3: 'annual_value': expected a number, found '12O'"), r.err());
        assertFalse(Files.exists(out));
    }

    /**
     * The weighted score is written with every digit, so the tier can be checked against the thresholds from the
     * file: 2.3999999 of 0..3 scores 79.99999666..., below 80, which 4 decimals wrote as 80.0000.
     */
    @Test
    void weightedScoresAreWrittenInFullSoTheTierFollowsFromThem(@TempDir Path dir) throws IOException {
        Path in = RunCommandTest.write(dir, "c.csv", """
                customer_id,value
                low,0
                edge,2.3999999
                high,3
                """);
        Path spec = RunCommandTest.write(dir, "w.yaml", """
                {model: weighted, factors: [{feature: value, weight: 1, normalise: minmax}], thresholds: [80],
                 names: [top, rest]}
                """);
        Path out = dir.resolve("t.csv");
        CliTestSupport.Result r = CliTestSupport.run("score", "--spec", spec.toString(), "--in", in.toString(),
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("customer_id,tier,score", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] cell = line.split(",");
            boolean top = Double.parseDouble(cell[2]) >= 80;
            assertEquals(top ? "top" : "rest", cell[1], line);
        }
        assertTrue(lines.get(2).startsWith("edge,rest,79.9999966"), lines.toString());
    }

    /** A factor column of a non-standard name that holds text is said to, with the text, not "no such feature". */
    @Test
    void aTextColumnUsedAsAFactorIsNamed(@TempDir Path dir) throws IOException {
        Path text = RunCommandTest.write(dir, "s.csv", """
                customer_id,annual_value,tenure,repurchase,industry_standing,strategic_value
                a,100,10,0.5,3,4
                b,120,20,0.2,1,high
                """);
        Path out = dir.resolve("t.csv");
        CliTestSupport.Result r = CliTestSupport.run("score", "--model", "weighted", "--preset", "five-factor", "--in",
                text.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.err().contains("s.csv: feature 'strategic_value' must be numeric, but its column holds text"
                + " ('high'); expected a number (or an empty cell) in every row"), r.err());
    }

    /** An empty file is said to be empty, not to lack an id column in the header "[]"; a header alone tiers nobody. */
    @Test
    void anEmptyFileIsSaidToBeEmpty(@TempDir Path dir) throws IOException {
        Path in = RunCommandTest.write(dir, "e.csv", "");
        Path out = dir.resolve("t.csv");
        CliTestSupport.Result r = CliTestSupport.run("score", "--model", "abc", "--in", in.toString(), "--out",
                out.toString());
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.err().contains("e.csv:1: the file is empty; expected a header row naming the columns, among them"
                + " the id column 'customer_id'"), r.err());
        assertFalse(Files.exists(out));
        Path header = RunCommandTest.write(dir, "h.csv", "customer_id,recency,frequency,monetary\n");
        assertEquals(0, CliTestSupport.run("score", "--model", "rfm", "--in", header.toString(), "--out",
                out.toString()).exitCode());
        assertEquals(List.of("customer_id,tier,r_score,f_score,m_score"), Files.readAllLines(out));
    }

    /** Model options next to --spec would be ignored (the file gives the model): refused, except --with-abc's. */
    @Test
    void modelOptionsNextToASpecAreRefused(@TempDir Path dir) throws IOException {
        Path in = RunCommandTest.write(dir, "c.csv", TABLE);
        Path spec = RunCommandTest.write(dir, "abc.yaml", "{model: abc}\n");
        Path out = dir.resolve("t.csv");
        CliTestSupport.Result r = CliTestSupport.run("score", "--spec", spec.toString(), "--shares", "0.5,0.3,0.2",
                "--in", in.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.err().contains("--shares sets a model built from options, and --spec " + spec + " gives the whole"
                + " model"), r.err());
        assertFalse(Files.exists(out));
        Path rfm = RunCommandTest.write(dir, "rfm.yaml", TWO_BINS);
        assertEquals(2, CliTestSupport.run("score", "--spec", rfm.toString(), "--bins", "3", "--in", in.toString(),
                "--out", out.toString()).exitCode());
        assertEquals(0, CliTestSupport.run("score", "--spec", rfm.toString(), "--with-abc", "--shares", "0.5,0.5",
                "--in", in.toString(), "--out", out.toString()).exitCode(), "--shares of --with-abc");
    }

    /**
     * A quoted id keeps its spaces, as tierlab's own CSV writers quote such ids so they read back exactly; spaces
     * around an unquoted field are still dropped.
     */
    @Test
    void quotedIdsKeepTheirSpaces(@TempDir Path dir) throws IOException {
        Path in = RunCommandTest.write(dir, "c.csv", """
                customer_id , monetary
                " a",10
                "a",20
                  b  , 5
                """);
        Path out = dir.resolve("t.csv");
        CliTestSupport.Result r = CliTestSupport.run("score", "--model", "abc", "--in", in.toString(), "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("customer_id,tier", "\" a\",A", "a,A", "b,B"), Files.readAllLines(out));
    }

    /** As in a log, a Java type suffix or a hexadecimal float is not a number in a customer table. */
    @Test
    void suffixedNumbersAreRefused(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("t.csv");
        for (String cell : List.of("25d", "0x19p0")) {
            Path in = RunCommandTest.write(dir, "c.csv", TABLE.replace("d,90,1,25", "d,90,1," + cell));
            CliTestSupport.Result r = CliTestSupport.run("score", "--model", "abc", "--in", in.toString(), "--out",
                    out.toString());
            assertEquals(2, r.exitCode(), r.out());
            assertTrue(r.err().contains("c.csv:5: 'monetary': expected a number, found '" + cell + "'"), r.err());
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void badInputNamesFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path in = RunCommandTest.write(dir, "c.csv", TABLE.replace("d,90,1,25", "d,90,one,25"));
        Path out = dir.resolve("t.csv");
        CliTestSupport.Result r = CliTestSupport.run("score", "--model", "abc", "--in", in.toString(), "--out",
                out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("c.csv:5: 'frequency': expected a number, found 'one'"), r.err());
        assertFalse(Files.exists(out));
        CliTestSupport.Result shares = CliTestSupport.run("score", "--model", "abc", "--shares", "0.8,0.1", "--in",
                in.toString(), "--out", out.toString());
        assertEquals(2, shares.exitCode());
        assertTrue(shares.err().contains("must sum to 1"), shares.err());
        Path neg = RunCommandTest.write(dir, "n.csv", TABLE.replace("b,300,1,20", "b,-3,1,20"));
        CliTestSupport.Result negative = CliTestSupport.run("score", "--model", "rfm", "--in", neg.toString(), "--out",
                out.toString());
        assertEquals(2, negative.exitCode());
        assertTrue(negative.err().contains("'recency' of customer at line 3 (customer 'b') is -3.0"), negative.err());
    }

    /**
     * frequency is a count of purchases (docs/scoring.md; lifetimes refuses "non-integer values in the frequency
     * vector"): a fractional one was scored as if it were a count. It is refused like a negative one, naming the
     * file, line and column, by every model that reads it; exit 2 and no output.
     */
    @Test
    void aFractionalFrequencyIsNamedWithItsLine(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("t.csv");
        Path fraction = RunCommandTest.write(dir, "f.csv", TABLE.replace("b,300,1,20", "b,300,2.5,20"));
        Path weighted = RunCommandTest.write(dir, "w.yaml", "{model: weighted, factors: [{feature: frequency, weight:"
                + " 1}], thresholds: [50]}\n");
        for (List<String> model : List.of(List.of("--model", "rfm"), List.of("--model", "rfm", "--with-abc"),
                List.of("--spec", weighted.toString()), List.of("--model", "abc", "--value", "frequency"))) {
            List<String> args = new java.util.ArrayList<>(List.of("score"));
            args.addAll(model);
            args.addAll(List.of("--in", fraction.toString(), "--out", out.toString()));
            CliTestSupport.Result r = CliTestSupport.run(args.toArray(new String[0]));
            assertEquals(2, r.exitCode(), model + ": " + r.out());
            assertTrue(r.err().contains("f.csv: feature 'frequency' of customer at line 3 (customer 'b') is 2.5;"
                    + " expected a whole number >= 0"), model + ": " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(out));
        }
        Path negative = RunCommandTest.write(dir, "n.csv", TABLE.replace("b,300,1,20", "b,300,-1,20"));
        CliTestSupport.Result r = CliTestSupport.run("score", "--model", "rfm", "--in", negative.toString(), "--out",
                out.toString());
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.err().contains("n.csv: feature 'frequency' of customer at line 3 (customer 'b') is -1.0;"
                + " expected a whole number >= 0"), r.err());
        Path whole = RunCommandTest.write(dir, "w.csv", TABLE.replace("b,300,1,20", "b,300,1.0,20"));
        assertEquals(0, CliTestSupport.run("score", "--model", "rfm", "--in", whole.toString(), "--out",
                out.toString()).exitCode(), "1.0 is a whole number");
        Path lifecycle = RunCommandTest.write(dir, "l.csv", "customer_id,recency,tenure,frequency\na,5,400,2.5\n");
        assertEquals(0, CliTestSupport.run("score", "--model", "lifecycle", "--in", lifecycle.toString(), "--out",
                out.toString()).exitCode(), "lifecycle reads no frequency (docs/scoring.md)");
    }

    /**
     * An empty cell where the model needs a number is said to be empty, with its file, line, column and customer
     * (not "is NaN"); an empty recency is a customer who never bought, as documented, and scores.
     */
    @Test
    void anEmptyCellIsNamedAsEmpty(@TempDir Path dir) throws IOException {
        Path in = RunCommandTest.write(dir, "c.csv", TABLE.replace("d,90,1,25", "d,90,,25"));
        Path out = dir.resolve("t.csv");
        Path weighted = RunCommandTest.write(dir, "w.yaml", "{model: weighted, factors: [{feature: frequency, weight:"
                + " 1}], thresholds: [0.5]}\n");
        for (List<String> model : List.of(List.of("--model", "rfm"), List.of("--spec", weighted.toString()))) {
            CliTestSupport.Result r = CliTestSupport.run("score", model.get(0), model.get(1), "--in", in.toString(),
                    "--out", out.toString());
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains("c.csv: line 5, column 'frequency' (customer 'd'): the cell is empty;"
                    + " expected a number"), model + ": " + r.err());
            assertFalse(Files.exists(out));
        }
        Path money = RunCommandTest.write(dir, "m.csv", TABLE.replace("b,300,1,20", "b,300,1,"));
        CliTestSupport.Result abc = CliTestSupport.run("score", "--model", "abc", "--in", money.toString(), "--out",
                out.toString());
        assertEquals(2, abc.exitCode(), abc.err());
        assertTrue(abc.err().contains("m.csv: line 3, column 'monetary' (customer 'b'): the cell is empty"), abc.err());
        Path never = RunCommandTest.write(dir, "r.csv", TABLE.replace("b,300,1,20", "b,,1,20"));
        assertEquals(0, CliTestSupport.run("score", "--model", "rfm", "--in", never.toString(), "--out",
                out.toString()).exitCode(), "an empty recency: never bought");
    }

    /**
     * Lifecycle's lead and churned columns are 0/1 flags: an empty cell or another number is an error naming the
     * cell, not a lead or a churned customer.
     */
    @Test
    void lifecycleFlagsMustBeZeroOrOne(@TempDir Path dir) throws IOException {
        String table = """
                customer_id,recency,tenure,lead,churned
                a,10,400,0,0
                b,10,400,0,
                c,10,400,2,0
                """;
        Path out = dir.resolve("t.csv");
        Path empty = RunCommandTest.write(dir, "e.csv", table.replace("c,10,400,2,0", "c,10,400,0,0"));
        CliTestSupport.Result r = CliTestSupport.run("score", "--model", "lifecycle", "--in", empty.toString(),
                "--out", out.toString());
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.err().contains("e.csv: line 3, column 'churned' (customer 'b'): the cell is empty; expected 0"
                + " (no) or 1 (yes)"), r.err());
        assertFalse(Files.exists(out));
        Path two = RunCommandTest.write(dir, "t2.csv", table.replace("b,10,400,0,", "b,10,400,0,1"));
        CliTestSupport.Result lead = CliTestSupport.run("score", "--model", "lifecycle", "--in", two.toString(),
                "--out", out.toString());
        assertEquals(2, lead.exitCode(), lead.out());
        assertTrue(lead.err().contains("'lead' of customer at line 4 (customer 'c') is 2.0; expected 0 (no) or 1"),
                lead.err());
        Path good = RunCommandTest.write(dir, "g.csv", table.replace("b,10,400,0,", "b,10,400,0,1")
                .replace("c,10,400,2,0", "c,10,400,1,0"));
        assertEquals(0, CliTestSupport.run("score", "--model", "lifecycle", "--in", good.toString(), "--out",
                out.toString()).exitCode());
        assertEquals(List.of("customer_id,tier", "a,established", "b,churned", "c,lead"), Files.readAllLines(out));
    }

    /** An empty trend cell has no documented meaning (unlike a survey never answered): an error naming the cell. */
    @Test
    void lifecycleRefusesAnEmptyTrendButNotAnEmptySurvey(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("t.csv");
        Path in = RunCommandTest.write(dir, "c.csv", """
                customer_id,recency,tenure,survey,trend
                a,10,400,,0
                b,10,400,8,
                """);
        CliTestSupport.Result r = CliTestSupport.run("score", "--model", "lifecycle", "--in", in.toString(), "--out",
                out.toString());
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.err().contains("c.csv: line 3, column 'trend' (customer 'b'): the cell is empty; expected a"
                + " number"), r.err());
        Path filled = RunCommandTest.write(dir, "f.csv", Files.readString(in).replace("b,10,400,8,", "b,10,400,8,-2"));
        assertEquals(0, CliTestSupport.run("score", "--model", "lifecycle", "--in", filled.toString(), "--out",
                out.toString()).exitCode());
        assertEquals(List.of("customer_id,tier", "a,established", "b,established"), Files.readAllLines(out),
                "the default trend_at_risk is off; an empty survey never triggers");
    }

    /**
     * An infinite recency is no number of days (it was read as churned), and a survey answer off the 0..10 scale
     * (it was read as a detractor or a promoter) is no answer: both errors naming the customer and the feature.
     */
    @Test
    void lifecycleRefusesAnInfiniteRecencyAndASurveyOffTheScale(@TempDir Path dir) throws IOException {
        String table = """
                customer_id,recency,tenure,survey
                a,10,400,
                b,10,400,8
                c,10,400,10
                """;
        Path out = dir.resolve("t.csv");
        List<List<String>> cases = List.of(
                List.of("b,10,400,8", "b,Infinity,400,8", "'recency' of customer at line 3 (customer 'b') is Infinity;"
                        + " expected a finite number of days >= 0 (or empty if the customer never bought)"),
                List.of("b,10,400,8", "b,10,400,11", "'survey' of customer at line 3 (customer 'b') is 11.0; expected"
                        + " an answer from 0 to 10 (or empty if never answered)"),
                List.of("c,10,400,10", "c,10,400,-1", "'survey' of customer at line 4 (customer 'c') is -1.0;"));
        for (List<String> c : cases) {
            Path in = RunCommandTest.write(dir, "c.csv", table.replace(c.get(0), c.get(1)));
            CliTestSupport.Result r = CliTestSupport.run("score", "--model", "lifecycle", "--in", in.toString(),
                    "--out", out.toString());
            assertEquals(2, r.exitCode(), c.get(1) + ": " + r.out());
            assertTrue(r.err().contains("c.csv: feature " + c.get(2)), r.err());
            assertFalse(Files.exists(out));
        }
        Path good = RunCommandTest.write(dir, "g.csv", table);
        assertEquals(0, CliTestSupport.run("score", "--model", "lifecycle", "--in", good.toString(), "--out",
                out.toString()).exitCode());
        assertEquals(List.of("customer_id,tier", "a,established", "b,established", "c,established"),
                Files.readAllLines(out), "an empty survey is no answer; 0..10 are answers");
    }

    /**
     * The historical predictor checks what it reads: an empty churned cell made the biggest spender "gone" (class
     * C), and a negative recency counted as a recent purchase.
     */
    @Test
    void predictedValueRefusesAnEmptyChurnedCellAndANegativeRecency(@TempDir Path dir) throws IOException {
        String table = """
                customer_id,recency,monetary,tenure,churned
                a,5,1000,100,0
                b,30,20,200,0
                c,3,30,300,0
                """;
        Path spec = RunCommandTest.write(dir, "p.yaml", "{model: predicted, predictor: historical}\n");
        Path out = dir.resolve("t.csv");
        Path empty = RunCommandTest.write(dir, "e.csv", table.replace("a,5,1000,100,0", "a,5,1000,100,"));
        CliTestSupport.Result r = CliTestSupport.run("score", "--spec", spec.toString(), "--in", empty.toString(),
                "--out", out.toString());
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.err().contains("e.csv: line 2, column 'churned' (customer 'a'): the cell is empty; expected 0"
                + " (no) or 1 (yes)"), r.err());
        Path negative = RunCommandTest.write(dir, "n.csv", table.replace("b,30,20", "b,-30,20"));
        r = CliTestSupport.run("score", "--spec", spec.toString(), "--in", negative.toString(), "--out",
                out.toString());
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.err().contains("'recency' of customer at line 3 (customer 'b') is -30.0; expected days >= 0"),
                r.err());
        assertFalse(Files.exists(out));
        Path good = RunCommandTest.write(dir, "g.csv", table);
        assertEquals(0, CliTestSupport.run("score", "--spec", spec.toString(), "--in", good.toString(), "--out",
                out.toString()).exitCode());
        assertEquals(List.of("customer_id,tier", "a,A", "b,C", "c,C"), Files.readAllLines(out));
    }

    @Test
    void tiersATransactionLogAsOfADate(@TempDir Path dir) throws IOException {
        Path log = RunCommandTest.write(dir, "log.csv", """
                customer,day,amount
                a,2021-01-05,100
                b,2021-01-10,10
                a,2021-02-10,100
                c,2021-03-01,500
                """);
        Path out = dir.resolve("t.csv");
        // as of Feb 28, c is not a customer yet; a has 200 of 210 -> A, b -> C with shares 0.8, 0.15, 0.05
        CliTestSupport.Result r = CliTestSupport.run("score", "--model", "abc", "--log", log.toString(), "--header",
                "--separator", ",", "--as-of", "2021-02-28", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("customer_id,tier", "a,A", "b,C"), Files.readAllLines(out));
        CliTestSupport.Result both = CliTestSupport.run("score", "--model", "abc", "--log", log.toString(), "--in",
                log.toString(), "--out", out.toString());
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("give either --in CSV"), both.err());
    }

    /** A byte-order mark is dropped and non-ASCII ids come out as they went in, from a table and from a log. */
    @Test
    void byteOrderMarksAndUnicodeIdsAreRead(@TempDir Path dir) throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path table = dir.resolve("bom.csv");
        Files.write(table, concat(bom, "customer_id,recency,frequency,monetary\nJos\u00e9,1,2,3\nb,3,4,5\n"));
        Path out = dir.resolve("t.csv");
        CliTestSupport.Result r = CliTestSupport.run("score", "--model", "rfm", "--in", table.toString(), "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(out).contains("\nJos\u00e9,"), Files.readString(out));
        Path log = dir.resolve("log.csv");
        Files.write(log, concat(bom, "id,date,amount\n\u5ba2\u6237,2024-01-05,10\nJos\u00e9,2024-01-06,5\n"));
        r = CliTestSupport.run("score", "--model", "rfm", "--log", log.toString(), "--header", "--separator", "comma",
                "--id-col", "id", "--date-col", "date", "--amount-col", "amount", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String written = Files.readString(out);
        assertTrue(written.contains("\n\u5ba2\u6237,") && written.contains("\nJos\u00e9,"), written);
    }

    /** After a quoted id spanning two lines, a row's error names the line the row starts on. */
    @Test
    void aRowAfterAMultiLineIdIsNamedByItsFirstLine(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("multi.csv");
        Files.writeString(in, "customer_id,recency,frequency,monetary\n\"a\nb\",1,2,3\n\"c\nd\",3,4,5\n\"a\nb\",3,4,5\n");
        CliTestSupport.Result r = CliTestSupport.run("score", "--model", "rfm", "--in", in.toString(), "--out",
                dir.resolve("o.csv").toString());
        assertEquals(2, r.exitCode(), r.err());
        // rows start on lines 2, 4 and 6; the parser ends the repeated one on line 7
        assertTrue(r.err().contains("multi.csv:6: 'customer_id': customer id 'a\nb' is given twice (first on line 2)"),
                r.err());
    }

    /** A customer table with a repeated id or a repeated column is refused with its line, not read silently. */
    @Test
    void repeatedIdsAndColumnsAreRefused(@TempDir Path dir) throws IOException {
        Path ids = dir.resolve("ids.csv");
        Files.writeString(ids, "customer_id,recency,frequency,monetary\na,1,2,3\na,3,4,5\n");
        CliTestSupport.Result r = CliTestSupport.run("score", "--model", "rfm", "--in", ids.toString(), "--out",
                dir.resolve("o.csv").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("ids.csv:3: 'customer_id': customer id 'a' is given twice"), r.err());
        Path cols = dir.resolve("cols.csv");
        Files.writeString(cols, "customer_id,monetary,frequency,monetary\na,1,2,3\n");
        r = CliTestSupport.run("score", "--model", "rfm", "--in", cols.toString(), "--out", dir.resolve("o.csv").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("cols.csv:1: 'monetary': the header names column 'monetary' twice"), r.err());
        assertFalse(Files.exists(dir.resolve("o.csv")));
    }

    private static byte[] concat(byte[] a, String text) {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** --out naming the input file is refused: the tiers would replace the customers they came from. */
    @Test
    void theInputIsNeverOverwritten(@TempDir Path dir) throws IOException {
        Path table = RunCommandTest.write(dir, "t.csv", TABLE);
        CliTestSupport.Result r = CliTestSupport.run("score", "--model", "rfm", "--in", table.toString(), "--out",
                dir.resolve(".").resolve("t.csv").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("is an input file"), r.err());
        assertEquals(TABLE, Files.readString(table));
        Path spec = RunCommandTest.write(dir, "spec.yaml", "model: rfm\n");
        for (String bad : List.of(spec.toString(), dir.toString(), "/", "")) {
            r = CliTestSupport.run("score", "--spec", spec.toString(), "--in", table.toString(), "--out", bad);
            assertEquals(2, r.exitCode(), bad + ": " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertEquals("model: rfm\n", Files.readString(spec));
    }

    /** A custom date format is read strictly: 31 April is an error with its line, not 30 April. */
    /** An --out that is a symbolic link is refused: writing would replace the link, not the file it points to. */
    @Test
    void aSymbolicLinkIsRefusedAsTheOutput(@TempDir Path dir) throws IOException {
        Path in = RunCommandTest.write(dir, "c.csv", TABLE);
        Path mine = RunCommandTest.write(dir, "mine.csv", "mine\n");
        Path link = Files.createSymbolicLink(dir.resolve("t.csv"), mine);
        CliTestSupport.Result r = CliTestSupport.run("score", "--model", "abc", "--in", in.toString(), "--out",
                link.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--out " + link + " is a symbolic link (to " + mine + "), which the output would"
                + " replace; give the real path of the file"), r.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("mine\n", Files.readString(mine));
    }

    @Test
    void impossibleDatesAreRefused(@TempDir Path dir) throws IOException {
        Path log = RunCommandTest.write(dir, "d.log", "id,date,amount\na,29/02/2024,10\nb,31/04/2024,5\n");
        CliTestSupport.Result r = CliTestSupport.run("score", "--model", "lifecycle", "--log", log.toString(),
                "--header", "--separator", "comma", "--date-format", "dd/MM/yyyy", "--out", dir.resolve("o.csv").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("d.log:3: field 2 (date): cannot read '31/04/2024'"), r.err());
    }

    /** A placeholder date (0000-01-01) is no purchase: named with its file, line, field and range; no output. */
    @Test
    void anImplausibleLogDateIsRefused(@TempDir Path dir) throws IOException {
        Path log = RunCommandTest.write(dir, "d.log", "id,date,amount\na,2024-01-05,10\nb,0000-01-01,5\n");
        Path out = dir.resolve("o.csv");
        CliTestSupport.Result r = CliTestSupport.run("score", "--model", "rfm", "--log", log.toString(), "--header",
                "--separator", "comma", "--out", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("d.log:3: field 2 (date): '0000-01-01'"
                + " is outside the plausible range; expected a date from 1900-01-01 to 2199-12-31"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out));
    }

    /**
     * A date option outside the range a log's dates may take is refused too: --as-of 9999-12-31 gave every customer
     * a recency of three million days.
     */
    @Test
    void anImplausibleAsOfDateIsRefused(@TempDir Path dir) throws IOException {
        Path log = RunCommandTest.write(dir, "d.log", "id,date,amount\na,2024-01-05,10\nb,2024-02-01,5\n");
        Path out = dir.resolve("o.csv");
        CliTestSupport.Result r = CliTestSupport.run("score", "--model", "rfm", "--log", log.toString(), "--header",
                "--separator", "comma", "--as-of", "9999-12-31", "--out", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--as-of: expected a date from 1900-01-01 to 2199-12-31, found '9999-12-31'"),
                r.err());
        assertFalse(Files.exists(out));
    }

    /** An empty customer id and a Java-style amount (1d) are errors with their line, not a customer "" or 1.0. */
    @Test
    void emptyIdsAndSuffixedAmountsAreRefused(@TempDir Path dir) throws IOException {
        for (String[] c : new String[][] {{"a,2024-01-05,10\n,2024-03-10,15\n", "e.log:3: field 1 (customer id): empty"},
                {"a,2024-01-05,1d\n", "e.log:2: field 3 (amount): expected a number, found '1d'"}}) {
            Path log = RunCommandTest.write(dir, "e.log", "id,date,amount\n" + c[0]);
            CliTestSupport.Result r = CliTestSupport.run("score", "--model", "rfm", "--log", log.toString(), "--header",
                    "--separator", "comma", "--out", dir.resolve("o.csv").toString());
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains(c[1]), r.err());
        }
    }

    /** A comma-separated log with quoted fields (as spreadsheets write them) is read by CSV rules. */
    @Test
    void quotedLogFieldsAreRead(@TempDir Path dir) throws IOException {
        Path log = RunCommandTest.write(dir, "q.csv", "id,date,amount\n\"a\",\"2024-01-05\",\"10\"\n\"b,x\",2024-02-05,15\n");
        Path out = dir.resolve("o.csv");
        CliTestSupport.Result r = CliTestSupport.run("score", "--model", "rfm", "--log", log.toString(), "--header",
                "--separator", "comma", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String written = Files.readString(out);
        assertTrue(written.contains("\na,") && written.contains("\n\"b,x\","), written);
    }

    /**
     * --id-column names a customer table's id column. With a log it chose nothing (the log's id column is --id-col)
     * and only renamed the output's header: --id-column cust tiered the log's first column (a store) under the
     * header cust. It is refused with a pointer to --id-col, and nothing is written.
     */
    @Test
    void idColumnWithALogIsRefusedInFavourOfIdCol(@TempDir Path dir) throws IOException {
        Path log = RunCommandTest.write(dir, "orders.csv", "store,cust,date,amount\ns1,alice,2024-01-05,10\n"
                + "s1,bob,2024-02-01,20\n");
        Path out = dir.resolve("o.csv");
        CliTestSupport.Result r = CliTestSupport.run("score", "--model", "abc", "--log", log.toString(), "--header",
                "--separator", "comma", "--date-col", "date", "--amount-col", "amount", "--id-column", "cust", "--out",
                out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--id-column names the id column of a customer table (--in); the id column of a"
                + " log (--log) is --id-col (a 1-based number, or a header name with --header), and the output calls it"
                + " customer_id"), r.err());
        assertFalse(Files.exists(out));
        r = CliTestSupport.run("score", "--model", "abc", "--log", log.toString(), "--header", "--separator", "comma",
                "--date-col", "date", "--amount-col", "amount", "--id-col", "cust", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String written = Files.readString(out);
        assertTrue(written.startsWith("customer_id,tier\n") && written.contains("\nalice,")
                && written.contains("\nbob,"), written);
    }

    /** Options that cannot apply are refused with a pointer to what would work, not silently ignored. */
    @Test
    void optionsThatCannotApplyAreRefused(@TempDir Path dir) throws IOException {
        Path table = RunCommandTest.write(dir, "t.csv", TABLE);
        String out = dir.resolve("o.csv").toString();
        CliTestSupport.Result r = CliTestSupport.run("score", "--model", "rfm", "--in", table.toString(), "--separator",
                "semicolon", "--out", out);
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--separator applies to --log only"), r.err());
        r = CliTestSupport.run("score", "--model", "predicted", "--in", table.toString(), "--out", out);
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--spec FILE"), r.err());
        Path empty = RunCommandTest.write(dir, "h.csv", "id,date,amount\n");
        r = CliTestSupport.run("score", "--model", "rfm", "--log", empty.toString(), "--header", "--separator", "comma",
                "--out", out);
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("h.csv: the log holds no transactions"), r.err());
        assertFalse(Files.exists(dir.resolve("o.csv")));
    }
}
