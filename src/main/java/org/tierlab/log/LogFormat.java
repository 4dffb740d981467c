package org.tierlab.log;

import java.time.format.DateTimeFormatter;

/**
 * How to read a transaction log: separator, header, which columns hold the customer id, the date and the
 * amount, and the date format.
 *
 * @param separator the field separator; {@code null} means runs of white space
 * @param header true if the first line names the columns
 * @param idColumn 0-based index of the customer id column
 * @param dateColumn 0-based index of the date column
 * @param amountColumn 0-based index of the amount column, or -1 for logs with dates only
 * @param dates the date format (ISO {@code yyyy-MM-dd}, {@code yyyyMMdd} or a user pattern)
 * @param mergeSameDay true to merge a customer's purchases on one day into one transaction (amounts summed)
 * @param skipBadRows false to stop at the first bad row (the default), true to skip and report them
 * @param datePattern how the dates are written, as an error message shows it ({@code yyyy-MM-dd}, or the
 *     user's pattern): a formatter cannot print the pattern it was built from
 */
public record LogFormat(String separator, boolean header, int idColumn, int dateColumn, int amountColumn,
        DateTimeFormatter dates, boolean mergeSameDay, boolean skipBadRows, String datePattern) {
    /** Checks the column indices. */
    public LogFormat {
        if (idColumn < 0 || dateColumn < 0 || amountColumn < -1) {
            throw new IllegalArgumentException("column numbers start at 1");
        }
        if (idColumn == dateColumn || idColumn == amountColumn || dateColumn == amountColumn) {
            throw new IllegalArgumentException("the id, date and amount columns must differ");
        }
    }

    /** A format whose dates are ISO, yyyyMMdd, or (described as such) another pattern. */
    public LogFormat(String separator, boolean header, int idColumn, int dateColumn, int amountColumn,
            DateTimeFormatter dates, boolean mergeSameDay, boolean skipBadRows) {
        this(separator, header, idColumn, dateColumn, amountColumn, dates, mergeSameDay, skipBadRows,
                dates == DateTimeFormatter.ISO_LOCAL_DATE ? "yyyy-MM-dd"
                        : dates == DateTimeFormatter.BASIC_ISO_DATE ? "yyyyMMdd" : "the --date-format pattern");
    }

    /** The CDNOW master file: white space, a header line, id, yyyyMMdd date, number of CDs, dollar value. */
    public static LogFormat cdnowMaster() {
        return new LogFormat(null, true, 0, 1, 3, DateTimeFormatter.BASIC_ISO_DATE, true, false);
    }

    /** The CDNOW 1/10 sample: no header; master id, sample id, date, number of CDs, dollar value. */
    public static LogFormat cdnowSample() {
        return new LogFormat(null, false, 0, 2, 4, DateTimeFormatter.BASIC_ISO_DATE, true, false);
    }

    /** Number of fields a row needs. */
    int fieldsNeeded() {
        return Math.max(idColumn, Math.max(dateColumn, amountColumn)) + 1;
    }
}
