package org.tierlab.cli;

import org.tierlab.output.RunFolder;

/**
 * Where a command adds the HTML report to its run folder before the folder is committed. Kept in one place so
 * the commands do not depend on how the report is built.
 */
final class ReportHook {
    private ReportHook() {
    }

    static void write(RunFolder folder) {
        // The report module (issue 5) plugs in here once it lands; until then runs have CSVs only.
    }
}
