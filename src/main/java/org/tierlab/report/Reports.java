package org.tierlab.report;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the report module: recognises what kind of folder it is given (a {@code tierlab run} folder has
 * summary.csv, a {@code tierlab fit} folder parameters.csv, a {@code tierlab replay} folder validity.csv) and writes its {@code report.html}.
 */
public final class Reports {
    /** The report's file name inside a run folder. */
    public static final String FILE = "report.html";

    private Reports() {
    }

    /** Writes {@code dir/report.html} and returns its path. */
    public static Path write(Path dir) {
        Path out = dir.resolve(FILE);
        page(dir).write(out);
        return out;
    }

    /**
     * The folder's name as the user chose it: while a command is still writing, the folder is RunFolder's hidden
     * staging folder {@code .NAME.partial-XXXX}, whose NAME is meant.
     */
    public static String folderName(Path dir) {
        String name = String.valueOf(dir.toAbsolutePath().normalize().getFileName());
        return name.matches("\\..+\\.partial-.*") ? name.substring(1, name.lastIndexOf(".partial-")) : name;
    }

    /** The page for a run, fit or replay folder. */
    public static ReportPage page(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ReportException(dir + " is not a folder (expected a folder written by tierlab run, fit or replay)");
        }
        if (Files.isRegularFile(dir.resolve("summary.csv"))) {
            return RunReport.of(dir);
        }
        if (Files.isRegularFile(dir.resolve("parameters.csv"))) {
            return FitRunReport.of(dir);
        }
        if (Files.isRegularFile(dir.resolve("validity.csv"))) {
            return ReplayReport.of(dir);
        }
        throw new ReportException(dir + " is not a run folder: it has none of summary.csv (tierlab run), "
                + "parameters.csv (tierlab fit) and validity.csv (tierlab replay)");
    }
}
