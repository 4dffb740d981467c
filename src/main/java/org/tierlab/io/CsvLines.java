package org.tierlab.io;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Where a CSV record starts in its file, for error messages that name the line a user sees in an editor. Neither
 * the record number nor the parser's current line is it: a quoted field may hold line breaks (tierlab writes
 * names with them as they are), skipped empty lines are lines too, and the parser, just after reading a record,
 * is at the record's last line.
 */
public final class CsvLines {
    private CsvLines() {
    }

    /** The line of the file where {@code r}, the record {@code parser} has just read, starts. */
    public static long startLine(CSVParser parser, CSVRecord r) {
        long breaks = 0;
        for (String v : r) {
            breaks += lineBreaks(v);
        }
        return parser.getCurrentLineNumber() - breaks;
    }

    /** Line breaks in {@code v} counted as the parser counts lines: CR LF, a lone CR and a lone LF are one each. */
    private static long lineBreaks(String v) {
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == v.length() || v.charAt(i + 1) != '\n')) {
                n++;
            }
        }
        return n;
    }
}
