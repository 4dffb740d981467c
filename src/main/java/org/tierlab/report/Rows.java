package org.tierlab.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/** Small queries on the run folder's long-format tables. */
public final class Rows {
    private Rows() {
    }

    /** The distinct values of a text column in order of first appearance. */
    public static List<String> distinct(Table t, String column) {
        return new ArrayList<>(new LinkedHashSet<>(t.stringColumn(column).asList()));
    }

    /** The rows whose text columns equal the given values: {@code where(t, "strategy", s, "metric", m)}. */
    public static Table where(Table t, String... columnsAndValues) {
        Selection sel = Selection.withRange(0, t.rowCount());
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            sel = sel.and(t.stringColumn(columnsAndValues[i]).isEqualTo(columnsAndValues[i + 1]));
        }
        return t.where(sel);
    }

    /** A numeric column as an array. */
    public static double[] values(Table t, String column) {
        return t.numberColumn(column).asDoubleArray();
    }
}
