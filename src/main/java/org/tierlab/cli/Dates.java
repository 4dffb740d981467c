package org.tierlab.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.tierlab.log.TransactionLog;

/** Date options and log facts the log commands (fit, replay, score --log) share. */
final class Dates {
    private Dates() {
    }

    /**
     * An ISO date option, or a clear error naming the option; like a log's dates, it must lie from
     * {@link TransactionLog#FIRST_DATE} to {@link TransactionLog#LAST_DATE}.
     */
    static LocalDate parse(String option, String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserInputException(option + ": expected a date as yyyy-MM-dd, found '" + text + "'");
        }
        if (date.isBefore(TransactionLog.FIRST_DATE) || date.isAfter(TransactionLog.LAST_DATE)) {
            throw new UserInputException(option + ": expected a date from " + TransactionLog.FIRST_DATE + " to "
                    + TransactionLog.LAST_DATE + ", found '" + text + "'");
        }
        return date;
    }

    /** The last day with a transaction. */
    static LocalDate lastDay(TransactionLog t) {
        int last = Integer.MIN_VALUE;
        for (int row = 0; row < t.transactions(); row++) {
            last = Math.max(last, t.day(row));
        }
        if (t.transactions() == 0) {
            throw new UserInputException("the log holds no transactions");
        }
        return LocalDate.ofEpochDay(last);
    }

    /** The first day with a transaction. */
    static LocalDate firstDay(TransactionLog t) {
        int first = Integer.MAX_VALUE;
        for (int row = 0; row < t.transactions(); row++) {
            first = Math.min(first, t.day(row));
        }
        if (t.transactions() == 0) {
            throw new UserInputException("the log holds no transactions");
        }
        return LocalDate.ofEpochDay(first);
    }

    /** The file name without its extension, for default run folder names. */
    static String baseName(Path file) {
        return file.getFileName().toString().replaceAll("\\.[^.]*$", "");
    }
}
