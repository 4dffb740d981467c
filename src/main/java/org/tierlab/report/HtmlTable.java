package org.tierlab.report;

import java.util.List;

/**
 * A table for a report page. Cells are plain text (the page escapes them); a cell may be marked, which the page
 * shows greyed out (used for differences whose confidence interval contains zero).
 *
 * @param title heading above the table
 * @param caption how to read it ("" for none)
 * @param header column names
 * @param rows the cells, row by row
 */
public record HtmlTable(String title, String caption, List<String> header, List<List<Cell>> rows) {

    /** One cell: its text, and whether it is marked as not significant. */
    public record Cell(String text, boolean muted) {
        /** A plain cell. */
        public static Cell of(String text) {
            return new Cell(text, false);
        }
    }
}
