package org.tierlab.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tierlab.io.AtomicOutput;
import tech.tablesaw.api.Table;

/**
 * Writes Tablesaw tables as CSV files through {@link AtomicOutput}. Every CSV tierlab writes goes through
 * {@link #FORMAT}, so names from a scenario, a model file or a log (strategies, tiers, customer ids) read back
 * exactly in any CSV reader, whatever quotes, commas, line breaks or surrounding spaces they hold.
 */
public final class Tables {
    /**
     * RFC 4180 with {@code \n} line ends: a field is quoted when it holds a quote (doubled inside), a comma or a
     * line break, and also when it starts or ends with a space, which some readers would trim otherwise.
     */
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    private Tables() {
    }

    /** Writes {@code table} as UTF-8 CSV with a header row to {@code file}, atomically. */
    public static void writeCsv(Table table, Path file) {
        AtomicOutput.writeText(file, w -> print(table, w));
    }

    /**
     * Prints {@code table}, header first, each cell as Tablesaw gives it unformatted (an empty cell for a missing
     * number). Not through Tablesaw's own CSV writer: it trims the spaces around text, in the header too, so a
     * tier called " B " would come back as "B".
     */
    static void print(Table table, Writer w) throws IOException {
        // not closed here: AtomicOutput owns the stream and closes it
        CSVPrinter p = new CSVPrinter(w, FORMAT);
        p.printRecord(table.columnNames());
        Object[] row = new Object[table.columnCount()];
        for (int r = 0; r < table.rowCount(); r++) {
            for (int c = 0; c < row.length; c++) {
                row[c] = table.getUnformatted(r, c);
            }
            p.printRecord(row);
        }
        p.flush();
    }
}
