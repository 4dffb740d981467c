package org.tierlab.report;

import java.nio.file.Path;
import java.util.List;

/** The report of a {@code tierlab fit} folder. */
public final class FitRunReport {
    private FitRunReport() {
    }

    /** The page for fit folder {@code dir}. */
    public static ReportPage of(Path dir) {
        return new ReportPage("tierlab fit: " + dir.getFileName(), List.of(), List.of());
    }
}
