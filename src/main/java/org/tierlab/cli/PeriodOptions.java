package org.tierlab.cli;

import java.time.LocalDate;
import org.tierlab.log.TransactionLog;
import picocli.CommandLine.Option;

/** The calibration and holdout periods of a log command ({@code fit}, {@code replay}), shared as a mixin. */
public final class PeriodOptions {
    @Option(names = "--calibration-end", required = true, paramLabel = "DATE",
            description = "Last day of the calibration period (yyyy-MM-dd).")
    String calibrationEnd;

    @Option(names = "--holdout-end", paramLabel = "DATE",
            description = "Last day of the holdout period (default: the last day in the log).")
    String holdoutEnd;

    /** The calibration end, or a clear error. */
    LocalDate calibrationEnd() {
        return Dates.parse("--calibration-end", calibrationEnd);
    }

    /** The holdout end (default: the log's last day), checked to follow the calibration end. */
    LocalDate holdoutEnd(TransactionLog log) {
        LocalDate calEnd = calibrationEnd();
        LocalDate end = holdoutEnd == null ? Dates.lastDay(log) : Dates.parse("--holdout-end", holdoutEnd);
        if (!end.isAfter(calEnd)) {
            throw new UserInputException("--holdout-end (" + end + ") must be after --calibration-end (" + calEnd + ")");
        }
        return end;
    }
}
