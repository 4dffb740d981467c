package org.tierlab.score;

import java.util.Arrays;
import java.util.List;

/**
 * Tiers by rank: the top {@code counts[0]} customers by value form the first tier, the next {@code counts[1]}
 * the second, and everyone else the last ("only the top 30 accounts get a dedicated account manager").
 * Boundaries are value cut-offs, so customers tied with the last one in a tier join that tier (a tier can hold
 * more than its count when values tie at the boundary, never fewer unless there are fewer customers).
 */
public final class TopCountModel implements TieringModel {
    private final String valueColumn;
    private final int[] counts;
    private final List<String> names;

    private TopCountModel(String valueColumn, int[] counts, List<String> names) {
        this.valueColumn = valueColumn;
        this.counts = counts;
        this.names = names;
    }

    /** Tiers of the given sizes by descending {@code valueColumn}; one more name than counts. */
    public static TopCountModel of(String valueColumn, int[] counts, List<String> names) {
        if (counts.length == 0) {
            throw new IllegalArgumentException("give at least one count");
        }
        for (int c : counts) {
            if (c < 1) {
                throw new IllegalArgumentException("counts must be >= 1: " + Arrays.toString(counts));
            }
        }
        if (names.size() != counts.length + 1) {
            throw new IllegalArgumentException(counts.length + " counts make " + (counts.length + 1)
                    + " tiers, but " + names.size() + " names were given");
        }
        return new TopCountModel(valueColumn, counts.clone(), List.copyOf(names));
    }

    @Override
    public List<String> tierNames() {
        return names;
    }

    @Override
    public void assign(CustomerFeatures features, int[] out) {
        ColumnProfile profile = Columns.profile(features, valueColumn, true);
        double[] value = features.numeric(valueColumn);
        int n = value.length;
        // cut[k]: the value at descending rank counts[0] + ... + counts[k] (1-based), found without sorting
        int tiersWithCut = 0;
        long rank = 0;
        for (int c : counts) {
            rank += c;
            tiersWithCut += rank <= n ? 1 : 0;
        }
        long[] ascending = new long[tiersWithCut];
        rank = 0;
        for (int k = 0; k < tiersWithCut; k++) {
            rank += counts[k];
            ascending[tiersWithCut - 1 - k] = n - rank;
        }
        double[] atRank = OrderStatistics.atRanks(value, false, ascending, profile).value();
        double[] cut = new double[counts.length];
        Arrays.fill(cut, Double.NEGATIVE_INFINITY);
        for (int k = 0; k < tiersWithCut; k++) {
            cut[k] = atRank[tiersWithCut - 1 - k];
        }
        Chunks.forEach(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                int k = 0;
                while (k < cut.length && value[i] < cut[k]) {
                    k++;
                }
                out[i] = k;
            }
        });
    }
}
