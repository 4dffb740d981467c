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

    /** How far the holdout may run past the log's last purchase (the log may have been extracted later). */
    static final int MAX_YEARS_AFTER_LOG = 5;

    /** The calibration end, or a clear error. */
    LocalDate calibrationEnd() {
        return Dates.parse("--calibration-end", calibrationEnd);
    }

    /**
     * The holdout end (default: the log's last day), checked to follow the calibration end; a note goes to
     * {@code out} when it is after the log's last purchase (fine if the log was extracted then, else a typo).
     */
    LocalDate holdoutEnd(TransactionLog log, java.io.PrintWriter out) {
        LocalDate calEnd = calibrationEnd();
        LocalDate last = Dates.lastDay(log);
        if (holdoutEnd == null && !last.isAfter(calEnd)) {
            throw new UserInputException("the log ends on " + last + ", not after --calibration-end (" + calEnd
                    + "): expected a calibration end before the log's last day, so that a holdout period remains");
        }
        LocalDate end = holdoutEnd == null ? last : Dates.parse("--holdout-end", holdoutEnd);
        if (!end.isAfter(calEnd)) {
            throw new UserInputException("--holdout-end (" + end + ") must be after --calibration-end (" + calEnd + ")");
        }
        if (end.isAfter(last.plusYears(MAX_YEARS_AFTER_LOG))) {
            throw new UserInputException("--holdout-end (" + end + ") is more than " + MAX_YEARS_AFTER_LOG
                    + " years after the log's last purchase (" + last + "); expected the day the log was extracted");
        }
        if (end.isAfter(last)) {
            out.println("note: --holdout-end " + end + " is after the log's last purchase (" + last
                    + "); holdout counts assume the log covers every day up to it");
        }
        return end;
    }
}
