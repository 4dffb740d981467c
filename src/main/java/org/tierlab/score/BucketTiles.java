package org.tierlab.score;

import java.util.Arrays;
import java.util.List;

/**
 * Quantile and equal-count scores of a column profiled with a bucket histogram ({@link ColumnProfile#buckets()}),
 * such as money, in one pass after the profile's. A bucket that holds none of the ranks where a score changes
 * gives all its customers one score, known from the histogram alone; the pass scores every customer by a table
 * lookup on their bucket and sets aside the few in the buckets that do hold such a rank. Those are then ordered
 * exactly (by value, ties by input order, as {@link Binning} documents) and scored. This replaces a pass that
 * gathers the wanted buckets, a selection in them, and a scoring pass by comparisons.
 */
final class BucketTiles {
    /** Scores a table lookup cannot give: the customer is set aside. */
    private static final byte SET_ASIDE = -1;

    private final double[] values;
    private final Buckets buckets;
    private final List<int[]> perChunk;
    private final long[] start;
    /** Ranks at which a score changes, ascending: tile starts (equal count) or breaks (quantile). */
    private final long[] ranks;
    private final boolean equalCount;

    private BucketTiles(double[] values, ColumnProfile profile, long[] ranks, boolean equalCount) {
        this.values = values;
        this.buckets = profile.buckets();
        this.perChunk = profile.bucketCounts();
        this.ranks = ranks;
        this.equalCount = equalCount;
        int count = buckets.count();
        start = new long[count + 1];
        for (int[] part : perChunk) {
            for (int b = 0; b < count; b++) {
                start[b + 1] += part[b];
            }
        }
        for (int b = 0; b < count; b++) {
            start[b + 1] += start[b];
        }
    }

    /**
     * Scores {@code values} into {@code out} by equal-count n-tiles ({@code equalCount}) or quantile breaks, given
     * the 0-based ranks, ascending, at which tiles start or of the break values ({@code Tiles} computes both), and
     * returns true; or returns false, writing nothing, if the column has no bucket histogram or the buckets that
     * hold a changing rank are so full (heavy ties, values outside the sampled range) that the selection path is
     * faster.
     */
    static boolean score(double[] values, ColumnProfile profile, long[] ranks, boolean equalCount, byte[] out) {
        BucketTiles tiles = of(values, profile, ranks, equalCount);
        byte[] table = tiles == null ? null : tiles.table();
        if (table == null) {
            return false;
        }
        int[][] aside = tiles.newSetAside(table);
        Chunks.map(values.length, (c, from, to) -> {
            tiles.assign(table, from, to, aside[c], out);
            return null;
        });
        tiles.scoreSetAside(table, aside, out);
        return true;
    }

    /**
     * The scorer of a column profiled with a bucket histogram (null if it has none, or no values). Its parts
     * ({@link #table}, {@link #newSetAside}, {@link #scoreSetAside}) let {@link RfmAbc} run the lookup pass fused
     * with another.
     */
    static BucketTiles of(double[] values, ColumnProfile profile, long[] ranks, boolean equalCount) {
        if (profile.buckets() == null || profile.count() == 0) {
            return null;
        }
        return new BucketTiles(values, profile, ranks, equalCount);
    }

    /**
     * The score of every bucket's customers, or {@link #SET_ASIDE} (negative) for a bucket that holds a rank where
     * the score changes; null if the set-aside would be too large to pay.
     */
    byte[] table() {
        byte[] table = new byte[buckets.count()];
        long setAside = 0;
        for (int b = 0; b < table.length; b++) {
            int score = 1;
            boolean holdsRank = false;
            for (long r : ranks) {
                score += r < start[b] ? 1 : 0;
                holdsRank |= r >= start[b] && r < start[b + 1];
            }
            table[b] = holdsRank ? SET_ASIDE : (byte) score;
            setAside += holdsRank ? start[b + 1] - start[b] : 0;
        }
        return setAside > Math.max(1 << 12, values.length >> 5) ? null : table;
    }

    /** Per chunk, room for the customers of the set-aside buckets. */
    int[][] newSetAside(byte[] table) {
        return Buckets.setAsideRoom(perChunk, b -> table[b] == SET_ASIDE);
    }

    private void assign(byte[] table, int from, int to, int[] aside, byte[] out) {
        int kept = 0;
        for (int i = from; i < to; i++) {
            double v = values[i];
            byte s = v != v ? 0 : table[buckets.index(v)];
            out[i] = s;
            if (s == SET_ASIDE) {
                aside[kept++] = i;
            }
        }
    }

    /**
     * Scores the set-aside customers, in input order, grouped by bucket; each bucket's values sorted give every value's
     * rank (values below in the bucket, plus how many equal ones came earlier in input order) and the break values.
     */
    void scoreSetAside(byte[] table, int[][] aside, byte[] out) {
        int count = table.length;
        int[] members = new int[count];
        for (int[] part : aside) {
            for (int i : part) {
                members[buckets.index(values[i])]++;
            }
        }
        int[][] byBucket = new int[count][];
        for (int b = 0; b < count; b++) {
            byBucket[b] = members[b] == 0 ? null : new int[members[b]];
        }
        Arrays.fill(members, 0);
        for (int[] part : aside) {
            for (int i : part) {
                int b = buckets.index(values[i]);
                byBucket[b][members[b]++] = i;
            }
        }
        double[][] sorted = new double[count][];
        double[] breakValue = new double[ranks.length];
        for (int b = 0; b < count; b++) {
            if (byBucket[b] == null) {
                continue;
            }
            double[] s = new double[byBucket[b].length];
            for (int k = 0; k < s.length; k++) {
                s[k] = values[byBucket[b][k]];
            }
            Arrays.sort(s);
            sorted[b] = s;
            for (int j = 0; j < ranks.length; j++) {
                if (ranks[j] >= start[b] && ranks[j] < start[b + 1]) {
                    breakValue[j] = s[(int) (ranks[j] - start[b])];
                }
            }
        }
        for (int b = 0; b < count; b++) {
            if (byBucket[b] != null) {
                scoreBucket(byBucket[b], sorted[b], start[b], breakValue, out);
            }
        }
    }

    private void scoreBucket(int[] customers, double[] sorted, long first, double[] breakValue, byte[] out) {
        int[] earlier = new int[sorted.length];
        for (int i : customers) {
            double v = values[i];
            int below = SortedSearch.lowerBound(sorted, v);
            int score = 1;
            if (equalCount) {
                long rank = first + below + earlier[below]++;
                for (long r : ranks) {
                    score += r <= rank ? 1 : 0;
                }
            } else {
                for (double x : breakValue) {
                    score += v > x ? 1 : 0;
                }
            }
            out[i] = (byte) score;
        }
    }
}
