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

    private static List<String> rows(Path file, String prefix) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).toList();
    }

    /**
     * bgnbd-value at an earlier point is what a replay of the log as known that day gives at its calibration end:
     * the same BG/NBD and Gamma-Gamma estimates (value_fits.csv) and the same tier sizes. It used to tier June
     * with the parameters fitted to September, from purchases made after June.
     */
    @Test
    void anEarlierPointOfTheValueModelSeesOnlyItsPast(@TempDir Path dir) throws IOException {
        Path full = dir.resolve("full");
        CliTestSupport.Result r = CliTestSupport.run("replay", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                "--holdout-end", "1998-06-30", "--out", full.toString(), sample());
        assertEquals(0, r.exitCode(), r.err());
        // the log as known on June 30, replayed with a holdout as long (273 days)
        Path cut = dir.resolve("to-june.txt");
        Files.write(cut, Files.readAllLines(Path.of(sample())).stream()
                .filter(l -> l.trim().split("\\s+")[2].compareTo("19970630") <= 0).toList());
        Path june = dir.resolve("june");
        r = CliTestSupport.run("replay", "--cdnow", "sample", "--calibration-end", "1997-06-30", "--holdout-end",
                "1998-03-30", "--out", june.toString(), cut.toString());
        assertEquals(0, r.exitCode(), r.err());

        List<String> fits = rows(full.resolve("value_fits.csv"), "bgnbd-value,1997-06-30,");
        assertEquals(7, fits.size(), "4 BG/NBD and 3 Gamma-Gamma parameters");
        assertEquals(rows(june.resolve("value_fits.csv"), "bgnbd-value,1997-06-30,"), fits);
        List<String> sizes = rows(full.resolve("tier_sizes.csv"), "bgnbd-value,1997-06-30,");
        assertEquals(3, sizes.size());
        assertEquals(rows(june.resolve("tier_sizes.csv"), "bgnbd-value,1997-06-30,"), sizes);
        // and the calibration end keeps the published fit
        assertTrue(rows(full.resolve("value_fits.csv"), "bgnbd-value,1997-09-30,BG/NBD,r,0.2425").size() == 1);
    }

    /**
     * A point with too little history for the value model's fits (nobody had bought twice by 1997-01-03), or whose
     * fit does not converge, has no bgnbd-value tiers: no rows in tier_sizes.csv, migrations.csv or stability.csv, the reason in value_fits.csv,
     * on the console and in the report. The other models are tiered there as usual, and a second run writes the
     * same bytes.
     */
    @Test
    void aPointTooEarlyForTheValueFitsHasNoValueTiers(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("replay");
        CliTestSupport.Result r = CliTestSupport.run("replay", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                "--retier-every", "30d", "--out", out.toString(), sample());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("re-tiering points [1997-01-03, 1997-02-02,"), r.out());
        assertTrue(r.out().contains("note: model bgnbd-value has no tiers at 1997-01-03: the BG/NBD fit on the"
                + " history up to 1997-01-03 was not made: only 0 customers with a repeat purchase by 1997-01-03 (at"
                + " least 20 needed)"), r.out());
        assertEquals(List.of(), rows(out.resolve("tier_sizes.csv"), "bgnbd-value,1997-01-03,"));
        assertFalse(rows(out.resolve("tier_sizes.csv"), "rfm,1997-01-03,").isEmpty(), "RFM is tiered there");
        assertEquals(List.of(), rows(out.resolve("migrations.csv"), "bgnbd-value,1997-01-03,"));
        assertEquals(List.of(), rows(out.resolve("stability.csv"), "bgnbd-value,1997-01-03,"));
        // on March 4 BG/NBD runs a and b off to 0 (nobody seems to drop out yet): no tiers there either
        assertTrue(r.out().contains("note: model bgnbd-value has no tiers at 1997-03-04: the BG/NBD fit on the history"
                + " up to 1997-03-04 did not converge ("), r.out());
        assertEquals(List.of(), rows(out.resolve("stability.csv"), "bgnbd-value,1997-02-02,"));
        assertEquals(1, rows(out.resolve("stability.csv"), "bgnbd-value,1997-04-03,").size());
        assertEquals(1, rows(out.resolve("stability.csv"), "rfm,1997-01-03,").size());
        List<String> fits = rows(out.resolve("value_fits.csv"), "bgnbd-value,1997-01-03,");
        assertEquals(7, fits.size());
        assertTrue(fits.get(0).startsWith("bgnbd-value,1997-01-03,BG/NBD,r,,,,57,0,not fitted: only 0 customers"),
                fits.get(0));
        assertTrue(fits.stream().allMatch(l -> l.endsWith(",no")), fits.toString());
        assertTrue(rows(out.resolve("value_fits.csv"), "bgnbd-value,1997-09-30,").stream()
                .allMatch(l -> l.endsWith(",converged,yes")));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Value model fits at each re-tiering point"), "fits table");
        assertTrue(html.contains("No tiers at 1997-01-03, 1997-03-04: the model could not be fitted"), "sizes caption");
        assertTrue(html.contains("without them there are no tiers: bgnbd-value at 1997-01-03, bgnbd-value at"
                + " 1997-03-04."), "fits caption");

        Path again = dir.resolve("again");
        assertEquals(0, CliTestSupport.run("replay", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                "--retier-every", "30d", "--out", again.toString(), sample()).exitCode());
        for (String f : List.of("value_fits.csv", "tier_sizes.csv", "migrations.csv", "stability.csv",
                "validity.csv", "customers.csv")) {
            assertEquals(Files.readString(out.resolve(f)), Files.readString(again.resolve(f)), f);
        }
    }
}
