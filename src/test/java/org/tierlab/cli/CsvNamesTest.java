package org.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names that CSV must quote (a double quote, a comma, a line break, surrounding spaces) come back exactly when
 * a CSV reader reads what run, score, fit and replay wrote.
 */
class CsvNamesTest {
    private static final String GOLD = "Gold \"plus\", A";
    private static final String SILVER = " Silver ";
    private static final String BRONZE = "Bronze\nline";
    private static final String STRATEGY = "abc, \"care\" ";

    /** The names as YAML double-quoted scalars. */
    private static String yaml(String s) {
        return "\"" + s.replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static final String TIERS = "[" + yaml(GOLD) + ", " + yaml(SILVER) + ", " + yaml(BRONZE) + "]";

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file);
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            return p.getRecords();
        }
    }

    private static Set<String> column(Path file, String name) throws IOException {
        Set<String> values = new TreeSet<>();
        for (CSVRecord r : read(file)) {
            values.add(r.get(name));
        }
        return values;
    }

    @Test
    void runFolderCsvsReadBackTheNames(@TempDir Path dir) throws IOException {
        String scenario = RunCommandTest.SMALL
                .replace("abc: {model: abc}", "abc: {model: abc, names: " + TIERS + "}")
                .replace("A: [{action", yaml(GOLD) + ": [{action")
                .replace("{name: abc-care,", "{name: " + yaml(STRATEGY) + ",");
        Path file = RunCommandTest.write(dir, "names.yaml", scenario);
        Path out = dir.resolve("out");
        CliTestSupport.Result r = CliTestSupport.run("run", file.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        Set<String> strategies = Set.of("no-maintenance", "uniform", STRATEGY, "stage-care");
        for (String f : List.of("summary.csv", "periods.csv", "tiers.csv", "migrations.csv", "concentration.csv")) {
            assertEquals(strategies, column(out.resolve(f), "strategy"), f);
        }
        Set<String> tiers = new TreeSet<>(List.of(GOLD, SILVER, BRONZE, "unassigned"));
        Set<String> seen = new TreeSet<>();
        for (CSVRecord row : read(out.resolve("tiers.csv"))) {
            if (!row.get("strategy").equals("stage-care")) {
                seen.add(row.get("tier"));
            }
        }
        assertEquals(tiers, seen);
        Set<String> moved = new TreeSet<>();
        for (CSVRecord row : read(out.resolve("migrations.csv"))) {
            if (!row.get("strategy").equals("stage-care")) {
                moved.add(row.get("from_tier"));
                moved.add(row.get("to_tier"));
            }
        }
        assertEquals(tiers, moved);
        assertEquals(0, CliTestSupport.run("report", out.toString()).exitCode(), "the report reads them back too");
    }

    @Test
    void scoreOutputReadsBackIdsAndTiers(@TempDir Path dir) throws IOException {
        Path in = RunCommandTest.write(dir, "c.csv", "customer_id,monetary\n\"" + GOLD.replace("\"", "\"\"")
                + "\",500\n\"x,y\",20\n\"two\nlines\",90\n");
        Path spec = RunCommandTest.write(dir, "m.yaml", "{model: abc, names: " + TIERS + "}\n");
        Path out = dir.resolve("t.csv");
        CliTestSupport.Result r = CliTestSupport.run("score", "--spec", spec.toString(), "--in", in.toString(),
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> ids = new ArrayList<>();
        List<String> tiers = new ArrayList<>();
        for (CSVRecord row : read(out)) {
            ids.add(row.get("customer_id"));
            tiers.add(row.get("tier"));
        }
        assertEquals(List.of(GOLD, "x,y", "two\nlines"), ids);
        assertEquals(List.of(GOLD, BRONZE, SILVER), tiers);
    }

    /** A comma-separated log whose customer ids need quoting: "Gold ""plus"", A 0" and so on. */
    private static Path log(Path dir) throws IOException {
        StringBuilder text = new StringBuilder("id,date,amount\n");
        for (int c = 0; c < 40; c++) {
            for (int k = 0; k <= c % 4; k++) {
                text.append('"').append((GOLD + " " + c).replace("\"", "\"\"")).append('"')
                        .append(String.format(",2020-%02d-%02d,", 1 + k * 2, 1 + c % 28)).append(10 + c).append('\n');
            }
        }
        return RunCommandTest.write(dir, "log.csv", text.toString());
    }

    private static Set<String> expectedIds() {
        Set<String> ids = new TreeSet<>();
        for (int c = 0; c < 40; c++) {
            ids.add(GOLD + " " + c);
        }
        return ids;
    }

    @Test
    void fitAndReplayCsvsReadBackIdsModelsAndTiers(@TempDir Path dir) throws IOException {
        Path log = log(dir);
        Path fit = dir.resolve("fit");
        CliTestSupport.Result r = CliTestSupport.run("fit", "--header", "--separator", ",", "--calibration-end",
                "2020-06-30", "--holdout-end", "2020-12-31", "--out", fit.toString(), log.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(expectedIds(), column(fit.resolve("customers.csv"), "customer_id"));

        Path models = RunCommandTest.write(dir, "m.yaml", "models:\n  " + yaml(GOLD) + ": {model: top, counts: [5, 10],"
                + " names: " + TIERS + "}\n");
        Path replay = dir.resolve("replay");
        r = CliTestSupport.run("replay", "--header", "--separator", ",", "--calibration-end", "2020-06-30",
                "--holdout-end", "2020-12-31", "--models", models.toString(), "--out", replay.toString(),
                log.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(column(replay.resolve("tier_sizes.csv"), "model").contains(GOLD));
        Set<String> tiers = new TreeSet<>();
        for (CSVRecord row : read(replay.resolve("tier_sizes.csv"))) {
            if (row.get("model").equals(GOLD)) {
                tiers.add(row.get("tier"));
            }
        }
        assertEquals(new TreeSet<>(List.of(GOLD, SILVER, BRONZE)), tiers);
        assertEquals(expectedIds(), column(replay.resolve("customers.csv"), "customer_id"));
        assertEquals(tiers, column(replay.resolve("customers.csv"), "tier_" + GOLD), "the header names the model");
    }
}
