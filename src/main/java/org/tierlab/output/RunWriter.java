package org.tierlab.output;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.tierlab.scenario.Scenario;
import org.tierlab.scenario.Strategy;
import org.tierlab.sim.ExperimentResult;

/**
 * Writes everything a run produces into a {@link RunFolder}: the scenario as run, the manifest and the CSV
 * tables. The HTML report is added by the report module when present.
 */
public final class RunWriter {
    private RunWriter() {
    }

    /**
     * Writes the run's files into {@code folder} (not yet committed).
     *
     * @param overrides a note of CLI options that overrode the file ("" for none), kept in scenario.yaml
     * @param date the run date for the manifest (kept out of every other file, which are byte-identical
     *     for the same scenario and seed)
     */
    public static void write(RunFolder folder, ExperimentResult result, String overrides, Instant date) {
        Scenario sc = result.scenario();
        Path dir = folder.dir();
        String header = overrides.isEmpty() ? "" : "# run with " + overrides + " (overriding the values below)\n";
        folder.writeText("scenario.yaml", header + sc.text());
        folder.writeText("manifest.json", manifest(sc, overrides, date));
        RunTables tables = RunTables.of(result);
        Tables.writeCsv(tables.summary(), dir.resolve("summary.csv"));
        Tables.writeCsv(tables.periods(), dir.resolve("periods.csv"));
        Tables.writeCsv(tables.tiers(), dir.resolve("tiers.csv"));
        Tables.writeCsv(tables.migrations(), dir.resolve("migrations.csv"));
        Tables.writeCsv(tables.concentration(), dir.resolve("concentration.csv"));
    }

    private static String manifest(Scenario sc, String overrides, Instant date) {
        StringBuilder strategies = new StringBuilder();
        for (Strategy s : sc.strategies()) {
            if (strategies.length() > 0) {
                strategies.append(", ");
            }
            strategies.append(Json.string(s.name()));
        }
        return "{\n"
                + "  \"scenario\": " + Json.string(sc.name()) + ",\n"
                + "  \"scenario_sha256\": " + Json.string(RunFolder.sha256(sc.text())) + ",\n"
                + "  \"tierlab_version\": " + Json.string(org.tierlab.cli.TierlabCommand.Version.version()) + ",\n"
                + "  \"date\": " + Json.string(date.truncatedTo(ChronoUnit.SECONDS).toString()) + ",\n"
                + "  \"seed\": " + sc.seed() + ",\n"
                + "  \"replications\": " + sc.replications() + ",\n"
                + "  \"periods\": " + sc.horizon().periods() + ",\n"
                + "  \"warmup\": " + sc.horizon().warmup() + ",\n"
                + "  \"period\": " + Json.string(sc.horizon().period().name().toLowerCase(java.util.Locale.ROOT)) + ",\n"
                + "  \"overrides\": " + Json.string(overrides) + ",\n"
                + "  \"strategies\": [" + strategies + "]\n"
                + "}\n";
    }
}
