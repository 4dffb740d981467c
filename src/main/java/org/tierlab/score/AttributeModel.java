package org.tierlab.score;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups by a categorical attribute (industry, region, size class), alone or crossed with another model: the
 * crossed tier of a customer is "level / tier", e.g. "retail / A". Tier order: levels in the attribute's
 * order, and within a level the inner model's order. The {@link Scope} says whose customers the inner model
 * ranks: the whole base, or each level's customers apart.
 */
public final class AttributeModel implements TieringModel {
    /** Whose customers the inner ({@code within}) model tiers. */
    public enum Scope {
        /** The inner model tiers the whole customer base once: "north / A" is a north customer who is A among all. */
        BASE,
        /**
         * The inner model tiers each level's customers apart, as if they were the whole base: "north / A" is A
         * among the north's customers (ABC shares of the north's value, RFM quintiles of the north's customers).
         */
        GROUP
    }

    private final String attribute;
    private final List<String> levels;
    private final TieringModel within;
    private final Scope scope;
    private final List<String> names;

    private AttributeModel(String attribute, List<String> levels, TieringModel within, Scope scope) {
        this.attribute = attribute;
        this.levels = List.copyOf(levels);
        this.within = within;
        this.scope = scope;
        List<String> n = new ArrayList<>();
        for (String level : levels) {
            if (within == null) {
                n.add(level);
            } else {
                for (String tier : within.tierNames()) {
                    n.add(level + " / " + tier);
                }
            }
        }
        this.names = List.copyOf(n);
    }

    /**
     * Groups by {@code attribute}, whose levels must be known up front so tiers can be named before any data is
     * seen; {@code within} may be {@code null}. A {@code within} model tiers the whole base ({@link Scope#BASE}).
     */
    public static AttributeModel of(String attribute, List<String> levels, TieringModel within) {
        return of(attribute, levels, within, Scope.BASE);
    }

    /**
     * Groups by {@code attribute} crossed with {@code within}, which tiers the customers {@code scope} says;
     * {@link Scope#GROUP} needs a {@code within} model.
     */
    public static AttributeModel of(String attribute, List<String> levels, TieringModel within, Scope scope) {
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("attribute '" + attribute + "' needs at least one level");
        }
        if (scope == Scope.GROUP && within == null) {
            throw new IllegalArgumentException("scope group runs the 'within' model on each level's customers, and"
                    + " no 'within' model is given");
        }
        return new AttributeModel(attribute, levels, within, java.util.Objects.requireNonNull(scope, "scope"));
    }

    @Override
    public List<String> tierNames() {
        return names;
    }

    @Override
    public void assign(CustomerFeatures f, int[] out) {
        CustomerFeatures.Categorical c = f.categorical(attribute);
        int[] levelOfCode = declaredLevels(f, c);
        int[] codes = c.codes();
        if (within == null) {
            for (int i = 0; i < f.size(); i++) {
                out[i] = levelOfCode[codes[i]];
            }
        } else if (scope == Scope.BASE) {
            crossWithWholeBase(f, codes, levelOfCode, out);
        } else {
            crossWithinEachLevel(f, codes, levelOfCode, out);
        }
    }

    /**
     * The declared level of each of the column's level codes; a level not declared is an error naming the first
     * customer who has it (so a table's line), and an empty cell as such.
     */
    private int[] declaredLevels(CustomerFeatures f, CustomerFeatures.Categorical c) {
        int[] levelOfCode = new int[c.levels().size()];
        for (int j = 0; j < levelOfCode.length; j++) {
            levelOfCode[j] = levels.indexOf(c.levels().get(j));
            if (levelOfCode[j] < 0) {
                throw undeclaredLevel(f, c, j);
            }
        }
        return levelOfCode;
    }

    private IllegalArgumentException undeclaredLevel(CustomerFeatures f, CustomerFeatures.Categorical c, int code) {
        String level = c.levels().get(code);
        String value = level.isEmpty() ? "empty (no level)" : "'" + level + "'";
        String expected = ", which is not among the declared levels " + levels + "; expected one of them";
        int[] codes = c.codes();
        for (int i = 0; i < f.size(); i++) {
            if (codes[i] == code) {
                return new IllegalArgumentException("attribute '" + attribute + "' of " + f.describe(i) + " is "
                        + value + expected);
            }
        }
        return new IllegalArgumentException("attribute '" + attribute + "' has level " + value + expected);
    }

    /** Scope BASE: the inner model tiers everybody at once, and each tier is crossed with the customer's level. */
    private void crossWithWholeBase(CustomerFeatures f, int[] codes, int[] levelOfCode, int[] out) {
        int inner = within.tierNames().size();
        within.assign(f, out); // the inner tiers, crossed in place
        for (int i = 0; i < f.size(); i++) {
            out[i] += levelOfCode[codes[i]] * inner;
        }
    }

    /**
     * Scope GROUP: the inner model tiers each level's customers as a feature set of their own, and each tier is
     * crossed with the level. The whole base's columns the groups read stay cached until every group is tiered
     * (each group copies its values out of them), then are released.
     */
    private void crossWithinEachLevel(CustomerFeatures f, int[] codes, int[] levelOfCode, int[] out) {
        int[] start = new int[levels.size() + 1];
        int[] members = membersByLevel(codes, levelOfCode, f.size(), start);
        int inner = within.tierNames().size();
        int[] innerTier = new int[largestLevel(start)]; // reused: a model writes only its first size() entries
        try {
            for (int level = 0; level < levels.size(); level++) {
                // every level, even an empty one: a feature the inner model lacks is an error whatever the data
                within.assign(f.subset(members, start[level], start[level + 1]), innerTier);
                for (int j = start[level]; j < start[level + 1]; j++) {
                    out[members[j]] = level * inner + innerTier[j - start[level]];
                }
            }
        } finally {
            for (String name : f.numericNames()) {
                f.release(name);
            }
        }
    }

    /**
     * The customers' indices ordered by declared level (a counting sort, so customers keep their input order
     * within a level: a tie-break by input order, as ntile's, is the same inside a group as in the base).
     * Level {@code l}'s customers are {@code members[start[l]]..members[start[l + 1] - 1]}; {@code start} must
     * have one entry per level plus one, all zero.
     */
    static int[] membersByLevel(int[] codes, int[] levelOfCode, int n, int[] start) {
        for (int i = 0; i < n; i++) {
            start[levelOfCode[codes[i]] + 1]++;
        }
        for (int level = 1; level < start.length; level++) {
            start[level] += start[level - 1];
        }
        int[] next = java.util.Arrays.copyOf(start, start.length - 1);
        int[] members = new int[n];
        for (int i = 0; i < n; i++) {
            members[next[levelOfCode[codes[i]]]++] = i;
        }
        return members;
    }

    private static int largestLevel(int[] start) {
        int largest = 0;
        for (int level = 0; level + 1 < start.length; level++) {
            largest = Math.max(largest, start[level + 1] - start[level]);
        }
        return largest;
    }
}
