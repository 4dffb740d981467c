package org.tierlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tierlab.report.ReportException;
import org.tierlab.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code tierlab report RUN_FOLDER}: rebuilds {@code report.html} from the CSV files of a run, fit or replay
 * folder (for a folder from an older version, or after editing the CSVs).
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = TierlabCommand.Version.class,
        description = "Rebuild report.html of a folder written by tierlab run, fit or replay, from its CSV files.")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_FOLDER", description = "A folder written by tierlab run, fit or replay.")
    Path folder;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path written;
        try {
            written = Reports.write(folder);
        } catch (ReportException e) {
            throw new UserInputException(e.getMessage());
        }
        spec.commandLine().getOut().println("Report: " + written);
        return 0;
    }
}
