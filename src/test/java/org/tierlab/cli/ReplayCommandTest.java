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
import org.tierlab.btyd.Cdnow;

/** {@code tierlab replay} on the CDNOW sample, through the command line. */
class ReplayCommandTest {
    private static String sample() {
        return Cdnow.dir().resolve("CDNOW_sample.txt").toString();
    }

    /** The replay folder records the periods its holdout values count (settings.csv, shown in the report). */
    @Test
    void theFolderRecordsThePeriods(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("replay");
        CliTestSupport.Result r = CliTestSupport.run("replay", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                "--holdout-end", "1997-12-31", "--retier-every", "13w", "--out", out.toString(), sample());
        assertEquals(0, r.exitCode(), r.err());
        List<String> settings = Files.readAllLines(out.resolve("settings.csv"));
        for (String row : List.of("calibration_end,1997-09-30", "holdout_start,1997-10-01", "holdout_end,1997-12-31",
                "retier_every,13w", "same_day_purchases,merged")) {
            assertTrue(settings.contains(row), row + " in " + settings);
        }
        assertTrue(Files.readString(out.resolve("report.html")).contains("<td>holdout_end</td><td>1997-12-31</td>"));
    }

    /** The customer count printed is of the customers tiered (acquired by the calibration end), not the log's. */
    @Test
    void theCountPrintedIsOfTheCustomersTiered(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("replay");
        CliTestSupport.Result r = CliTestSupport.run("replay", "--cdnow", "sample", "--calibration-end", "1997-02-15",
                "--out", out.toString(), sample());
        assertEquals(0, r.exitCode(), r.err());
        long tiered = Files.readAllLines(out.resolve("customers.csv")).size() - 1;
        assertEquals(1229, tiered);
        assertTrue(r.out().contains("1229 customers acquired by the calibration end (2357 in the log)"), r.out());
    }

    @Test
    void replaysTheSampleQuarterly(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("replay");
        CliTestSupport.Result r = CliTestSupport.run("replay", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                "--holdout-end", "1998-06-30", "--out", out.toString(), sample());
        assertEquals(0, r.exitCode(), r.err());
        // month ends, counted back from the calibration end, from the first purchase on
        assertTrue(r.out().contains("re-tiering points [1997-03-31, 1997-06-30, 1997-09-30]"), r.out());
        for (String f : List.of("tier_sizes.csv", "migrations.csv", "stability.csv", "holdout_by_tier.csv",
                "gains.csv", "validity.csv")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        List<String> validity = Files.readAllLines(out.resolve("validity.csv"));
        assertEquals(List.of("rfm", "abc", "lifecycle", "bgnbd-value"),
                validity.stream().skip(1).map(l -> l.split(",")[0]).toList());
        // every model's tiers at the end of calibration hold all 2,357 customers
        long tiered = Files.readAllLines(out.resolve("holdout_by_tier.csv")).stream().skip(1)
                .filter(l -> l.startsWith("abc,")).mapToLong(l -> Long.parseLong(l.split(",")[2])).sum();
        assertEquals(2357, tiered);
        // RFM's best tiers find the customers who buy in the holdout: a clearly positive rank correlation
        double rho = Double.parseDouble(validity.get(1).split(",")[1]);
        assertTrue(rho > 0.3, "spearman " + rho);
    }

    @Test
    void modelsFromAFileAndABadInterval(@TempDir Path dir) throws IOException {
        Path models = RunCommandTest.write(dir, "m.yaml", "models:\n  top100: {model: top, counts: [100], names: [top, rest]}\n");
        CliTestSupport.Result r = CliTestSupport.run("replay", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                "--models", models.toString(), "--retier-every", "1m", "--out", dir.resolve("r").toString(), sample());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("top100"), r.out());
        CliTestSupport.Result bad = CliTestSupport.run("replay", "--cdnow", "sample", "--calibration-end",
                "1997-09-30", "--retier-every", "quarterly", "--out", dir.resolve("b").toString(), sample());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--retier-every: expected a number up to 99999 and d, w or m"), bad.err());
        assertFalse(Files.exists(dir.resolve("b")));
    }

    /** A placeholder date in a --date-format log is named with its line, field and the range; no folder. */
    @Test
    void anImplausibleDateIsNamedWithTheRange(@TempDir Path dir) throws IOException {
        Path log = RunCommandTest.write(dir, "log.csv", "a,05/01/2020,10\na,05/03/2020,10\nb,01/01/1000,5\n");
        CliTestSupport.Result r = CliTestSupport.run("replay", "--separator", ",", "--date-format", "dd/MM/yyyy",
                "--calibration-end", "2020-02-28", "--out", dir.resolve("r").toString(), log.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("log.csv:3: field 2 (date): '01/01/1000'"
                + " is outside the plausible range; expected a date from 1900-01-01 to 2199-12-31"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(dir.resolve("r")));
    }

    /**
     * Each model's tiers are a column tier_NAME of customers.csv, and table column names lose surrounding spaces: "a "
     * would collide with "a" (an internal error), or come back as "a". Such a name is refused at its key's line.
     */
    @Test
    void aModelNameWithSurroundingSpacesIsRefused(@TempDir Path dir) throws IOException {
        Path models = RunCommandTest.write(dir, "m.yaml", "models:\n  a: {model: abc}\n  \"a \": {model: rfm}\n");
        CliTestSupport.Result r = CliTestSupport.run("replay", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                "--models", models.toString(), "--out", dir.resolve("r").toString(), sample());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("m.yaml:3: 'models.a ': model name 'a ' starts or ends with a space; expected a"
                + " name without surrounding spaces"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(dir.resolve("r")));
    }

    /** --window-days narrows the tiering features only: the BG/NBD value model still sees all history. */
    @Test
    void theWindowLeavesTheValueModelAlone(@TempDir Path dir) throws IOException {
        List<String> rows = new java.util.ArrayList<>();
        for (String window : List.of("0", "90")) {
            Path out = dir.resolve("w" + window);
            CliTestSupport.Result r = CliTestSupport.run("replay", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                    "--window-days", window, "--out", out.toString(), sample());
            assertEquals(0, r.exitCode(), r.err());
            rows.add(Files.readAllLines(out.resolve("validity.csv")).stream().filter(l -> l.startsWith("bgnbd-value,"))
                    .findFirst().orElseThrow());
        }
        assertEquals(rows.get(0), rows.get(1));
    }
}
