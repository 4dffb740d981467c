package org.tierlab.score;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a company can observe about its customers, in columnar form: one primitive array per feature, one
 * entry per customer. This is the only input a {@link TieringModel} sees; the simulator never puts its latent
 * truth (true purchase rate, alive flag) in here.
 *
 * <p>Numeric columns are {@code double[]} of length {@link #size()}, shared, not copied: the simulator refills
 * them in place before each re-tiering, so models must not keep references between calls. Categorical columns
 * are {@code int[]} codes into a list of level names.
 *
 * <p>Standard column names are the constants below; a model may use any other named column too
 * (for example the factors of a weighted score).
 */
public final class CustomerFeatures {
    /** Days since the last purchase (whole days from a log; period length in days from the simulator); NaN if never purchased. */
    public static final String RECENCY = "recency";
    /** Number of purchases (transactions) observed in the look-back window. */
    public static final String FREQUENCY = "frequency";
    /** Total revenue observed in the look-back window. */
    public static final String MONETARY = "monetary";
    /** Revenue per year of recorded relationship ("annual fee"; the five-factor preset's annual purchases). */
    public static final String ANNUAL_VALUE = "annual_value";
    /** Revenue times margin minus service cost observed in the look-back window. */
    public static final String PROFIT = "profit";
    /** Days since the customer was acquired (first purchase or contract start). */
    public static final String TENURE = "tenure";
    /** Last survey answer on the 0-10 scale; NaN if the customer never answered. */
    public static final String SURVEY = "survey";
    /**
     * Recent purchase rate minus longer-run purchase rate, in purchases per period (exponentially weighted
     * averages; positive means buying more than usual). From a log: purchases in the recent half of the
     * look-back window minus purchases in the earlier half.
     */
    public static final String TREND = "trend";
    /** 1 if the record is a lead that has not bought yet, else 0. */
    public static final String LEAD = "lead";
    /** 1 if the customer is known to have left (contract cancelled), else 0. */
    public static final String CHURNED = "churned";
    /** Share of purchase periods in which the customer bought again (repurchase rate), 0-1. */
    public static final String REPURCHASE = "repurchase";

    private final int size;
    private final Map<String, double[]> numeric;
    private final Map<String, Categorical> categorical;
    private final Map<String, Supplier<double[]>> lazy = new LinkedHashMap<>();
    /** Who customer i is, in messages about bad values; by default their 1-based position. */
    private java.util.function.IntFunction<String> who = i -> "customer #" + (i + 1);
    /** How messages say customer i has no value (NaN) of a feature; null: the default wording. */
    private java.util.function.BiFunction<String, Integer, String> missing;

    /** A categorical column: per-customer codes into {@code levels}. */
    public record Categorical(int[] codes, List<String> levels) {
        /** Checks the codes lie in the levels. */
        public Categorical {
            Objects.requireNonNull(codes, "codes");
            levels = List.copyOf(levels);
            for (int c : codes) {
                if (c < 0 || c >= levels.size()) {
                    throw new IllegalArgumentException("category code " + c + " outside 0.." + (levels.size() - 1));
                }
            }
        }
    }

    private CustomerFeatures(int size, Map<String, double[]> numeric, Map<String, Categorical> categorical) {
        this.size = size;
        this.numeric = numeric;
        this.categorical = categorical;
    }

    /**
     * Sets how messages name customer i (0-based): a reader knows the file line or the id, which says more than
     * the position. Returns this.
     */
    public CustomerFeatures describedBy(java.util.function.IntFunction<String> describe) {
        this.who = java.util.Objects.requireNonNull(describe, "describe");
        return this;
    }

    /** Customer i as messages name them ("customer #3" unless a reader said otherwise). */
    public String describe(int i) {
        return who.apply(i);
    }

    /**
     * Sets how messages say that customer i has no value (NaN) of a feature, given the feature's name and i: a
     * table reader knows it was an empty cell, and in which line and column, which says more than "NaN". Returns
     * this.
     */
    public CustomerFeatures missingDescribedBy(java.util.function.BiFunction<String, Integer, String> describe) {
        this.missing = java.util.Objects.requireNonNull(describe, "describe");
        return this;
    }

    /**
     * That customer i has no value of {@code feature}, as messages say it: "feature 'monetary' of customer #3 is
     * NaN" unless a reader said otherwise.
     */
    public String describeMissing(String feature, int i) {
        return missing != null ? missing.apply(feature, i) : "feature '" + feature + "' of " + describe(i) + " is NaN";
    }

    /** An empty feature set for {@code size} customers; add columns with {@link #put}. */
    public static CustomerFeatures of(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0: " + size);
        }
        return new CustomerFeatures(size, new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    /** Adds or replaces a numeric column (not copied). */
    public CustomerFeatures put(String name, double[] values) {
        if (values.length != size) {
            throw new IllegalArgumentException("column '" + name + "' has " + values.length + " values, expected " + size);
        }
        numeric.put(name, values);
        lazy.remove(name);
        return this;
    }

    /**
     * Adds a numeric column computed on first use: a simulator can offer every feature it knows while paying
     * (time and memory) only for the columns the model actually reads.
     */
    public CustomerFeatures putLazy(String name, Supplier<double[]> values) {
        numeric.remove(name);
        lazy.put(name, values);
        return this;
    }

    /**
     * Lets go of a lazy column's values once a model has used them, so a model reading several columns holds one
     * at a time (with a million customers each column is 8 MB); a later {@link #numeric} computes it again.
     * Columns added with {@link #put} are kept.
     */
    public void release(String name) {
        if (lazy.containsKey(name)) {
            numeric.remove(name);
        }
    }

    /** Adds or replaces a categorical column (codes not copied). */
    public CustomerFeatures putCategorical(String name, int[] codes, List<String> levels) {
        if (codes.length != size) {
            throw new IllegalArgumentException("column '" + name + "' has " + codes.length + " values, expected " + size);
        }
        categorical.put(name, new Categorical(codes, levels));
        return this;
    }

    /**
     * The customers {@code rows[from]..rows[to - 1]} (indices into this set) as a feature set of their own, in
     * that order: a model given the subset tiers that group as if it were the whole customer base. Customer i of
     * the subset is named in messages as this set names customer {@code rows[from + i]}.
     *
     * <p>Every numeric column of this set is offered as a lazy column of the subset, copied for the group on
     * first use: a model pays only for the columns it reads, and its {@link #release} frees the group's copy.
     * The source column is read through {@link #numeric}, so a lazy column of this set is computed once and then
     * stays cached here, for the next group, until released here. Categorical columns are copied at once.
     */
    public CustomerFeatures subset(int[] rows, int from, int to) {
        Objects.checkFromToIndex(from, to, rows.length);
        CustomerFeatures group = of(to - from);
        for (String name : numericNames()) {
            group.putLazy(name, () -> gather(numeric(name), rows, from, to));
        }
        for (Map.Entry<String, Categorical> e : categorical.entrySet()) {
            group.putCategorical(e.getKey(), gather(e.getValue().codes(), rows, from, to), e.getValue().levels());
        }
        if (missing != null) {
            group.missingDescribedBy((feature, i) -> missing.apply(feature, rows[from + i]));
        }
        return group.describedBy(i -> describe(rows[from + i]));
    }

    private static double[] gather(double[] column, int[] rows, int from, int to) {
        double[] out = new double[to - from];
        for (int j = from; j < to; j++) {
            out[j - from] = column[rows[j]];
        }
        return out;
    }

    private static int[] gather(int[] codes, int[] rows, int from, int to) {
        int[] out = new int[to - from];
        for (int j = from; j < to; j++) {
            out[j - from] = codes[rows[j]];
        }
        return out;
    }

    /** Number of customers. */
    public int size() {
        return size;
    }

    /** True if the numeric column exists. */
    public boolean hasNumeric(String name) {
        return numeric.containsKey(name) || lazy.containsKey(name);
    }

    /** True if the categorical column exists. */
    public boolean hasCategorical(String name) {
        return categorical.containsKey(name);
    }

    /** The numeric column; an absent one is an {@link IllegalArgumentException} naming what exists. */
    public double[] numeric(String name) {
        double[] v = numeric.get(name);
        if (v == null && lazy.containsKey(name)) {
            v = lazy.get(name).get();
            numeric.put(name, v);
        }
        if (v == null) {
            java.util.Set<String> available = new java.util.TreeSet<>(numeric.keySet());
            available.addAll(lazy.keySet());
            if (categorical.containsKey(name)) {
                throw new IllegalArgumentException(textColumn(name));
            }
            throw new IllegalArgumentException("no numeric feature '" + name + "'; available: " + available);
        }
        return v;
    }

    /** Why a text column cannot be a numeric feature: its first level that is not a number, as a user finds it. */
    private String textColumn(String name) {
        String text = "";
        for (String level : categorical.get(name).levels()) {
            if (!isNumber(level)) {
                text = level;
                break;
            }
        }
        return "feature '" + name + "' must be numeric, but its column holds text ('" + text + "'); expected a number"
                + " (or an empty cell) in every row";
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The categorical column; an absent one is an {@link IllegalArgumentException} naming what exists. */
    public Categorical categorical(String name) {
        Categorical c = categorical.get(name);
        if (c == null) {
            if (numeric.containsKey(name) || lazy.containsKey(name)) {
                throw new IllegalArgumentException("feature '" + name + "' holds numbers, so it was read as a numeric"
                        + " column; an attribute needs text levels (e.g. b101 instead of 101); categorical features: "
                        + categorical.keySet());
            }
            throw new IllegalArgumentException("no categorical feature '" + name + "'; available: " + categorical.keySet());
        }
        return c;
    }

    /** Names of the numeric columns, in insertion order. */
    public List<String> numericNames() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>(numeric.keySet());
        names.addAll(lazy.keySet());
        return List.copyOf(names);
    }

    /** Names of the categorical columns, in insertion order. */
    public List<String> categoricalNames() {
        return List.copyOf(Collections.unmodifiableSet(categorical.keySet()));
    }
}
