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
import org.tierlab.scenario.Scenario;
import org.tierlab.scenario.ScenarioReader;
import org.tierlab.score.TieringSpecs;

/** {@code tierlab fit} through the command line, on the CDNOW sample (../shared/data/cdnow). */
class FitCommandTest {
    private static String sample() {
        return Cdnow.dir().resolve("CDNOW_sample.txt").toString();
    }

    @Test
    void fitsTheSampleAndWritesTheRunFolder(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("fit");
        Path pop = dir.resolve("population.yaml");
        CliTestSupport.Result r = CliTestSupport.run("fit", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                "--holdout-end", "1998-06-30", "--out", out.toString(), "--emit-population", pop.toString(), sample());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("2357 customers, 946 with repeat purchases"), r.out());
        for (String f : List.of("parameters.csv", "calibration_histogram.csv", "conditional.csv", "customers.csv",
                "accuracy.csv")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        // Fader, Hardie & Lee (2005): BG/NBD r = 0.243, alpha = 4.414 on this sample
        String bgR = Files.readAllLines(out.resolve("parameters.csv")).get(1);
        assertTrue(bgR.startsWith("BG/NBD,r,0.24"), bgR);
        assertEquals(2358, Files.readAllLines(out.resolve("customers.csv")).size());
        // the histogram's actual counts add up to the customers
        double total = Files.readAllLines(out.resolve("calibration_histogram.csv")).stream().skip(1)
                .mapToDouble(l -> Double.parseDouble(l.split(",")[1])).sum();
        assertEquals(2357, total, 1e-9);
        assertEmittedPopulationRuns(dir, pop);
    }

    /** The emitted population is a valid scenario section with the fitted parameters. */
    private static void assertEmittedPopulationRuns(Path dir, Path pop) throws IOException {
        String text = Files.readString(pop);
        assertTrue(text.contains("dropout: {model: after_purchase, a: 0.79"), text);
        Path scenario = RunCommandTest.write(dir, "s.yaml", """
                name: calibrated
                horizon: {periods: 20, period: week}
                replications: 2
                seed: 3
                staff: {team: 10}
                models:
                  rfm: {model: rfm}
                policies:
                  none: {tiers: {}}
                strategies:
                  - {name: s, model: rfm, policy: none}
                """ + text.substring(text.indexOf("population:")));
        Scenario s = ScenarioReader.of(TieringSpecs::parse).read(scenario);
        assertEquals(157, s.population().customers());
    }

    @Test
    void badDateNamesTheOption(@TempDir Path dir) {
        CliTestSupport.Result r = CliTestSupport.run("fit", "--cdnow", "sample", "--calibration-end", "30/09/1997",
                "--out", dir.resolve("f").toString(), sample());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--calibration-end: expected a date as yyyy-MM-dd, found '30/09/1997'"), r.err());
        assertFalse(Files.exists(dir.resolve("f")));
    }

    @Test
    void holdoutMustFollowCalibration(@TempDir Path dir) {
        CliTestSupport.Result r = CliTestSupport.run("fit", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                "--holdout-end", "1997-09-01", "--out", dir.resolve("f").toString(), sample());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("must be after --calibration-end"), r.err());
    }

    @Test
    void badRowIsReportedWithItsLine(@TempDir Path dir) throws IOException {
        Path log = RunCommandTest.write(dir, "log.csv", """
                id,date,amount
                a,2020-01-05,10
                a,2020-02-05,12
                b,2020-13-01,5
                """);
        CliTestSupport.Result r = CliTestSupport.run("fit", "--header", "--separator", ",", "--calibration-end",
                "2020-06-30", "--out", dir.resolve("f").toString(), log.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("log.csv:4"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    /** A date the log's format cannot read names the format it expected, ISO or the user's own pattern. */
    @Test
    void anUnreadableDateSaysWhichFormatWasExpected(@TempDir Path dir) throws IOException {
        Path log = RunCommandTest.write(dir, "log.csv", "a,2020-01-05,10\nb,2020-13-01,5\n");
        CliTestSupport.Result iso = CliTestSupport.run("fit", "--separator", ",", "--calibration-end", "2020-06-30",
                "--out", dir.resolve("f").toString(), log.toString());
        assertEquals(2, iso.exitCode());
        assertTrue(iso.err().contains("log.csv:2: field 2 (date): cannot read '2020-13-01'; expected a valid date as"
                + " yyyy-MM-dd"), iso.err());
        CliTestSupport.Result pattern = CliTestSupport.run("fit", "--separator", ",", "--date-format", "dd/MM/yyyy",
                "--calibration-end", "2020-06-30", "--out", dir.resolve("f").toString(), log.toString());
        assertEquals(2, pattern.exitCode());
        assertTrue(pattern.err().contains("log.csv:1: field 2 (date): cannot read '2020-01-05'; expected a valid date"
                + " as dd/MM/yyyy"), pattern.err());
        assertFalse(Files.exists(dir.resolve("f")));
    }

    /**
     * A placeholder date is no purchase: 0000-01-01 made the calibration period start two thousand years early. It
     * is named with its line, field and the range, in ISO and in yyyyMMdd logs; no folder is written.
     */
    @Test
    void anImplausibleDateIsNamedWithTheRange(@TempDir Path dir) throws IOException {
        Path iso = RunCommandTest.write(dir, "log.csv", "a,2020-01-05,10\nb,0000-01-01,5\na,2020-09-05,12\n");
        CliTestSupport.Result r = CliTestSupport.run("fit", "--separator", ",", "--calibration-end", "2020-06-30",
                "--out", dir.resolve("f").toString(), iso.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("log.csv:2: field 2 (date): '0000-01-01'"
                + " is outside the plausible range; expected a date from 1900-01-01 to 2199-12-31"), r.err());
        Path basic = RunCommandTest.write(dir, "log.txt", "a 20200105 10\nb 20200301 5\nc 22000101 5\n");
        r = CliTestSupport.run("fit", "--date-format", "yyyyMMdd", "--calibration-end", "2020-06-30", "--out",
                dir.resolve("f").toString(), basic.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("log.txt:3: field 2 (date): '22000101'"
                + " is outside the plausible range; expected a date from 1900-01-01 to 2199-12-31"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(dir.resolve("f")));
    }

    /** A row too short for the columns names the first column it lacks. */
    @Test
    void aShortRowNamesTheMissingField(@TempDir Path dir) throws IOException {
        Path log = RunCommandTest.write(dir, "log.csv", "a,2020-01-05,10\nb,2020-02-01\n");
        CliTestSupport.Result r = CliTestSupport.run("fit", "--separator", ",", "--calibration-end", "2020-06-30",
                "--out", dir.resolve("f").toString(), log.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("log.csv:2: field 3 (amount): missing; expected at least 3 fields, found 2"),
                r.err());
        assertFalse(Files.exists(dir.resolve("f")));
    }

    /** An empty log read with --header is said to be empty, not to have a header lacking the named columns. */
    @Test
    void anEmptyLogWithAHeaderIsSaidToBeEmpty(@TempDir Path dir) throws IOException {
        Path empty = RunCommandTest.write(dir, "empty.csv", "");
        CliTestSupport.Result r = CliTestSupport.run("fit", "--header", "--separator", ",", "--id-col", "id",
                "--date-col", "date", "--amount-col", "amount", "--calibration-end", "2020-06-30",
                "--out", dir.resolve("f").toString(), empty.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("empty.csv: the file is empty; expected a header line naming the columns"),
                r.err());
        Path blank = RunCommandTest.write(dir, "blank.csv", "\na,2020-01-05,10\n");
        CliTestSupport.Result b = CliTestSupport.run("fit", "--header", "--separator", ",", "--id-col", "id",
                "--calibration-end", "2020-06-30", "--out", dir.resolve("f").toString(), blank.toString());
        assertEquals(2, b.exitCode());
        assertTrue(b.err().contains("blank.csv:1: the header line is empty"), b.err());
        assertFalse(Files.exists(dir.resolve("f")));
    }

    /** A population is never emitted from a fit that did not converge (here Gamma-Gamma, without amounts). */
    @Test
    void noPopulationFromAFitThatDidNotConverge(@TempDir Path dir) {
        Path pop = dir.resolve("p.yaml");
        CliTestSupport.Result r = CliTestSupport.run("fit", "--id-col", "2", "--date-col", "3", "--amount-col", "none",
                "--date-format", "yyyyMMdd", "--calibration-end", "1997-09-30", "--out", dir.resolve("f").toString(),
                "--emit-population", pop.toString(), sample());
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.err().contains("--emit-population: the Gamma-Gamma fit did not converge"), r.err());
        assertFalse(Files.exists(pop));
        assertFalse(Files.exists(dir.resolve("f")));
    }

    /**
     * A model that did not converge predicts nothing in any table: its columns of accuracy.csv, conditional.csv,
     * calibration_histogram.csv and tracking.csv are empty, as in customers.csv, never an unconverged estimate's
     * prediction (here one customer with no repeat purchase: neither BG/NBD nor Pareto/NBD is identified).
     */
    @Test
    void aModelThatDidNotConvergeHasEmptyColumnsInEveryTable(@TempDir Path dir) throws IOException {
        Path log = RunCommandTest.write(dir, "log.csv", "a,2024-01-01,10\na,2024-05-01,5\n");
        Path out = dir.resolve("f");
        CliTestSupport.Result r = CliTestSupport.run("fit", "--separator", ",", "--calibration-end", "2024-03-31",
                "--out", out.toString(), log.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("NO: "), r.out());
        assertEquals(List.of("measure,bgnbd,pareto_nbd", "mae,,", "rmse,,", "bias,,", "actual_total,1.0,1.0",
                "predicted_total,,", "aggregate_error_pct,,"), Files.readAllLines(out.resolve("accuracy.csv")));
        assertEquals("0,1.0,,,1.0", Files.readAllLines(out.resolve("conditional.csv")).get(1));
        assertEquals("0,1.0,", Files.readAllLines(out.resolve("calibration_histogram.csv")).get(1));
        for (String row : Files.readAllLines(out.resolve("tracking.csv")).subList(1, 5)) {
            String[] cells = row.split(",", -1);
            assertEquals(List.of("", "", "", ""), List.of(cells[4], cells[5], cells[7], cells[8]), row);
        }
    }

    /** The fit report draws no P(alive) matrix and ranks no CLV from fits that did not converge. */
    @Test
    void theReportShowsNothingFromAModelThatDidNotConverge(@TempDir Path dir) throws IOException {
        Path log = RunCommandTest.write(dir, "log.csv", "a,2024-01-01,10\na,2024-05-01,5\n");
        Path out = dir.resolve("f");
        CliTestSupport.Result r = CliTestSupport.run("fit", "--separator", ",", "--calibration-end", "2024-03-31",
                "--out", out.toString(), log.toString());
        assertEquals(0, r.exitCode(), r.err());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Not drawn: the BG/NBD fit did not converge."), "P(alive) note");
        assertTrue(html.contains("Not ranked: CLV needs converged BG/NBD and Gamma-Gamma fits."), "CLV note");
        assertFalse(html.contains("customers with the highest predicted lifetime value"), "CLV table");
    }

    /**
     * The fit folder says what its estimates mean: the time unit they are per and the calibration and holdout
     * periods (settings.csv, shown in the report), and the command prints the split for the user to check.
     */
    @Test
    void theFolderRecordsTheTimeUnitAndThePeriods(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("fit");
        CliTestSupport.Result r = CliTestSupport.run("fit", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                "--time-unit", "days", "--out", out.toString(), sample());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("calibration 1997-01-01 to 1997-09-30, holdout 1997-10-01 to 1998-06-30 (273.0 days)"),
                r.out());
        List<String> settings = Files.readAllLines(out.resolve("settings.csv"));
        for (String row : List.of("time_unit,days", "calibration_start,1997-01-01", "calibration_end,1997-09-30",
                "holdout_start,1997-10-01", "holdout_end,1998-06-30", "same_day_purchases,merged")) {
            assertTrue(settings.contains(row), row + " in " + settings);
        }
        assertTrue(Files.readString(out.resolve("report.html")).contains("<td>time_unit</td><td>days</td>"));
    }

    /** A header line read without --header is a bad first row whose message suggests --header. */
    @Test
    void aHeaderReadAsAPurchaseSuggestsTheHeaderOption(@TempDir Path dir) throws IOException {
        Path log = RunCommandTest.write(dir, "log.csv", "id,date,amount\na,2020-01-05,10\n");
        CliTestSupport.Result r = CliTestSupport.run("fit", "--separator", ",", "--calibration-end", "2020-06-30",
                "--out", dir.resolve("f").toString(), log.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("log.csv:1: field 2 (date): cannot read 'date'; expected a valid date as yyyy-MM-dd"
                + " (if line 1 names the columns, add --header)"), r.err());
    }

    /**
     * The default CLV horizon is one year whatever the time unit, so a customer's CLV hardly depends on the unit
     * (discounting per unit differs slightly); it was 52 units: a year in weeks, 52 months or 52 days otherwise.
     */
    @Test
    void theDefaultClvHorizonIsOneYearInEveryTimeUnit(@TempDir Path dir) throws IOException {
        double[] clv = new double[3];
        List<String> units = List.of("weeks", "months", "days");
        for (int u = 0; u < units.size(); u++) {
            Path out = dir.resolve(units.get(u));
            CliTestSupport.Result r = CliTestSupport.run("fit", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                    "--time-unit", units.get(u), "--out", out.toString(), sample());
            assertEquals(0, r.exitCode(), r.err());
            List<String> rows = Files.readAllLines(out.resolve("customers.csv"));
            assertTrue(rows.get(1).startsWith("00004,"), rows.get(1));
            String[] cells = rows.get(1).split(",");
            clv[u] = Double.parseDouble(cells[cells.length - 1]);
        }
        assertTrue(Files.readAllLines(dir.resolve("months/settings.csv")).contains("clv_horizon,12"));
        assertTrue(Files.readAllLines(dir.resolve("days/settings.csv")).contains("clv_horizon,365"));
        assertEquals(clv[0], clv[1], 0.01 * clv[0], "months against weeks");
        assertEquals(clv[0], clv[2], 0.01 * clv[0], "days against weeks");
    }

    @Test
    void columnsByHeaderName(@TempDir Path dir) throws IOException {
        StringBuilder text = new StringBuilder("amount;when;who\n");
        for (int c = 0; c < 40; c++) {
            for (int k = 0; k <= c % 4; k++) {
                text.append(10 + c).append(';').append(String.format("2020%02d%02d", 1 + k * 2, 1 + c % 28))
                        .append(";c").append(c).append('\n');
            }
        }
        Path log = RunCommandTest.write(dir, "log.csv", text.toString());
        CliTestSupport.Result r = CliTestSupport.run("fit", "--header", "--separator", ";", "--id-col", "who",
                "--date-col", "when", "--amount-col", "amount", "--date-format", "yyyyMMdd", "--calibration-end",
                "2020-06-30", "--holdout-end", "2020-12-31", "--out", dir.resolve("f").toString(), log.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("40 customers, 30 with repeat purchases"), r.out());
        CliTestSupport.Result bad = CliTestSupport.run("fit", "--header", "--separator", ";", "--id-col", "customer",
                "--calibration-end", "2020-06-30", log.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--id-col: the header has no column 'customer'; it has [amount, when, who]"),
                bad.err());
    }

    @Test
    void dailyUnitCannotEmitAPopulation(@TempDir Path dir) {
        CliTestSupport.Result r = CliTestSupport.run("fit", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                "--time-unit", "days", "--emit-population", dir.resolve("p.yaml").toString(), sample());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--emit-population needs --time-unit weeks or months"), r.err());
    }

    /**
     * Without amounts Gamma-Gamma has nothing to fit: its optimum is flat, so it is reported as not converged,
     * customers.csv leaves its spend and CLV cells empty (never Infinity), and replay leaves the predicted-value
     * model out with a note instead of failing.
     */
    @Test
    void aFitTheDataCannotIdentifySaysSoAndPredictsNothing(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("fit");
        CliTestSupport.Result r = CliTestSupport.run("fit", "--id-col", "2", "--date-col", "3", "--amount-col", "none",
                "--date-format", "yyyyMMdd", "--calibration-end", "1997-09-30", "--out", out.toString(), sample());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("NO: the likelihood is flat or singular"), r.out());
        List<String> rows = Files.readAllLines(out.resolve("customers.csv"));
        assertTrue(rows.get(0).endsWith(",expected_spend,pareto_p_alive,pareto_expected_holdout,clv"), rows.get(0));
        assertTrue(rows.get(1).endsWith(","), "empty CLV: " + rows.get(1));
        assertFalse(String.join("\n", rows).contains("Infinity"));
        r = CliTestSupport.run("replay", "--id-col", "2", "--date-col", "3", "--amount-col", "none", "--date-format",
                "yyyyMMdd", "--calibration-end", "1997-09-30", "--out", dir.resolve("replay").toString(), sample());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("note: model bgnbd-value left out"), r.out());
    }

    /** Options out of range get a clear message and exit 2, never an internal error or a run that never ends. */
    @Test
    void optionsOutOfRangeAreRefused(@TempDir Path dir) {
        List<List<String>> bad = List.of(List.of("--penalty", "NaN"), List.of("--clv-horizon", "100000"),
                List.of("--holdout-end", "9999-12-31"));
        for (List<String> option : bad) {
            CliTestSupport.Result r = CliTestSupport.run("fit", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                    option.get(0), option.get(1), "--out", dir.resolve("f").toString(), sample());
            assertEquals(2, r.exitCode(), option + ": " + r.err());
            assertTrue(r.err().contains(option.get(0)), r.err());
        }
        CliTestSupport.Result r = CliTestSupport.run("replay", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                "--retier-every", "9999999999m", "--out", dir.resolve("r").toString(), sample());
        assertEquals(2, r.exitCode(), r.err());
        assertFalse(Files.exists(dir.resolve("f")) || Files.exists(dir.resolve("r")));
    }

    /** A discount rate out of range names --discount-rate alone, with what was expected. */
    @Test
    void aBadDiscountRateNamesItsOption(@TempDir Path dir) {
        for (String rate : List.of("NaN", "-0.1", "10")) {
            CliTestSupport.Result r = CliTestSupport.run("fit", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                    "--discount-rate", rate, "--out", dir.resolve("f").toString(), sample());
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains("tierlab: --discount-rate: expected an annual rate from 0 to below 10"), r.err());
            assertFalse(r.err().contains("--clv-horizon"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("f")));
    }

    /** A column or format option next to --cdnow, which the preset would silently override, is refused. */
    @Test
    void optionsThePresetSetsAreRefusedNextToIt(@TempDir Path dir) {
        for (List<String> option : List.of(List.of("--amount-col", "4"), List.of("--date-format", "iso"),
                List.of("--separator", "tab"))) {
            CliTestSupport.Result r = CliTestSupport.run("fit", "--cdnow", "sample", option.get(0), option.get(1),
                    "--calibration-end", "1997-09-30", "--out", dir.resolve("f").toString(), sample());
            assertEquals(2, r.exitCode(), option + ": " + r.out());
            assertTrue(r.err().contains(option.get(0) + ": --cdnow sample sets the columns, separator, header and date"
                    + " format"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("f")));
    }

    /**
     * An --emit-population path inside a file is refused before the fit, exit 2, with no fit folder; it failed
     * after the fit folder was in place, with exit code 1 and only the parent's name.
     */
    @Test
    void aPopulationPathInsideAFileIsRefusedUpFront(@TempDir Path dir) throws IOException {
        Path file = RunCommandTest.write(dir, "notes.txt", "x");
        CliTestSupport.Result r = CliTestSupport.run("fit", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                "--out", dir.resolve("f").toString(), "--emit-population", file.resolve("pop.yaml").toString(),
                sample());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--emit-population " + file.resolve("pop.yaml") + " lies inside " + file
                + ", which is a file"), r.err());
        assertFalse(Files.exists(dir.resolve("f")));
        // nor inside the run folder, which the fit replaces whole
        CliTestSupport.Result inside = CliTestSupport.run("fit", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                "--out", dir.resolve("f").toString(), "--emit-population", dir.resolve("f/pop.yaml").toString(),
                sample());
        assertEquals(2, inside.exitCode(), inside.err());
        assertTrue(inside.err().contains("lies inside the run folder"), inside.err());
        assertFalse(Files.exists(dir.resolve("f")));
    }

    /** The CDNOW preset sets columns and dates only: --keep-same-day still keeps same-day purchases apart. */
    @Test
    void thePresetHonoursKeepSameDay(@TempDir Path dir) {
        CliTestSupport.Result r = CliTestSupport.run("fit", "--cdnow", "sample", "--keep-same-day", "--calibration-end",
                "1997-09-30", "--out", dir.resolve("f").toString(), sample());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("2357 customers, 959 with repeat purchases"), r.out());
    }

    /** --emit-population naming the log itself or a folder is refused before anything is written. */
    @Test
    void thePopulationFileNeverReplacesTheLog(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("log.txt");
        Files.copy(Path.of(sample()), log);
        for (String bad : List.of(log.toString(), dir.toString(), "/")) {
            CliTestSupport.Result r = CliTestSupport.run("fit", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                    "--out", dir.resolve("f").toString(), "--emit-population", bad, log.toString());
            assertEquals(2, r.exitCode(), bad + ": " + r.err());
        }
        assertEquals(Files.size(Path.of(sample())), Files.size(log));
        assertFalse(Files.exists(dir.resolve("f")));
    }
}
