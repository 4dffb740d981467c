package org.tierlab.output;

import java.nio.file.Path;
import org.tierlab.io.AtomicOutput;
import tech.tablesaw.api.Table;

/** Writes Tablesaw tables as CSV files through {@link AtomicOutput}. */
public final class Tables {
    private Tables() {
    }

    /** Writes {@code table} as UTF-8 CSV with a header row to {@code file}, atomically. */
    public static void writeCsv(Table table, Path file) {
        AtomicOutput.writeText(file, w -> table.write().csv(w));
    }
}
