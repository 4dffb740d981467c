package org.tierlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tierlab.output.RunFolder;
import org.tierlab.output.RunWriter;
import org.tierlab.scenario.Scenario;
import org.tierlab.scenario.ScenarioReader;
import org.tierlab.score.TieringSpecs;
import org.tierlab.sim.Experiment;
import org.tierlab.sim.ExperimentResult;
import org.tierlab.sim.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tierlab run SCENARIO}: simulates every strategy of a scenario file, prints the summary table and
 * writes the run folder.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = TierlabCommand.Version.class,
        description = "Simulate the strategies of a scenario file and compare them.")
public final class RunCommand implements Callable<Integer> {
    /** The most replications a run takes, on the command line as in the scenario file. */
    static final int MAX_REPLICATIONS = 100_000;
    /** The most threads: far above any machine's cores, well below the fork-join pool's limit. */
    static final int MAX_THREADS = 1024;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file (see scenarios/).")
    Path scenarioFile;

    @Mixin
    OutputOptions output;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all cores). The output does not depend on it.")
    Integer threads;

    @Option(names = "--replications", paramLabel = "R", description = "Override the scenario's replications.")
    Integer replications;

    @Option(names = "--seed", paramLabel = "S", description = "Override the scenario's root seed.")
    Long seed;

    @Option(names = "--independent-streams",
            description = "Give each strategy its own random draws (for measuring what common random numbers gain).")
    boolean independent;

    @Option(names = "--no-progress", description = "Do not draw the progress bar (it is drawn only on a terminal).")
    boolean noProgress;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (replications != null && (replications < 2 || replications > MAX_REPLICATIONS)) {
            throw new UserInputException("--replications must be 2.." + MAX_REPLICATIONS
                    + " (confidence intervals need two; the scenario file has the same bound), found " + replications);
        }
        if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
            throw new UserInputException("--threads must be 1.." + MAX_THREADS + ", found " + threads);
        }
        Scenario scenario = ScenarioReader.of(TieringSpecs::parse).tryingModelsOn(Simulation::featureProbe)
                .read(scenarioFile).with(replications, seed);
        Path target = output.outOr(Path.of("reports", scenario.name()));
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        int units = scenario.strategies().size() * scenario.replications();
        // a bar only on a terminal: in a log file or a pipe it would be a wall of carriage returns
        boolean bar = !noProgress && System.console() != null;
        Progress progress = bar ? Progress.bar(err, "simulating", units) : Progress.silent();
        ExperimentResult result;
        // the staging folder exists for the whole run, so an interrupted run is visibly partial and cleaned up
        try (RunFolder folder = RunFolder.open(target)) {
            result = Experiment.run(scenario, n, !independent, progress::update);
            progress.done();
            RunWriter.write(folder, result, overrides(), Instant.now());
            org.tierlab.report.Reports.write(folder.dir());
            folder.commit();
        }
        SummaryTable.print(out, result);
        out.println();
        out.println("Run folder: " + target);
        return 0;
    }

    private String overrides() {
        List<String> parts = new ArrayList<>();
        if (replications != null) {
            parts.add("--replications " + replications);
        }
        if (seed != null) {
            parts.add("--seed " + seed);
        }
        if (independent) {
            parts.add("--independent-streams");
        }
        return String.join(" ", parts);
    }
}
