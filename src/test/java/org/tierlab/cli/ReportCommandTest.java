package org.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tierlab run} and {@code replay} write report.html; {@code tierlab report DIR} rebuilds it and rejects other folders. */
class ReportCommandTest {

    @Test
    void runWritesTheReportAndReportRebuildsItIdentically(@TempDir Path dir) throws Exception {
        Path scenario = RunCommandTest.write(dir, "small.yaml", RunCommandTest.SMALL);
        Path out = dir.resolve("out");
        CliTestSupport.Result r = CliTestSupport.run("run", scenario.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        Path report = out.resolve("report.html");
        String written = Files.readString(report, StandardCharsets.UTF_8);
        for (String expected : new String[] {"tierlab run: small", "abc-care", "stage-care", "Retention of the starting cohort",
            "Staff hours: am", "Tier migrations: abc-care", "Revenue concentration", "Difference to uniform"}) {
            assertTrue(written.contains(expected), expected);
        }
        Files.delete(report);
        CliTestSupport.Result again = CliTestSupport.run("report", out.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("report.html"));
        assertEquals(written, Files.readString(report, StandardCharsets.UTF_8), "rebuilt from the CSVs alone");
    }

    /** A replay with a single re-tiering point says "1 re-tiering point", not "1 re-tiering points". */
    @Test
    void aSingleRetieringPointIsNamedInTheSingular(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("replay");
        CliTestSupport.Result r = CliTestSupport.run("replay", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                "--retier-every", "12m", "--out", out.toString(),
                org.tierlab.btyd.Cdnow.dir().resolve("CDNOW_sample.txt").toString());
        assertEquals(0, r.exitCode(), r.err());
        String written = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(written.contains(" at 1 re-tiering point<") || written.contains(" at 1 re-tiering point\""),
                "singular: " + written.substring(written.indexOf("customers tiered by"),
                        written.indexOf("customers tiered by") + 120));
        assertFalse(written.contains("re-tiering points"), "no plural for one point");
    }

    /**
     * An undefined value of the replay validity table (the rank correlation of a model that puts every customer in
     * one tier: validity.csv leaves it empty) is shown as "–", as the run report's tables show a missing value, not
     * as an empty cell.
     */
    @Test
    void anUndefinedValidityValueIsShownAsADash(@TempDir Path dir) throws Exception {
        Path models = RunCommandTest.write(dir, "m.yaml", "models:\n  everyone: {model: top, counts: [5000], names: [all,"
                + " rest]}\n");
        Path out = dir.resolve("replay");
        CliTestSupport.Result r = CliTestSupport.run("replay", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                "--models", models.toString(), "--out", out.toString(),
                org.tierlab.btyd.Cdnow.dir().resolve("CDNOW_sample.txt").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readAllLines(out.resolve("validity.csv")).contains(
                "everyone,,,0.20000000000000004,0.9425556582970757,1.0"), "empty in the CSV");
        String written = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(written.contains("<td>everyone</td><td>–</td><td>–</td><td>20.0%</td><td>94.3%</td><td>100.0%</td>"),
                written.substring(written.indexOf("<td>everyone</td>"), written.indexOf("<td>everyone</td>") + 120));
        assertFalse(written.contains("<td></td>"), "no empty cell in any table");
    }

    @Test
    void replayWritesItsReportAndReportRebuildsItIdentically(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("replay");
        CliTestSupport.Result r = CliTestSupport.run("replay", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                "--out", out.toString(), org.tierlab.btyd.Cdnow.dir().resolve("CDNOW_sample.txt").toString());
        assertEquals(0, r.exitCode(), r.err());
        Path report = out.resolve("report.html");
        String written = Files.readString(report, StandardCharsets.UTF_8);
        for (String expected : new String[] {"tierlab replay: replay", "Tier validity on the holdout", "Gains on the holdout",
            "Holdout revenue by tier", "RFM: mean monetary value by recency and frequency score", "Tier stability",
            "Tier sizes: bgnbd-value", "Tier migrations: lifecycle", "0.423", "64.4%"}) {
            assertTrue(written.contains(expected), expected);
        }
        // customers.csv: every customer of the sample with R, F, M scores and each model's tier
        java.util.List<String> customers = Files.readAllLines(out.resolve("customers.csv"));
        assertEquals("customer_id,recency,frequency,monetary,r_score,f_score,m_score,tier_rfm,tier_abc,tier_lifecycle,"
                + "tier_bgnbd-value,holdout_revenue,holdout_transactions", customers.get(0));
        assertEquals(2357 + 1, customers.size());
        Files.delete(report);
        CliTestSupport.Result again = CliTestSupport.run("report", out.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(written, Files.readString(report, StandardCharsets.UTF_8), "rebuilt from the CSVs alone");
    }

    /**
     * A fit folder whose parameters.csv lost a model's rows is an error naming the file and the parameter, not a
     * report that says the model did not converge.
     */
    @Test
    void aFitFolderMissingAModelsParametersIsNamed(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("fit");
        CliTestSupport.Result r = CliTestSupport.run("fit", "--cdnow", "sample", "--calibration-end", "1997-09-30",
                "--out", out.toString(), org.tierlab.btyd.Cdnow.dir().resolve("CDNOW_sample.txt").toString());
        assertEquals(0, r.exitCode(), r.err());
        Path parameters = out.resolve("parameters.csv");
        Files.write(parameters, Files.readAllLines(parameters).stream().filter(l -> !l.startsWith("BG/NBD,")).toList());
        Files.delete(out.resolve("report.html"));
        CliTestSupport.Result again = CliTestSupport.run("report", out.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("parameters.csv: 0 rows for BG/NBD parameter r; expected one"), again.err());
        assertFalse(Files.exists(out.resolve("report.html")));
    }

    @Test
    void aFolderThatIsNotARunFolderIsAClearError(@TempDir Path dir) throws Exception {
        CliTestSupport.Result missing = CliTestSupport.run("report", dir.resolve("nope").toString());
        assertEquals(TierlabCommand.EXIT_BAD_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("is not a folder"), missing.err());
        CliTestSupport.Result empty = CliTestSupport.run("report", dir.toString());
        assertEquals(TierlabCommand.EXIT_BAD_INPUT, empty.exitCode());
        assertTrue(empty.err().contains("none of summary.csv"), empty.err());
        Files.writeString(dir.resolve("summary.csv"), "strategy,metric,mean\nx,retention,abc\n");
        CliTestSupport.Result broken = CliTestSupport.run("report", dir.toString());
        assertEquals(TierlabCommand.EXIT_BAD_INPUT, broken.exitCode());
        for (CliTestSupport.Result r : new CliTestSupport.Result[] {missing, empty, broken}) {
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
        assertFalse(Files.exists(dir.resolve("report.html")));
    }

    /** A damaged run folder gets a message naming the file and what is wrong: exit 2, no Java exception names. */
    @Test
    void aDamagedFolderIsNamedPlainly(@TempDir Path dir) throws Exception {
        Path out = smallRun(dir);
        Files.writeString(out.resolve("tiers.csv"), "");
        Files.delete(out.resolve("manifest.json"));
        CliTestSupport.Result r = CliTestSupport.run("report", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("tiers.csv has no column '"), r.err());
        Files.writeString(out.resolve("tiers.csv"), Files.readString(out.resolve("periods.csv")).replace("metric",
                "tier,metric"));
        Files.writeString(out.resolve("summary.csv"), "strategy,metric\n\"a,b\n");
        r = CliTestSupport.run("report", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("summary.csv: not valid CSV"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        Files.writeString(out.resolve("summary.csv"), "strategy,metric,mean\ns,retention\n");
        r = CliTestSupport.run("report", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("summary.csv line 2: expected 3 fields as in the header, found 2"), r.err());
    }

    /**
     * A number column missing from a CSV (renamed, say) is named with the file, like a missing text column: exit 2
     * and no stack trace, not an internal error when a chart asks for the column.
     */
    @Test
    void aMissingNumberColumnIsNamedWithItsFile(@TempDir Path dir) throws Exception {
        Path out = smallRun(dir);
        Files.delete(out.resolve("report.html"));
        String[][] cases = {{"periods.csv", "ci_low"}, {"summary.csv", "mean"}, {"migrations.csv", "count"},
            {"concentration.csv", "customer_share"}, {"tiers.csv", "period"}};
        for (String[] c : cases) {
            Path file = out.resolve(c[0]);
            String good = Files.readString(file);
            String header = good.substring(0, good.indexOf('\n'));
            Files.writeString(file, header.replace(c[1], "renamed") + good.substring(header.length()));
            CliTestSupport.Result r = CliTestSupport.run("report", out.toString());
            assertEquals(2, r.exitCode(), c[0] + ": " + r.err());
            assertTrue(r.err().contains(c[0] + " has no column '" + c[1] + "'"), r.err());
            assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(out.resolve("report.html")), "no report written");
            Files.writeString(file, good);
        }
    }

    /**
     * A fit or replay table the report cannot do without, emptied to its header, is named with its file (exit 2, no
     * report), not an internal error from the first chart that looks for a row.
     */
    @Test
    void anEmptiedTableIsNamedWithItsFile(@TempDir Path dir) throws Exception {
        String log = org.tierlab.btyd.Cdnow.dir().resolve("CDNOW_sample.txt").toString();
        Path fit = dir.resolve("fit");
        Path replay = dir.resolve("replay");
        assertEquals(0, CliTestSupport.run("fit", "--cdnow", "sample", "--calibration-end", "1997-09-30", "--out",
                fit.toString(), log).exitCode());
        assertEquals(0, CliTestSupport.run("replay", "--cdnow", "sample", "--calibration-end", "1997-09-30", "--out",
                replay.toString(), log).exitCode());
        for (Path file : new Path[] {fit.resolve("customers.csv"), replay.resolve("tier_sizes.csv")}) {
            String good = Files.readString(file);
            Files.writeString(file, good.substring(0, good.indexOf('\n') + 1));
            Files.delete(file.resolveSibling("report.html"));
            CliTestSupport.Result r = CliTestSupport.run("report", file.getParent().toString());
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains(file + " has no rows; expected the file as tierlab wrote it"), r.err());
            assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(file.resolveSibling("report.html")), "no report written");
        }
    }

    /**
     * A replay folder's value_fits.csv, which the report shows, is checked as read: a damaged number is named with
     * its file, line and column, exit code 2 and no report; a folder from before the file existed gets its report.
     */
    @Test
    void aDamagedValueFitsFileIsNamedAndAMissingOneIsFine(@TempDir Path dir) throws Exception {
        Path replay = dir.resolve("replay");
        assertEquals(0, CliTestSupport.run("replay", "--cdnow", "sample", "--calibration-end", "1997-09-30", "--out",
                replay.toString(), org.tierlab.btyd.Cdnow.dir().resolve("CDNOW_sample.txt").toString()).exitCode());
        Path fits = replay.resolve("value_fits.csv");
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(fits));
        lines.set(2, lines.get(2).replace(",2357,", ",many,"));
        Files.write(fits, lines);
        Files.delete(replay.resolve("report.html"));
        CliTestSupport.Result r = CliTestSupport.run("report", replay.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains(fits + " line 3: column customers should be a number, found 'many'"), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(replay.resolve("report.html")), "no report written");
        Files.delete(fits);
        assertEquals(0, CliTestSupport.run("report", replay.toString()).exitCode());
        assertFalse(Files.readString(replay.resolve("report.html")).contains("Value model fits"));
    }

    /**
     * With --independent-streams the strategies do not share draws, so the difference tables must not claim common
     * random numbers; the page says how the run was made, overrides included, as manifest.json records it.
     */
    @Test
    void aRunWithIndependentStreamsDoesNotClaimCommonRandomNumbers(@TempDir Path dir) throws Exception {
        Path scenario = RunCommandTest.write(dir, "small.yaml", RunCommandTest.SMALL);
        Path crn = dir.resolve("crn");
        Path independent = dir.resolve("independent");
        assertEquals(0, CliTestSupport.run("run", scenario.toString(), "--out", crn.toString()).exitCode());
        assertEquals(0, CliTestSupport.run("run", scenario.toString(), "--out", independent.toString(),
                "--independent-streams", "--seed", "9").exitCode());
        String shared = Files.readString(crn.resolve("report.html"), StandardCharsets.UTF_8);
        String apart = Files.readString(independent.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(shared.contains("Paired difference (common random numbers)"), "the default run pairs shared draws");
        assertFalse(apart.contains("common random numbers)"), "independent streams share no draws");
        assertTrue(apart.contains("Paired difference by replication, without common random numbers "
                + "(--independent-streams"), "the caption says what was paired");
        assertTrue(apart.contains("Overrides: --seed 9 --independent-streams"), "the run's overrides are shown");
        assertFalse(shared.contains("Overrides:"), "no overrides, no line");
    }

    /**
     * The charts over time count the measured periods only (warm-up excluded, docs/metrics.md); their axis says
     * which unit they count and from where, not just "period".
     */
    @Test
    void timeAxesNameThePeriodAndTheWarmUp(@TempDir Path dir) throws Exception {
        Path out = smallRun(dir);
        String page = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("title: \"month (counted after 3 warm-up months)\""), "axis names month and warm-up");
        assertFalse(page.contains("title: \"period\""), "no chart counts bare periods");
    }

    /**
     * Captions define their numbers as docs/metrics.md does: the concentration curve counts every customer's
     * revenue to date, warm-up and earlier included (unlike the headline revenue), and satisfaction averages the
     * customers active at a period's start and still active at its end.
     */
    @Test
    void captionsDefineTheirNumbersAsTheMetricsDocDoes(@TempDir Path dir) throws Exception {
        Path out = smallRun(dir);
        String page = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("revenue to date at the end of the run, warm-up and earlier purchases included"),
                "concentration caption");
        assertTrue(page.contains("Mean satisfaction (0–10), after the period&#39;s update, of the customers active at "
                + "its start who are still active at its end."), "satisfaction caption");
        assertFalse(page.contains("of the customers active during the period"), "the old, wrong definition");
    }

    /** A BG/NBD parameter row deleted from a fit's parameters.csv is named with the file's path, like any damage. */
    @Test
    void aMissingFitParameterIsNamedWithItsFile(@TempDir Path dir) throws Exception {
        Path fit = dir.resolve("fit");
        assertEquals(0, CliTestSupport.run("fit", "--cdnow", "sample", "--calibration-end", "1997-09-30", "--out",
                fit.toString(), org.tierlab.btyd.Cdnow.dir().resolve("CDNOW_sample.txt").toString()).exitCode());
        Path file = fit.resolve("parameters.csv");
        Files.writeString(file, Files.readString(file).replaceAll("(?m)^BG/NBD,b,.*\n", ""));
        Files.delete(fit.resolve("report.html"));
        CliTestSupport.Result r = CliTestSupport.run("report", fit.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains(file + ": 0 rows for BG/NBD parameter b; expected one, as tierlab fit wrote the"
                + " file"), r.err());
        assertFalse(Files.exists(fit.resolve("report.html")), "no report written");
    }

    /**
     * Every metric of summary.csv is on the page, as on the terminal (unmet hours above all, the point of an
     * over-tiered scenario), in its unit (lead conversion is a share, in percent), and a metric without value
     * (renewal rate without contracts) shows "–".
     */
    @Test
    void everySummaryMetricIsInATable(@TempDir Path dir) throws Exception {
        String withLeads = RunCommandTest.SMALL.replace("  arrivals: {per_period: 3}\n",
                "  arrivals: {per_period: 3}\n  leads: {pool: 50, per_period: 5, conversion: 0.1}\n");
        assertTrue(withLeads.contains("leads:"), withLeads);
        Path scenario = RunCommandTest.write(dir, "small.yaml", withLeads);
        Path out = dir.resolve("out");
        assertEquals(0, CliTestSupport.run("run", scenario.toString(), "--out", out.toString()).exitCode());
        String page = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("<h3>All summary metrics</h3>"), "the table is there");
        for (String metric : new String[] {"unmet_hours", "renewal_rate", "churn_rate", "lead_conversion", "satisfaction",
            "service_cost", "staff_hours:am"}) {
            assertTrue(page.contains("<tr><td>" + metric + "</td>"), metric);
        }
        assertTrue(java.util.regex.Pattern.compile("<tr><td>renewal_rate</td>(<td>–</td>)+</tr>").matcher(page).find(),
                "no contracts, no renewal rate");
        assertTrue(java.util.regex.Pattern.compile("<tr><td>lead_conversion</td><td>[0-9.]+% ± [0-9.]+%</td>")
                .matcher(page).find(), "lead conversion in percent");
    }

    /**
     * The RFM grid indexes its cells by the replay's R and F scores, whole numbers from 1 to 100 (at most 100 bins):
     * an edited score (2.5, 0, a million, which would have asked for a million-by-million grid) is named with its
     * file, line and column, not truncated, dropped or run out of memory on.
     */
    @Test
    void anEditedRfmScoreIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        Path replay = dir.resolve("replay");
        assertEquals(0, CliTestSupport.run("replay", "--cdnow", "sample", "--calibration-end", "1997-09-30", "--out",
                replay.toString(), org.tierlab.btyd.Cdnow.dir().resolve("CDNOW_sample.txt").toString()).exitCode());
        Path file = replay.resolve("customers.csv");
        String good = Files.readString(file);
        assertTrue(good.contains("\n00004,59.0,3.0,74.02000000000001,5,4,4,"), "line 2 as expected");
        Files.delete(replay.resolve("report.html"));
        for (String[] c : new String[][] {{"5,4,4,", "2.5,4,4,", "r_score", "2.5"}, {"5,4,4,", "5,0,4,", "f_score", "0"},
            {"5,4,4,", "1000000,4,4,", "r_score", "1000000"}, {"5,4,4,", ",4,4,", "r_score", ""}}) {
            Files.writeString(file, good.replaceFirst("\n00004,59.0,3.0,74.02000000000001," + c[0],
                    "\n00004,59.0,3.0,74.02000000000001," + c[1]));
            CliTestSupport.Result r = CliTestSupport.run("report", replay.toString());
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains(file + " line 2: column " + c[2] + " should be a whole score from 1 to 100, "
                    + "found '" + c[3] + "'"), r.err());
            assertFalse(Files.exists(replay.resolve("report.html")), "no report written");
        }
    }

    /**
     * A manifest.json that is not JSON, or lacks a field the report shows or gives it another type, is named with
     * its line and what was expected: exit 2, no stack trace, and no report.html written.
     */
    @Test
    void aBrokenManifestIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        Path out = smallRun(dir);
        Path manifest = out.resolve("manifest.json");
        String good = Files.readString(manifest);
        assertTrue(good.contains("\n  \"seed\": 5,\n"), good);
        String[][] cases = {
            {good.replace("\"seed\": 5,", "\"seed\": 5,,"), "manifest.json line 6, column 14: not valid JSON: "},
            {good.substring(0, good.lastIndexOf('}')), "manifest.json line 13, column 1: not valid JSON: "},
            {good.replace("\"seed\": 5,", "\"seed\": \"five\","),
                "manifest.json line 6: field \"seed\": expected a whole number, found \"five\""},
            {good.replace("\"periods\": 6,", "\"periods\": 6.5,"),
                "manifest.json line 8: field \"periods\": expected a whole number, found 6.5"},
            {good.replace("\"date\":", "\"when\":"), "manifest.json: the field \"date\" is missing; expected"},
            {"[" + good + "]", "manifest.json line 1: expected a JSON object ({ ... }), found a list"},
            {good + "{}", "manifest.json line 14: expected nothing after the object's closing }, found an object"},
            {"", "manifest.json line 1: expected a JSON object ({ ... }), found nothing"},
        };
        Files.delete(out.resolve("report.html"));
        for (String[] c : cases) {
            Files.writeString(manifest, c[0]);
            CliTestSupport.Result r = CliTestSupport.run("report", out.toString());
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains(c[1]), r.err());
            assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(out.resolve("report.html")), "no report written");
        }
    }

    /**
     * Numbers a run report draws whose range is known (a retention share, revenue concentration, hours, mean
     * migrations) were drawn as given when edited: a retention of 1.7 showed as 170 %. Each is now named with its
     * file, line and column and the range expected (by metric for summary, periods and tiers), like an edited RFM
     * score; NaN and Infinity written as text are named too (tierlab writes no value as an empty cell).
     */
    @Test
    void anEditedRunNumberOutOfItsRangeIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        Path out = smallRun(dir);
        Files.delete(out.resolve("report.html"));
        String[][] cases = {
            {"summary.csv", "metric", "retention", "mean", "1.7", "a share from 0 to 1 for metric 'retention'"},
            {"summary.csv", "metric", "staff_hours", "mean", "-12", "a number >= 0 for metric 'staff_hours'"},
            {"summary.csv", "metric", "nps", "mean", "250", "a number from -100 to 100 for metric 'nps'"},
            {"summary.csv", "metric", "profit", "mean", "NaN", "a finite number (or empty)"},
            {"summary.csv", "metric", "profit", "ci_high", "Infinity", "a finite number (or empty)"},
            {"periods.csv", "metric", "churn_rate", "mean", "-0.2", "a share from 0 to 1 for metric 'churn_rate'"},
            {"periods.csv", "metric", "revenue", "period", "0", "a whole number >= 1"},
            {"tiers.csv", "metric", "size", "mean", "-1", "a number >= 0 for metric 'size'"},
            {"migrations.csv", "strategy", "abc-care", "count", "-5", "a number >= 0"},
            {"concentration.csv", "strategy", "abc-care", "revenue_share", "1.5", "a share from 0 to 1"}};
        for (String[] c : cases) {
            assertEditedCellIsNamed(out, c);
        }
        assertEquals(0, CliTestSupport.run("report", out.toString()).exitCode(), "the folder restored is read");
    }

    /** The same for a replay folder's shares, counts, revenue and correlations, and a fit folder's. */
    @Test
    void anEditedReplayOrFitNumberOutOfItsRangeIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        String log = org.tierlab.btyd.Cdnow.dir().resolve("CDNOW_sample.txt").toString();
        Path replay = dir.resolve("replay");
        Path fit = dir.resolve("fit");
        assertEquals(0, CliTestSupport.run("replay", "--cdnow", "sample", "--calibration-end", "1997-09-30", "--out",
                replay.toString(), log).exitCode());
        assertEquals(0, CliTestSupport.run("fit", "--cdnow", "sample", "--calibration-end", "1997-09-30", "--out",
                fit.toString(), log).exitCode());
        Files.delete(replay.resolve("report.html"));
        Files.delete(fit.resolve("report.html"));
        String[][] replayCases = {
            {"validity.csv", "model", "rfm", "spearman_revenue", "1.5", "a correlation from -1 to 1 (or empty)"},
            {"validity.csv", "model", "rfm", "revenue_capture_top20pct", "Infinity", "a share from 0 to 1"},
            {"gains.csv", "model", "abc", "revenue_share", "1.2", "a share from 0 to 1"},
            {"holdout_by_tier.csv", "model", "rfm", "customers", "2.5", "a whole number >= 0"},
            {"holdout_by_tier.csv", "model", "rfm", "holdout_revenue", "-10", "a number >= 0"},
            {"tier_sizes.csv", "model", "abc", "share", "NaN", "a share from 0 to 1"},
            {"migrations.csv", "model", "rfm", "customers", "-1", "a whole number >= 0"},
            {"stability.csv", "model", "rfm", "stayed_share", "-0.5", "a share from 0 to 1"},
            {"customers.csv", "customer_id", "00004", "monetary", "-74", "a number >= 0"}};
        for (String[] c : replayCases) {
            assertEditedCellIsNamed(replay, c);
        }
        String[][] fitCases = {
            {"customers.csv", "customer_id", "00004", "p_alive", "1.5", "a share from 0 to 1"},
            {"customers.csv", "customer_id", "00004", "x", "-2", "a whole number >= 0"},
            {"calibration_histogram.csv", "calibration_frequency", "1", "actual_customers", "-439",
                "a whole number >= 0"},
            {"tracking.csv", "phase", "holdout", "bgnbd_cumulative", "-Infinity", "a number >= 0"}};
        for (String[] c : fitCases) {
            assertEditedCellIsNamed(fit, c);
        }
        assertEquals(0, CliTestSupport.run("report", replay.toString()).exitCode(), "the folder restored is read");
        assertEquals(0, CliTestSupport.run("report", fit.toString()).exitCode(), "the folder restored is read");
    }

    /**
     * Sets, in {@code c[0]} of {@code folder}, column {@code c[3]} of the first row whose {@code c[1]} is {@code c[2]}
     * to {@code c[4]}; checks that the report names the file, line and column and expects {@code c[5]}, exits 2 and
     * writes no report; then restores the file. The rows edited hold no quoted field, so a comma split finds the cell.
     */
    private static void assertEditedCellIsNamed(Path folder, String[] c) throws Exception {
        Path file = folder.resolve(c[0]);
        String good = Files.readString(file);
        java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of(good.split("\n", -1)));
        java.util.List<String> header = java.util.List.of(lines.get(0).split(",", -1));
        int key = header.indexOf(c[1]);
        int column = header.indexOf(c[3]);
        assertTrue(key >= 0 && column >= 0, c[0] + " " + header);
        int line = -1;
        for (int i = 1; i < lines.size() && line < 0; i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length == header.size() && cells[key].equals(c[2])) {
                cells[column] = c[4];
                lines.set(i, String.join(",", cells));
                line = i + 1;
            }
        }
        assertTrue(line > 0, "no row of " + c[0] + " with " + c[1] + " = " + c[2]);
        Files.writeString(file, String.join("\n", lines));
        try {
            CliTestSupport.Result r = CliTestSupport.run("report", folder.toString());
            assertEquals(2, r.exitCode(), java.util.Arrays.toString(c) + ": " + r.err());
            assertTrue(r.err().contains(file + " line " + line + ": column " + c[3] + " should be " + c[5] + ", found '"
                    + c[4] + "'"), java.util.Arrays.toString(c) + ": " + r.err());
            assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(folder.resolve("report.html")), "no report written");
        } finally {
            Files.writeString(file, good);
        }
    }

    /** Runs the small scenario into {@code dir/out}, checks it succeeded, and returns that folder. */
    private static Path smallRun(Path dir) throws IOException {
        Path scenario = RunCommandTest.write(dir, "small.yaml", RunCommandTest.SMALL);
        Path out = dir.resolve("out");
        assertEquals(0, CliTestSupport.run("run", scenario.toString(), "--out", out.toString()).exitCode());
        return out;
    }
}
