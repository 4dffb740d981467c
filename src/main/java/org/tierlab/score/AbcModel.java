package org.tierlab.score;

import java.util.ArrayList;
import java.util.List;

/**
 * ABC value classes by cumulative share of total value (Pareto analysis).
 *
 * <p>Customers are ranked by value, largest first, and the running share of total value is accumulated. A
 * customer belongs to the class in which its running share <em>starts</em>: class A takes customers until the
 * share before them reaches the first bound (so A always holds at least its share of value, and the customer
 * who crosses the bound is in A). Boundaries are turned into value cut-offs, so customers with equal value
 * always share a class (ties never split). Value may be negative (profit): total value counts only positive
 * values, and customers with value &lt;= 0 are in the last class.
 */
public final class AbcModel implements TieringModel {
    private final String valueColumn;
    private final double[] shares;
    private final List<String> names;

    private AbcModel(String valueColumn, double[] shares, List<String> names) {
        this.valueColumn = valueColumn;
        this.shares = shares;
        this.names = names;
    }

    /**
     * An ABC model.
     *
     * @param valueColumn the numeric feature to rank by (for example {@code monetary} or {@code profit})
     * @param shares share of total value per class, best class first; must be positive and sum to 1
     * @param names class names, or {@code null} for A, B, C, ...
     */
    public static AbcModel of(String valueColumn, double[] shares, List<String> names) {
        if (shares.length < 2) {
            throw new IllegalArgumentException("ABC needs at least two classes");
        }
        double sum = 0;
        for (double s : shares) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("class shares must be > 0, found " + s);
            }
            sum += s;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("class shares must sum to 1, they sum to "
                    + String.format(java.util.Locale.ROOT, "%.6g", sum));
        }
        List<String> n = names == null ? letters(shares.length) : List.copyOf(names);
        if (n.size() != shares.length) {
            throw new IllegalArgumentException("one name per class: " + shares.length + " shares, " + n.size() + " names");
        }
        return new AbcModel(valueColumn, shares.clone(), n);
    }

    /**
     * A, B, ..., Z, then AA, AB, ... as spreadsheet columns are named: "any number of classes" must not run past
     * Z into '[' and the other characters after it.
     */
    private static List<String> letters(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder name = new StringBuilder();
            for (int k = i + 1; k > 0; k = (k - 1) / 26) {
                name.insert(0, (char) ('A' + (k - 1) % 26));
            }
            out.add(name.toString());
        }
        return out;
    }

    @Override
    public List<String> tierNames() {
        return names;
    }

    /** The numeric feature customers are ranked by. */
    String valueColumn() {
        return valueColumn;
    }

    /** The running shares at which classes end, best class first (e.g. 0.8, 0.95). */
    double[] cumulativeBounds() {
        double[] bounds = new double[shares.length - 1];
        double cum = 0;
        for (int k = 0; k < bounds.length; k++) {
            cum += shares[k];
            bounds[k] = cum;
        }
        return bounds;
    }

    @Override
    public void assign(CustomerFeatures features, int[] out) {
        double[] value = features.numeric(valueColumn);
        if (Columns.isCount(valueColumn)) {
            Columns.finite(features, valueColumn, false); // a count (frequency) must be a whole number >= 0
        }
        if (!ShareCuts.classify(value, cumulativeBounds(), out)) {
            Columns.finite(features, valueColumn, true); // names the first NaN or infinite value
        }
    }
}
